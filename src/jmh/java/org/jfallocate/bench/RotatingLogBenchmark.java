package org.jfallocate.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The steady-state log question: a writer appends 4 KiB records to a log of 64 MiB segments
 * while the strategy prepares the next segment on a background thread ({@link RotatingLog}).
 * Does preparing ahead keep up, and what does the switch cost the writer? Once with one
 * writer, once with four writers on the same filesystem, each with its own log and preparer.
 *
 * <p>The log lives for the whole trial; every iteration appends {@value #RECORDS} records
 * (16 MiB) in all where the last one stopped: one writer switches segments every fourth
 * iteration, each of four writers every sixteenth. A point of the full profile (one fork, 2
 * warmup and 30 measured iterations) writes 512 MiB.
 * The score is the mean time per record of each writer (JMH averages the writers); secondary
 * results: {@code throughput} (records/s of all writers together), the percentiles of every
 * record's latency (a switch counted into the record that waited for it), {@code switch_us}
 * (mean switch as the writer saw it, since the trial began), {@code switches} (in this
 * iteration, all writers) and {@code prepare_ms} (the preparer's mean time per segment). The write path is fdatasync every 16 records: see
 * docs/benchmarks.md for why.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 30)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class RotatingLogBenchmark {
    /**
     * Records per iteration, of all writers together: 16 MiB of 4 KiB records, a quarter
     * segment; each of four writers appends a quarter of them, so that a point writes as much
     * with four writers as with one.
     */
    static final int RECORDS = 4096;
    /** Records per writer per iteration with four writers. */
    static final int RECORDS_OF_FOUR = RECORDS / 4;

    /** The directory written in, on the filesystem under test. */
    @Param(".")
    public String dir;

    /** How each segment is prepared. */
    @Param
    public Strategy strategy;

    /**
     * fdatasync after every this many records: 16 (fixed on purpose, docs/benchmarks.md), or 1.
     * Not the durable workload's {@code writePath} parameter, whose values the runner sets for
     * that question.
     */
    @Param("16")
    public int syncEvery;

    /** Bytes per segment: etcd's 64 MB segments and ScyllaDB's default 32 MiB commitlog segments are this order. */
    @Param("67108864")
    public long segmentBytes;

    /** Bytes per record. */
    @Param("4096")
    public int recordBytes;

    /** The reservation step of CHUNKED_KEEP_SIZE (the other strategies ignore it). */
    @Param("1048576")
    public long chunkBytes;

    private ScratchDir scratch;
    private RotatingLog log;

    @Setup(Level.Trial)
    public void openLog() throws IOException {
        scratch = new ScratchDir(dir, "rotating");
        WritePath writePath = switch (syncEvery) {
            case 1 -> WritePath.FDATASYNC_EACH;
            case 16 -> WritePath.FDATASYNC_16;
            default -> throw new IllegalArgumentException("syncEvery must be 1 or 16, was " + syncEvery);
        };
        log = new RotatingLog(scratch.path(), new LogSpec(strategy, segmentBytes, recordBytes, writePath, chunkBytes));
    }

    private long switchesBefore;

    @Setup(Level.Iteration)
    public void resetLatencies() {
        log.resetLatencies();
        switchesBefore = log.switches();
    }

    /** One writer. */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(RECORDS)
    public long oneWriter() throws IOException {
        return appendTimed(RECORDS);
    }

    /** Four writers at once, each on its own log, on the same filesystem. */
    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(RECORDS_OF_FOUR)
    public long fourWriters() throws IOException {
        return appendTimed(RECORDS_OF_FOUR);
    }

    private long appendTimed(int records) throws IOException {
        long begin = System.nanoTime();
        long end = log.append(records);
        SecondaryMetrics.addToSum("throughput", "ops/s", records * 1e9 / Math.max(1, System.nanoTime() - begin));
        return end;
    }

    @TearDown(Level.Iteration)
    public void reportIteration() {
        SecondaryMetrics.addLatencies(log.latencies());
        SecondaryMetrics.addToSum("switches", "count", log.switches() - switchesBefore);
        if (log.switches() > 0) {
            SecondaryMetrics.addToMean("switch_us", "us", log.meanSwitchNanos() / 1e3);
        }
        if (log.prepared() > 0) {
            SecondaryMetrics.addToMean("prepare_ms", "ms", log.meanPrepareNanos() / 1e6);
        }
    }

    @TearDown(Level.Trial)
    public void closeLog() throws IOException {
        log.close();
        scratch.close();
    }
}
