package org.jfallocate.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jfallocate.ByteRange;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileLayout;
import org.jfallocate.FileSystemInfo;
import org.jfallocate.ModeProbe;
import org.jfallocate.ModeSupport;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.Assumptions;

/**
 * What every conformance test shares: the filesystems to run on, the probe's verdict for
 * each (computed once per filesystem), files of recognisable data, and one way to make a
 * call that either works, agreeing with the probe, or fails with the probe's errno, leaves
 * the file unchanged, and skips the test with the reason.
 */
final class Conformance {
    private Conformance() {
    }

    private static final Map<Path, ModeSupport> PROBES = new ConcurrentHashMap<>();

    /** Every filesystem of this run, for {@code @MethodSource}. */
    static Stream<TestFs> filesystems() {
        return TestFilesystems.all().stream();
    }

    /** The probe's verdict for this filesystem, probed once per run. */
    static ModeSupport probe(TestFs fs) {
        return PROBES.computeIfAbsent(fs.dir(), dir -> {
            try {
                return ModeProbe.probe(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The filesystem block size: the unit of every range in these tests. */
    static int block(Path dir) throws IOException {
        return Math.toIntExact(FileSystemInfo.of(dir).blockSize());
    }

    /** A new file of {@code length} non-zero pattern bytes, flushed so its layout is settled. */
    static byte[] dataFile(Path file, int length) throws IOException {
        byte[] data = FileBytes.pattern(length);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        return data;
    }

    /**
     * A new file of {@code length} pattern bytes except for {@code hole}, which is never
     * written and so is a hole on every filesystem here. Returns the bytes it reads as.
     */
    static byte[] sparseFile(Path file, int length, ByteRange hole) throws IOException {
        byte[] data = FileBytes.pattern(length);
        java.util.Arrays.fill(data, (int) hole.offset(), (int) hole.end(), (byte) 0);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(ch, ByteBuffer.wrap(data, 0, (int) hole.offset()), 0);
            writeFully(ch, ByteBuffer.wrap(data, (int) hole.end(), length - (int) hole.end()), hole.end());
            ch.force(true);
        }
        return data;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
    }

    /**
     * fallocate(2) that must agree with the probe: when it works the probe must have said
     * yes; when it fails the probe must have said no with the same errno, the file's bytes
     * must be unchanged, and the test is skipped with the reason.
     */
    static void callOrSkip(TestFs fs, Path file, FallocateMode mode, long offset, long len) throws IOException {
        ModeSupport probe = probe(fs);
        ModeSupport.Result verdict = probe.result(mode);
        byte[] before = Files.readAllBytes(file);
        try {
            Fallocate.fallocate(file, mode, offset, len);
        } catch (FallocateException e) {
            assertEquals(verdict.toLine(), verdict.name() + " no " + Errno.nameOf(e.errnoValue()),
                    "the probe's table disagrees with the call on " + fs + ": " + e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file), "a failed " + mode + " changed the file");
            Assumptions.abort(fs + " does not support " + verdict.name() + ": "
                    + Errno.nameOf(e.errnoValue()) + " (the probe agrees)");
        }
        assertTrue(verdict.supported(), "the probe says '" + verdict.toLine() + "' on " + fs + " but "
                + mode + " offset=" + offset + " len=" + len + " worked");
    }

    /** Skips unless the probe says {@code mode} works here; for tests of a supported mode's error rules. */
    static void assumeSupported(TestFs fs, FallocateMode mode) {
        ModeSupport.Result verdict = probe(fs).result(mode);
        Assumptions.assumeTrue(verdict.supported(), () -> fs + " does not support " + verdict.name()
                + " (probe: " + verdict.toLine() + ")");
    }

    /** Asserts that a call fails with {@code expected} and leaves the file's bytes and size unchanged. */
    static void assertFailsUnchanged(Errno expected, Path file, FallocateMode mode, long offset, long len)
            throws IOException {
        byte[] before = Files.readAllBytes(file);
        try {
            Fallocate.fallocate(file, mode, offset, len);
            fail(mode + " offset=" + offset + " len=" + len + " worked; fallocate(2) says " + expected);
        } catch (FallocateException e) {
            assertEquals(expected, e.errno(), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(file), "a failed " + mode + " changed the file");
    }

    /** Asserts {@code actual[from, to)} equals {@code expected[expectedFrom, ...)}. */
    static void assertBytes(byte[] expected, int expectedFrom, byte[] actual, int from, int to, String what) {
        assertArrayEquals(FileBytes.slice(expected, expectedFrom, expectedFrom + (to - from)),
                FileBytes.slice(actual, from, to), what);
    }

    /** Asserts that no extent maps any byte of {@code range} (when this filesystem has an extent map). */
    static void assertNoExtentIn(FileLayout layout, ByteRange range) {
        if (layout.hasExtentMap()) {
            assertEquals(java.util.List.of(), layout.extentsOverlapping(range), "extents inside the hole " + range
                    + ": " + layout);
        }
    }

    /** Asserts that extents cover every byte of {@code range} (when this filesystem has an extent map). */
    static void assertExtentsCover(FileLayout layout, ByteRange range) {
        if (!layout.hasExtentMap()) {
            return;
        }
        long covered = 0;
        for (var e : layout.extentsOverlapping(range)) {
            long from = Math.max(e.logicalOffset(), range.offset());
            long to = Math.min(e.logicalOffset() + e.length(), range.end());
            covered += to - from;
        }
        assertEquals(range.length(), covered, "bytes of " + range + " mapped by extents: " + layout);
    }
}
