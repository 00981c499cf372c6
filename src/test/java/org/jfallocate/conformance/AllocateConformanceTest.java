package org.jfallocate.conformance;

import static org.jfallocate.conformance.Conformance.assertBytes;
import static org.jfallocate.conformance.Conformance.assertExtentsCover;
import static org.jfallocate.conformance.Conformance.block;
import static org.jfallocate.conformance.Conformance.callOrSkip;
import static org.jfallocate.conformance.Conformance.dataFile;
import static org.jfallocate.conformance.Conformance.sparseFile;
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

/** Mode 0 and KEEP_SIZE, per fallocate(2): "allocates the disk space within the range". */
class AllocateConformanceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void allocate_pastEnd_growsTheFile_allocatesTheRange_andReadsZeros(TestFs fs) throws Exception {
        Path dir = fs.freshDir("allocate");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 16 * b);

        callOrSkip(fs, file, FallocateMode.ALLOCATE, 16L * b, 8L * b);

        FileLayout after = FileLayout.of(file);
        assertEquals(24L * b, after.size(), "mode 0 extends the file to offset + len");
        assertTrue(after.allocatedBytes() >= 24L * b, "every block up to the new end is allocated: " + after);
        byte[] read = Files.readAllBytes(file);
        assertBytes(data, 0, read, 0, 16 * b, "bytes before the range are unchanged");
        assertTrue(FileBytes.allZero(read, 16 * b, 24 * b), "the allocated range reads as zeros");
        assertExtentsCover(after, new ByteRange(16L * b, 8L * b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void allocate_inAHole_allocatesIt_keepsTheSize_andReadsZeros(TestFs fs) throws Exception {
        Path dir = fs.freshDir("allocate-hole");
        int b = block(dir);
        Path file = dir.resolve("f");
        ByteRange hole = new ByteRange(4L * b, 4L * b);
        byte[] expected = sparseFile(file, 16 * b, hole);
        FileLayout before = FileLayout.of(file);
        assertEquals(java.util.List.of(hole), before.holes(), "the file starts with exactly this hole");

        callOrSkip(fs, file, FallocateMode.ALLOCATE, hole.offset(), hole.length());

        FileLayout after = FileLayout.of(file);
        assertEquals(16L * b, after.size(), "allocating inside the file does not change its size");
        assertTrue(after.allocatedBytes() >= before.allocatedBytes() + hole.length(),
                "the hole's blocks are allocated: before " + before + ", after " + after);
        assertBytes(expected, 0, Files.readAllBytes(file), 0, 16 * b, "the hole reads zeros, the data is unchanged");
        assertExtentsCover(after, hole);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void keepSize_pastEnd_allocatesBeyondEof_withoutChangingTheSize(TestFs fs) throws Exception {
        Path dir = fs.freshDir("keep-size");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 16 * b);

        callOrSkip(fs, file, FallocateMode.KEEP_SIZE, 16L * b, 8L * b);

        FileLayout after = FileLayout.of(file);
        assertEquals(16L * b, after.size(), "KEEP_SIZE leaves the size alone");
        assertTrue(after.allocatedBytes() >= 24L * b, "the blocks past EOF are allocated: " + after);
        assertEquals(java.util.List.of(new ByteRange(0, 16L * b)), after.dataRanges(), "data still ends at EOF");
        assertBytes(data, 0, Files.readAllBytes(file), 0, 16 * b, "the file's bytes are unchanged");
        assertExtentsCover(after, new ByteRange(16L * b, 8L * b));
    }
}
