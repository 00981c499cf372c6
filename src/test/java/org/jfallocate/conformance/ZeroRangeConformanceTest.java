package org.jfallocate.conformance;

import static org.jfallocate.conformance.Conformance.assertBytes;
import static org.jfallocate.conformance.Conformance.assertExtentsCover;
import static org.jfallocate.conformance.Conformance.block;
import static org.jfallocate.conformance.Conformance.callOrSkip;
import static org.jfallocate.conformance.Conformance.dataFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfallocate.ByteRange;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileLayout;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ZERO_RANGE, per fallocate(2): "zeroes space in the byte range ... blocks are preallocated
 * for the regions that span the holes ... if offset+len is greater than the file size, the
 * file size is updated" unless KEEP_SIZE is given.
 */
class ZeroRangeConformanceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void zeroRange_insideTheFile_readsZeros_keepsTheRestAndTheAllocation(TestFs fs) throws Exception {
        Path dir = fs.freshDir("zero");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 16 * b);
        FileLayout before = FileLayout.of(file);
        ByteRange range = new ByteRange(4L * b, 4L * b);

        callOrSkip(fs, file, FallocateMode.ZERO_RANGE, range.offset(), range.length());

        FileLayout after = FileLayout.of(file);
        assertEquals(16L * b, after.size());
        byte[] read = Files.readAllBytes(file);
        assertBytes(data, 0, read, 0, 4 * b, "bytes before the range are unchanged");
        assertTrue(FileBytes.allZero(read, 4 * b, 8 * b), "the range reads as zeros");
        assertBytes(data, 8 * b, read, 8 * b, 16 * b, "bytes after the range are unchanged");
        assertTrue(after.allocatedBytes() >= before.allocatedBytes(),
                "zeroing keeps the range allocated (unlike PUNCH_HOLE): before " + before + ", after " + after);
        assertExtentsCover(after, range);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void zeroRange_unalignedRange_zeroesExactlyItsBytes(TestFs fs) throws Exception {
        Path dir = fs.freshDir("zero-partial");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 16 * b);
        int from = 4 * b + 100;
        int to = 7 * b - 100;

        callOrSkip(fs, file, FallocateMode.ZERO_RANGE, from, to - from);

        byte[] read = Files.readAllBytes(file);
        assertEquals(16 * b, read.length);
        assertBytes(data, 0, read, 0, from, "bytes before the range are unchanged, to the byte");
        assertTrue(FileBytes.allZero(read, from, to), "the range reads as zeros");
        assertBytes(data, to, read, to, 16 * b, "bytes after the range are unchanged, to the byte");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void zeroRange_pastEof_growsTheFile(TestFs fs) throws Exception {
        Path dir = fs.freshDir("zero-grow");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 16 * b);

        callOrSkip(fs, file, FallocateMode.ZERO_RANGE, 14L * b, 4L * b);

        FileLayout after = FileLayout.of(file);
        assertEquals(18L * b, after.size(), "the size becomes offset + len");
        byte[] read = Files.readAllBytes(file);
        assertBytes(data, 0, read, 0, 14 * b, "bytes before the range are unchanged");
        assertTrue(FileBytes.allZero(read, 14 * b, 18 * b), "the range reads as zeros");
        assertTrue(after.allocatedBytes() >= 18L * b, "the whole file is allocated: " + after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void zeroRangeKeepSize_pastEof_zeroesUpToEof_andKeepsTheSize(TestFs fs) throws Exception {
        Path dir = fs.freshDir("zero-keep");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 16 * b);

        callOrSkip(fs, file, FallocateMode.ZERO_RANGE_KEEP_SIZE, 14L * b, 4L * b);

        FileLayout after = FileLayout.of(file);
        assertEquals(16L * b, after.size(), "KEEP_SIZE leaves the size alone");
        byte[] read = Files.readAllBytes(file);
        assertBytes(data, 0, read, 0, 14 * b, "bytes before the range are unchanged");
        assertTrue(FileBytes.allZero(read, 14 * b, 16 * b), "the range up to EOF reads as zeros");
        assertTrue(after.allocatedBytes() >= 18L * b, "the range past EOF is allocated too: " + after);
    }
}
