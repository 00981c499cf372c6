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
 * The same appends as {@link DurableAppendBenchmark} without any sync: the writes land in the
 * page cache, so the reservation should hardly matter, and this shows whether it does.
 *
 * <p>Filling a file has no steady state (a full file must be replaced, and that is not the
 * cost asked about), so every iteration gets a fresh file, reserved and synced in the
 * iteration's setup, and one measured call fills it: {@value #RECORDS} records. The score is
 * the mean time per record; the records per second ({@code throughput}) and the HdrHistogram
 * percentiles of the single records come out as secondary results through {@link MetricsProfiler}.
 *
 * <p>Nothing waits for a device here, so a record costs a few microseconds of code that the JIT
 * compiles as it goes: ten warmup iterations (20,480 records) get past C2's thresholds, where
 * two left the measured iterations drifting down by a third (the full run of 2026-12-01).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 30)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class BufferedAppendBenchmark {
    /** Records per measured call: 8 MiB of 4 KiB records. */
    static final int RECORDS = 2048;

    /** The directory written in, on the filesystem under test. */
    @Param(".")
    public String dir;

    /** How the log file's space is reserved before the appends. */
    @Param
    public Strategy strategy;

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
        scratch = new ScratchDir(dir, "buffered");
    }

    @Setup(Level.Iteration)
    public void reserveLog() throws IOException {
        LogSpec spec = new LogSpec(strategy, (long) RECORDS * recordBytes, recordBytes, null, chunkBytes);
        log = AppendLog.create(scratch.newFile("wal"), spec, SecondaryMetrics::recordLatencyNanos);
    }

    /** Fills the prepared log with buffered appends and closes it as a log closes a full segment. */
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
