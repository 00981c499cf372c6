package org.jfallocate.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What reserving space costs: each strategy once on a fresh, empty file.
 *
 * <p>Reserving a range that is already reserved measures nothing, so there is no steady
 * state to reach: every iteration creates a new empty file in its setup and makes exactly
 * one measured call (single-shot), and the file is deleted in the teardown. {@link #reserve}
 * times the call alone; {@link #reserveDurably} adds the fsync that makes the reservation
 * survive a crash, which is where fallocate's metadata is paid for.
 * The quick profile runs 1 MiB and 64 MiB; the full one adds 1 GiB ({@code -p size=...}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 30)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class ReserveSpaceBenchmark {
    /** The directory written in, on the filesystem under test. */
    @Param(".")
    public String dir;

    /** How the space is reserved. */
    @Param
    public Strategy strategy;

    /** Bytes reserved. */
    @Param({"1048576", "67108864"})
    public long size;

    private ScratchDir scratch;
    private Path path;
    private RandomAccessFile file;

    @Setup(Level.Trial)
    public void createScratch() throws IOException {
        scratch = new ScratchDir(dir, "reserve");
    }

    @Setup(Level.Iteration)
    public void createEmptyFile() throws IOException {
        path = scratch.newFile("reserved");
        file = new RandomAccessFile(path.toFile(), "rw");
        file.getChannel().force(true);
    }

    /** The reservation call alone. */
    @Benchmark
    public RandomAccessFile reserve() throws IOException {
        strategy.reserve(file, size);
        return file;
    }

    /** The reservation made durable: the call, then fsync. */
    @Benchmark
    public RandomAccessFile reserveDurably() throws IOException {
        strategy.reserve(file, size);
        file.getChannel().force(true);
        return file;
    }

    @TearDown(Level.Iteration)
    public void deleteFile() throws IOException {
        file.close();
        Files.delete(path);
    }

    @TearDown(Level.Trial)
    public void removeScratch() {
        scratch.close();
    }
}
