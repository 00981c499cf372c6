package org.jfallocate.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;
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
 * fallocate's hole operations against what a program does without them, on a 64 MiB file of
 * written data, each made durable with fdatasync (the naive ones too):
 * <ul>
 * <li>dropping the first 16 MiB of a log: COLLAPSE_RANGE against copying the tail to a new file
 *     and renaming it over the old one;</li>
 * <li>discarding 16 MiB in the middle: PUNCH_HOLE against writing zeros;</li>
 * <li>opening a 16 MiB gap at 16 MiB: INSERT_RANGE against moving the tail up and zeroing the gap.</li>
 * </ul>
 * Each operation changes the file for good, so every iteration gets a freshly written file
 * (setup, not measured) and one measured call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class HoleOperationsBenchmark {
    private static final int MIB = 1 << 20;
    private static final long FILE_BYTES = 64L * MIB;
    private static final long RANGE_BYTES = 16L * MIB;
    private static final long RANGE_OFFSET = 16L * MIB;

    /** The directory written in, on the filesystem under test. */
    @Param(".")
    public String dir;

    private ScratchDir scratch;
    private Path path;
    private RandomAccessFile file;
    private FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(MIB);
    private final ByteBuffer zeros = ByteBuffer.allocateDirect(MIB);

    @Setup(Level.Trial)
    public void createScratch() throws IOException {
        scratch = new ScratchDir(dir, "holes");
    }

    @Setup(Level.Iteration)
    public void writeFile() throws IOException {
        path = scratch.newFile("data");
        file = new RandomAccessFile(path.toFile(), "rw");
        channel = file.getChannel();
        for (int i = 0; i < MIB; i++) {
            buffer.put(i, (byte) (i * 131 + 1));
        }
        for (long pos = 0; pos < FILE_BYTES; pos += MIB) {
            buffer.clear();
            writeFully(channel, buffer, pos);
        }
        channel.force(true);
    }

    /** Drops the first 16 MiB in place. */
    @Benchmark
    public FileChannel collapseRange() throws IOException {
        Fallocate.fallocate(channel, FallocateMode.COLLAPSE_RANGE, 0, RANGE_BYTES);
        channel.force(false);
        return channel;
    }

    /** Drops the first 16 MiB by copying the rest into a new file that replaces the old one. */
    @Benchmark
    public Path copyTail() throws IOException {
        Path copy = scratch.newFile("copy");
        try (FileChannel out = FileChannel.open(copy, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            for (long pos = RANGE_BYTES; pos < FILE_BYTES; pos += MIB) {
                readFully(channel, buffer, pos);
                writeFully(out, buffer, pos - RANGE_BYTES);
            }
            out.force(false);
        }
        return Files.move(copy, path, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Discards 16 MiB in the middle by deallocating it. */
    @Benchmark
    public FileChannel punchHole() throws IOException {
        Fallocate.fallocate(channel, FallocateMode.PUNCH_HOLE, RANGE_OFFSET, RANGE_BYTES);
        channel.force(false);
        return channel;
    }

    /** Discards 16 MiB in the middle by overwriting it with zeros. */
    @Benchmark
    public FileChannel writeZeros() throws IOException {
        for (long pos = RANGE_OFFSET; pos < RANGE_OFFSET + RANGE_BYTES; pos += MIB) {
            zeros.clear();
            writeFully(channel, zeros, pos);
        }
        channel.force(false);
        return channel;
    }

    /** Opens a 16 MiB gap (a hole) at 16 MiB, shifting the rest up. */
    @Benchmark
    public FileChannel insertRange() throws IOException {
        Fallocate.fallocate(channel, FallocateMode.INSERT_RANGE, RANGE_OFFSET, RANGE_BYTES);
        channel.force(false);
        return channel;
    }

    /** Opens a 16 MiB gap of zeros at 16 MiB by moving the rest up, last MiB first, then zeroing the gap. */
    @Benchmark
    public FileChannel rewriteTail() throws IOException {
        for (long pos = FILE_BYTES - MIB; pos >= RANGE_OFFSET; pos -= MIB) {
            readFully(channel, buffer, pos);
            writeFully(channel, buffer, pos + RANGE_BYTES);
        }
        for (long pos = RANGE_OFFSET; pos < RANGE_OFFSET + RANGE_BYTES; pos += MIB) {
            zeros.clear();
            writeFully(channel, zeros, pos);
        }
        channel.force(false);
        return channel;
    }

    @TearDown(Level.Iteration)
    public void deleteFile() throws IOException {
        file.close();
        Files.deleteIfExists(path);
    }

    @TearDown(Level.Trial)
    public void removeScratch() {
        scratch.close();
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        buf.clear();
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
                throw new IOException("unexpected end of file at " + (pos + buf.position()));
            }
        }
        buf.flip();
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        long at = pos;
        while (buf.hasRemaining()) {
            at += ch.write(buf, at);
        }
    }
}
