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
 * The write-ahead-log question: 4 KiB records appended into a file reserved with each
 * strategy, with fdatasync after every record or after every 16th.
 *
 * <p>Filling a file has no steady state (a full file must be replaced, and that is not the
 * cost asked about), so every iteration gets a fresh file, reserved and synced in the
 * iteration's setup, and one measured call fills it: {@value #RECORDS} records. The score is
 * the mean time per record; the records per second ({@code throughput}) and the HdrHistogram
 * percentiles of the single records come out as secondary results through {@link MetricsProfiler}.
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

    /** How the log file's space is reserved before the appends. */
    @Param
    public Strategy strategy;

    /** fdatasync after every this many records. */
    @Param({"1", "16"})
    public int syncEvery;

    /** Bytes per record. */
    @Param("4096")
    public int recordBytes;

    private ScratchDir scratch;
    private AppendLog log;

    @Setup(Level.Trial)
    public void createScratch() throws IOException {
        scratch = new ScratchDir(dir, "durable");
    }

    @Setup(Level.Iteration)
    public void reserveLog() throws IOException {
        log = AppendLog.create(scratch.newFile("wal"), strategy, (long) RECORDS * recordBytes, recordBytes);
    }

    /** Fills the reserved log with durable appends. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long append() throws IOException {
        return log.append(RECORDS, syncEvery);
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
