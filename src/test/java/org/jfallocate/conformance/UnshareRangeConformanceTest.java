package org.jfallocate.conformance;

import static org.jfallocate.conformance.Conformance.assertBytes;
import static org.jfallocate.conformance.Conformance.block;
import static org.jfallocate.conformance.Conformance.callOrSkip;
import static org.jfallocate.conformance.Conformance.dataFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jfallocate.ByteRange;
import org.jfallocate.ExtentFlag;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileLayout;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.jfallocate.testing.ChildProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * UNSHARE_RANGE, per fallocate(2): "unshare shared blocks within the file range ... such
 * that the file has its own copy" (Linux 4.9); the data does not change.
 */
class UnshareRangeConformanceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void unshareRange_onAFileOfItsOwn_changesNoByte(TestFs fs) throws Exception {
        Path dir = fs.freshDir("unshare");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 16 * b);

        callOrSkip(fs, file, FallocateMode.UNSHARE_RANGE, 4L * b, 4L * b);

        assertEquals(16L * b, FileLayout.of(file).size());
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void unshareRangeKeepSize_onAReflinkedCopy_givesTheRangeItsOwnBlocks(TestFs fs) throws Exception {
        Path dir = fs.freshDir("unshare-reflink");
        int b = block(dir);
        Path original = dir.resolve("original");
        byte[] data = dataFile(original, 16 * b);
        Path copy = dir.resolve("copy");
        ChildProcess.Result cp = ChildProcess.run(Duration.ofSeconds(60),
                "cp", "--reflink=always", original.toString(), copy.toString());
        assumeTrue(cp.ok(), fs + " cannot reflink (cp --reflink=always: " + (cp.stdout() + cp.stderr()).trim() + ")");
        FileLayout shared = FileLayout.of(copy);
        assumeTrue(shared.hasExtentMap(), fs + " has no extent map to see sharing in");
        assertEquals(16L * b, shared.sharedBytes(), "a reflinked copy shares all its blocks: " + shared);
        ByteRange range = new ByteRange(4L * b, 4L * b);

        callOrSkip(fs, copy, FallocateMode.UNSHARE_RANGE_KEEP_SIZE, range.offset(), range.length());

        FileLayout after = FileLayout.of(copy);
        assertTrue(after.extentsOverlapping(range).stream().noneMatch(e -> e.has(ExtentFlag.SHARED)),
                "the range has blocks of its own: " + after);
        assertEquals(12L * b, after.sharedBytes(), "the rest stays shared: " + after);
        assertEquals(16L * b, after.size());
        byte[] read = Files.readAllBytes(copy);
        assertBytes(data, 0, read, 0, 16 * b, "unsharing changes no byte of the copy");
        assertArrayEquals(data, Files.readAllBytes(original), "nor of the original");
    }
}
