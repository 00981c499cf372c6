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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The write-ahead-log question: 4 KiB records appended into a file prepared with each
 * strategy, made durable by each {@link WritePath}: fdatasync after every record or after
 * every 16th, O_DSYNC, or O_DIRECT|O_DSYNC.
 *
 * <p>Filling a file has no steady state (a full file must be replaced, and that is not the
 * cost asked about), so every iteration gets a fresh file, reserved and synced in the
 * iteration's setup, and one measured call fills it: {@value #RECORDS} records. The score is
 * the mean time per record, the strategy's work at close ({@link AppendLog#finish}) included;
 * the records per second ({@code throughput}) and the HdrHistogram percentiles of the single
 * records come out as secondary results through {@link MetricsProfiler}.
 *
 * <p>Three JVMs of ten iterations, which the runner runs in rounds ({@link Rounds}): the first JVM of
 * every strategy, then the second of every strategy, so that a slow span of the disk reaches them alike.
 * On tmpfs, where an fdatasync reaches no device and a record costs microseconds of JIT-compiled
 * code, both profiles run one JVM of 40 warmup and 100 measured iterations instead ({@link Profile});
 * results.csv gives every point's effective counts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 10)
@Fork(value = 3, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class DurableAppendBenchmark {
    /**
     * Records per measured call: 2 MiB of 4 KiB records. Small, because an fdatasync on a
     * loop-mounted filesystem of a busy 2-core machine can take milliseconds.
     */
    static final int RECORDS = 512;

    /** The directory written in, on the filesystem under test. */
    @Param(".")
    public String dir;

    /** How the log file's space is prepared before (and, for CHUNKED_KEEP_SIZE, during) the appends. */
    @Param
    public Strategy strategy;

    /** How the appends are made durable. */
    @Param
    public WritePath writePath;

    /** Bytes per record. */
    @Param("4096")
    public int recordBytes;

    /** The reservation step of CHUNKED_KEEP_SIZE (the other strategies ignore it). */
    @Param("1048576")
    public long chunkBytes;

    private ScratchDir scratch;
    private AppendLog log;

    @Setup(Level.Trial)
    public void createScratch() throws IOException {
        scratch = new ScratchDir(dir, "durable");
    }

    @Setup(Level.Iteration)
    public void reserveLog() throws IOException {
        LogSpec spec = new LogSpec(strategy, (long) RECORDS * recordBytes, recordBytes, writePath, chunkBytes);
        log = AppendLog.create(scratch.newFile("wal"), spec, SecondaryMetrics::recordLatencyNanos);
    }

    /** Fills the prepared log with durable appends and closes it as a log closes a full segment. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long append() throws IOException {
        long begin = System.nanoTime();
        long end = log.append(RECORDS);
        log.finish();
        SecondaryMetrics.throughput(RECORDS, System.nanoTime() - begin);
        return end;
    }

    @TearDown(Level.Iteration)
    public void removeLog() throws IOException {
        log.close();
    }

    @TearDown(Level.Trial)
    public void removeScratch() {
        scratch.close();
    }
}
