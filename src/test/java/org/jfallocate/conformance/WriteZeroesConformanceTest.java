package org.jfallocate.conformance;

import static org.jfallocate.conformance.Conformance.assertBytes;
import static org.jfallocate.conformance.Conformance.assertExtentsCover;
import static org.jfallocate.conformance.Conformance.block;
import static org.jfallocate.conformance.Conformance.callOrSkip;
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

/**
 * WRITE_ZEROES, per fallocate(2) (Linux 6.17): "zeroes space in the byte range ... the
 * range is allocated and converted to written (not unwritten) extents", through the
 * device's write-zeroes command; it fails with EOPNOTSUPP where the device cannot do that.
 */
class WriteZeroesConformanceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void writeZeroes_fillsAHoleWithWrittenZeros(TestFs fs) throws Exception {
        Path dir = fs.freshDir("write-zeroes");
        int b = block(dir);
        Path file = dir.resolve("f");
        ByteRange hole = new ByteRange(4L * b, 4L * b);
        byte[] expected = sparseFile(file, 16 * b, hole);
        FileLayout before = FileLayout.of(file);

        callOrSkip(fs, file, FallocateMode.WRITE_ZEROES, hole.offset(), hole.length());

        FileLayout after = FileLayout.of(file);
        assertEquals(16L * b, after.size());
        byte[] read = Files.readAllBytes(file);
        assertTrue(FileBytes.allZero(read, 4 * b, 8 * b), "the range reads as zeros");
        assertBytes(expected, 0, read, 0, 16 * b, "the rest is unchanged");
        assertTrue(after.allocatedBytes() >= before.allocatedBytes() + hole.length(), "the range is allocated: " + after);
        assertExtentsCover(after, hole);
        if (after.hasExtentMap()) {
            assertTrue(after.extentsOverlapping(hole).stream().noneMatch(e -> e.isUnwritten()),
                    "WRITE_ZEROES leaves written extents, not unwritten ones: " + after);
        }
    }
}
