package org.jfallocate.conformance;

import static org.jfallocate.conformance.Conformance.assertBytes;
import static org.jfallocate.conformance.Conformance.assertNoExtentIn;
import static org.jfallocate.conformance.Conformance.block;
import static org.jfallocate.conformance.Conformance.callOrSkip;
import static org.jfallocate.conformance.Conformance.dataFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfallocate.ByteRange;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileLayout;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PUNCH_HOLE|KEEP_SIZE, per fallocate(2): "Deallocates space (i.e., creates a hole) in the
 * byte range ... Partial filesystem blocks are zeroed, and whole filesystem blocks are
 * removed from the file."
 */
class PunchHoleConformanceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void punchHole_alignedRange_becomesExactlyThatHole_andFreesItsBlocks(TestFs fs) throws Exception {
        Path dir = fs.freshDir("punch");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 16 * b);
        FileLayout before = FileLayout.of(file);
        ByteRange range = new ByteRange(4L * b, 4L * b);

        callOrSkip(fs, file, FallocateMode.PUNCH_HOLE, range.offset(), range.length());

        FileLayout after = FileLayout.of(file);
        assertEquals(16L * b, after.size(), "PUNCH_HOLE keeps the size");
        assertEquals(List.of(range), after.holes(), "the punched range is the file's only hole");
        assertEquals(List.of(new ByteRange(0, 4L * b), new ByteRange(8L * b, 8L * b)), after.dataRanges());
        assertTrue(after.allocatedBytes() <= before.allocatedBytes() - range.length(),
                "the range's blocks are freed: before " + before.allocatedBytes() + ", after " + after.allocatedBytes());
        byte[] read = Files.readAllBytes(file);
        assertTrue(FileBytes.allZero(read, 4 * b, 8 * b), "the hole reads as zeros");
        assertBytes(data, 0, read, 0, 4 * b, "bytes before the hole are unchanged");
        assertBytes(data, 8 * b, read, 8 * b, 16 * b, "bytes after the hole are unchanged");
        assertNoExtentIn(after, range);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void punchHole_unalignedRange_zeroesExactlyItsBytes_andFreesTheWholeBlocksInside(TestFs fs) throws Exception {
        Path dir = fs.freshDir("punch-partial");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 16 * b);
        FileLayout before = FileLayout.of(file);
        int from = 4 * b + 100;
        int to = 8 * b - 100; // blocks 5 and 6 lie wholly inside; blocks 4 and 7 only partly

        callOrSkip(fs, file, FallocateMode.PUNCH_HOLE, from, to - from);

        FileLayout after = FileLayout.of(file);
        assertEquals(16L * b, after.size());
        byte[] read = Files.readAllBytes(file);
        assertBytes(data, 0, read, 0, from, "bytes before the range are unchanged, to the byte");
        assertTrue(FileBytes.allZero(read, from, to), "the range reads as zeros");
        assertBytes(data, to, read, to, 16 * b, "bytes after the range are unchanged, to the byte");
        assertTrue(after.allocatedBytes() <= before.allocatedBytes() - 2L * b,
                "the two whole blocks inside are freed: " + after);
        assertEquals(List.of(new ByteRange(5L * b, 2L * b)), after.holes(),
                "the whole blocks, and only they, become a hole");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void punchHole_pastEof_changesNothing(TestFs fs) throws Exception {
        Path dir = fs.freshDir("punch-eof");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 4 * b);

        callOrSkip(fs, file, FallocateMode.PUNCH_HOLE, 8L * b, 4L * b);

        assertEquals(4L * b, FileLayout.of(file).size(), "punching past EOF does not grow the file");
        assertBytes(data, 0, Files.readAllBytes(file), 0, 4 * b, "nor change it");
    }
}
