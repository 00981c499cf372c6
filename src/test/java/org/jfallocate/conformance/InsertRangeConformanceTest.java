package org.jfallocate.conformance;

import static org.jfallocate.conformance.Conformance.assertBytes;
import static org.jfallocate.conformance.Conformance.assertFailsUnchanged;
import static org.jfallocate.conformance.Conformance.assertNoExtentIn;
import static org.jfallocate.conformance.Conformance.assumeSupported;
import static org.jfallocate.conformance.Conformance.block;
import static org.jfallocate.conformance.Conformance.callOrSkip;
import static org.jfallocate.conformance.Conformance.dataFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfallocate.ByteRange;
import org.jfallocate.Errno;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileLayout;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * INSERT_RANGE, per fallocate(2): "increases the file space by inserting a hole within the
 * file size without overwriting any existing data ... The hole will start at offset and
 * continue for len bytes." Block-aligned (EINVAL otherwise); offset must be before EOF.
 */
class InsertRangeConformanceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void insertRange_insertsAHole_andShiftsTheRestUpByExactlyLen(TestFs fs) throws Exception {
        Path dir = fs.freshDir("insert");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 16 * b);
        ByteRange inserted = new ByteRange(4L * b, 3L * b);

        callOrSkip(fs, file, FallocateMode.INSERT_RANGE, inserted.offset(), inserted.length());

        FileLayout after = FileLayout.of(file);
        assertEquals(19L * b, after.size(), "the file is len bytes larger");
        byte[] read = Files.readAllBytes(file);
        assertBytes(data, 0, read, 0, 4 * b, "bytes before offset stay in place");
        assertTrue(FileBytes.allZero(read, 4 * b, 7 * b), "the inserted range reads as zeros");
        assertBytes(data, 4 * b, read, 7 * b, 19 * b, "bytes from offset moved up by len");
        assertEquals(java.util.List.of(inserted), after.holes(), "the inserted range is a hole: " + after);
        assertNoExtentIn(after, inserted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void insertRange_unalignedOffsetOrLen_isEINVAL_andChangesNothing(TestFs fs) throws Exception {
        assumeSupported(fs, FallocateMode.INSERT_RANGE);
        Path dir = fs.freshDir("insert-align");
        int b = block(dir);
        Path file = dir.resolve("f");
        dataFile(file, 16 * b);
        assertFailsUnchanged(Errno.EINVAL, file, FallocateMode.INSERT_RANGE, 4L * b + 512, 2L * b);
        assertFailsUnchanged(Errno.EINVAL, file, FallocateMode.INSERT_RANGE, 4L * b, 2L * b + 512);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void insertRange_atOrPastEof_isEINVAL_andChangesNothing(TestFs fs) throws Exception {
        assumeSupported(fs, FallocateMode.INSERT_RANGE);
        Path dir = fs.freshDir("insert-eof");
        int b = block(dir);
        Path file = dir.resolve("f");
        dataFile(file, 16 * b);
        assertFailsUnchanged(Errno.EINVAL, file, FallocateMode.INSERT_RANGE, 16L * b, 2L * b);
        assertFailsUnchanged(Errno.EINVAL, file, FallocateMode.INSERT_RANGE, 20L * b, 2L * b);
    }
}
