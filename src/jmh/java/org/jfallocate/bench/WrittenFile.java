package org.jfallocate.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The file the hole-operation benchmarks change: {@value #FILE_MIB} MiB of written, non-zero
 * data, synced, and in the page cache or not ({@link Cache}). A hole operation changes the file
 * for good, so every iteration gets a fresh one (setup, not measured) and makes one measured call.
 */
@State(Scope.Thread)
public class WrittenFile {
    static final int MIB = 1 << 20;
    static final int FILE_MIB = 64;
    static final long FILE_BYTES = FILE_MIB * (long) MIB;
    /** The range every operation works on: 16 MiB, at 0 (collapse) or at 16 MiB (punch, insert). */
    static final long RANGE_BYTES = 16L * MIB;
    static final long RANGE_OFFSET = 16L * MIB;

    /** The directory written in, on the filesystem under test. */
    @Param(".")
    public String dir;

    /** Whether the file is cached when the call starts. */
    @Param({"warm", "cold"})
    public Cache cache;

    private ScratchDir scratch;
    Path path;
    private RandomAccessFile file;
    FileChannel channel;
    /** 1 MiB of data for copying, and 1 MiB of zeros. */
    final ByteBuffer buffer = ByteBuffer.allocateDirect(MIB);
    final ByteBuffer zeros = ByteBuffer.allocateDirect(MIB);

    /** A scratch directory for the trial in {@link #dir}. */
    @Setup(Level.Trial)
    public void createScratch() throws IOException {
        scratch = new ScratchDir(dir, "holes");
    }

    /** A fresh file of written data, synced, and dropped from the page cache when {@code cache=cold}. */
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
        if (cache == Cache.cold) {
            PageCache.drop(channel, path);
        }
    }

    /** A new file name next to the data file (for a copy that replaces it). */
    Path sibling(String name) {
        return scratch.newFile(name);
    }

    /** Closes and deletes the iteration's file (or the copy that replaced it). */
    @TearDown(Level.Iteration)
    public void deleteFile() throws IOException {
        file.close();
        Files.deleteIfExists(path);
    }

    /** Removes the scratch directory and anything left in it. */
    @TearDown(Level.Trial)
    public void removeScratch() {
        scratch.close();
    }

    /** Reads {@code buf}'s capacity from {@code pos}, then flips it for writing out. */
    static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        buf.clear();
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
                throw new IOException("unexpected end of file at " + (pos + buf.position()));
            }
        }
        buf.flip();
    }

    static void writeFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        long at = pos;
        while (buf.hasRemaining()) {
            at += ch.write(buf, at);
        }
    }
}
