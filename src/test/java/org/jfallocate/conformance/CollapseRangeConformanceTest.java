package org.jfallocate.conformance;

import static org.jfallocate.conformance.Conformance.assertBytes;
import static org.jfallocate.conformance.Conformance.assertFailsUnchanged;
import static org.jfallocate.conformance.Conformance.assumeSupported;
import static org.jfallocate.conformance.Conformance.block;
import static org.jfallocate.conformance.Conformance.callOrSkip;
import static org.jfallocate.conformance.Conformance.dataFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfallocate.Errno;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileLayout;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * COLLAPSE_RANGE, per fallocate(2): "removes a byte range from a file, without leaving a
 * hole ... the contents of the file starting at offset+len will be appended at offset, and
 * the file will be len bytes smaller." offset and len must be multiples of the block size
 * (EINVAL otherwise), and the range must end before EOF (EINVAL otherwise).
 */
class CollapseRangeConformanceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void collapseRange_removesTheRange_andShiftsTheRestDownByExactlyLen(TestFs fs) throws Exception {
        Path dir = fs.freshDir("collapse");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 16 * b);
        long allocatedBefore = FileLayout.of(file).allocatedBytes();

        callOrSkip(fs, file, FallocateMode.COLLAPSE_RANGE, 4L * b, 3L * b);

        FileLayout after = FileLayout.of(file);
        assertEquals(13L * b, after.size(), "the file is len bytes smaller");
        byte[] read = Files.readAllBytes(file);
        assertEquals(13 * b, read.length);
        assertBytes(data, 0, read, 0, 4 * b, "bytes before offset stay in place");
        assertBytes(data, 7 * b, read, 4 * b, 13 * b, "bytes from offset+len now start at offset");
        assertTrue(after.allocatedBytes() <= allocatedBefore - 3L * b, "the removed blocks are freed: " + after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void collapseRange_unalignedOffsetOrLen_isEINVAL_andChangesNothing(TestFs fs) throws Exception {
        assumeSupported(fs, FallocateMode.COLLAPSE_RANGE);
        Path dir = fs.freshDir("collapse-align");
        int b = block(dir);
        Path file = dir.resolve("f");
        dataFile(file, 16 * b);
        assertFailsUnchanged(Errno.EINVAL, file, FallocateMode.COLLAPSE_RANGE, 4L * b + 512, 2L * b);
        assertFailsUnchanged(Errno.EINVAL, file, FallocateMode.COLLAPSE_RANGE, 4L * b, 2L * b + 512);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void collapseRange_reachingEof_isEINVAL_andChangesNothing(TestFs fs) throws Exception {
        assumeSupported(fs, FallocateMode.COLLAPSE_RANGE);
        Path dir = fs.freshDir("collapse-eof");
        int b = block(dir);
        Path file = dir.resolve("f");
        dataFile(file, 16 * b);
        assertFailsUnchanged(Errno.EINVAL, file, FallocateMode.COLLAPSE_RANGE, 12L * b, 4L * b);
        assertFailsUnchanged(Errno.EINVAL, file, FallocateMode.COLLAPSE_RANGE, 12L * b, 8L * b);
    }
}
