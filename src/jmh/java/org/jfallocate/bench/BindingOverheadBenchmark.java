package org.jfallocate.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;
import org.jfallocate.internal.ChannelFds;
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
 * What the binding adds to a system call: fallocate(fd, KEEP_SIZE, 0, 4096) over a block
 * that is already allocated does almost nothing in the kernel (on tmpfs, where the runner
 * runs this), so the time is the call path. jfallocate's int-fd entry point against a JNA
 * direct mapping of the same function; the runner times the same call from C
 * (src/jmh/c/fallocate_loop.c) in the same run, and {@code -prof gc} gives the bytes
 * allocated per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class BindingOverheadBenchmark {
    private static final int FALLOC_FL_KEEP_SIZE = 0x01;
    private static final long LENGTH = 4096;

    /** The directory written in, on the filesystem under test (tmpfs in the runner). */
    @Param(".")
    public String dir;

    private ScratchDir scratch;
    private Path path;
    private RandomAccessFile file;
    private int fd;

    @Setup(Level.Trial)
    public void allocateBlock() throws IOException {
        scratch = new ScratchDir(dir, "overhead");
        path = scratch.newFile("allocated");
        file = new RandomAccessFile(path.toFile(), "rw");
        fd = ChannelFds.fdOf(file.getChannel());
        Fallocate.fallocate(fd, FallocateMode.ALLOCATE, 0, LENGTH);
    }

    /** Through jfallocate (FFM downcall, errno captured, result checked). */
    @Benchmark
    public int jfallocate() throws IOException {
        Fallocate.fallocate(fd, FallocateMode.KEEP_SIZE, 0, LENGTH);
        return fd;
    }

    /** Through a JNA direct mapping, result checked the same way. */
    @Benchmark
    public int jna() {
        int rc = JnaLibC.fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, LENGTH);
        if (rc != 0) {
            throw new IllegalStateException("fallocate through JNA failed: " + rc);
        }
        return rc;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        file.close();
        Files.deleteIfExists(path);
        scratch.close();
    }
}
