package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileSpace;
import org.jfallocate.internal.Syscalls;
import org.jfallocate.internal.PathFiles;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EINVAL and EFBIG: ranges the kernel refuses, each leaving the file as it was. */
class ArgumentErrorsTest {
    private static final int SIZE = 1 << 20;

    @Test
    void negativeOffsetOrEmptyLength_isRefusedInJava_asTheKernelWouldWithEINVAL() throws Exception {
        Path file = TestFilesystems.all().get(0).freshDir("einval").resolve("f");
        FileBytes.writePattern(file, SIZE);
        FileState before = FileState.of(file);
        var off = assertThrows(IllegalArgumentException.class, () -> Fallocate.fallocate(file, FallocateMode.ALLOCATE, -1, 4096));
        assertEquals("offset must be >= 0, was -1", off.getMessage());
        var len = assertThrows(IllegalArgumentException.class, () -> Fallocate.fallocate(file, FallocateMode.PUNCH_HOLE, 0, 0));
        assertEquals("len must be > 0, was 0", len.getMessage());
        var posix = assertThrows(IllegalArgumentException.class, () -> Fallocate.posixFallocate(file, 0, -5));
        assertEquals("len must be > 0, was -5", posix.getMessage());
        // The Java checks mirror the kernel's: the raw syscall says EINVAL for both.
        int fd = PathFiles.openForWrite(file, false);
        try {
            assertEquals(Errno.EINVAL.number(), Syscalls.current().fallocate(fd, 0, -1, 4096));
            assertEquals(Errno.EINVAL.number(), Syscalls.current().fallocate(fd, 0, 0, 0));
        } finally {
            PathFiles.close(fd, file);
        }
        before.assertUnchanged(file);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ext4", "xfs"})
    void collapseOrInsertOffBlockBoundaries_givesEINVAL(String type) throws Exception {
        Path file = Matrix.dirOn(type, "align").resolve("f");
        FileBytes.writePattern(file, SIZE);
        int block = FileSpace.of(file).blockSize();
        FileState before = FileState.of(file);
        for (FallocateMode mode : new FallocateMode[] {FallocateMode.COLLAPSE_RANGE, FallocateMode.INSERT_RANGE}) {
            for (long[] range : new long[][] {{1000, block}, {block, 1000}, {block + 512, 3L * block}}) {
                var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(file, mode, range[0], range[1]));
                Reported.as(Errno.EINVAL, "multiples of the filesystem block size", e);
                assertEquals(mode, e.mode());
                before.assertUnchanged(file);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ext4", "xfs"})
    void collapseReachingEndOfFile_orInsertAtEndOfFile_givesEINVAL(String type) throws Exception {
        Path file = Matrix.dirOn(type, "eof").resolve("f");
        FileBytes.writePattern(file, SIZE);
        int block = FileSpace.of(file).blockSize();
        FileState before = FileState.of(file);
        var reaching = assertThrows(FallocateException.class,
                () -> Fallocate.fallocate(file, FallocateMode.COLLAPSE_RANGE, SIZE - block, block));
        Reported.as(Errno.EINVAL, "a range that ends before the end of the file", reaching);
        var beyond = assertThrows(FallocateException.class,
                () -> Fallocate.fallocate(file, FallocateMode.COLLAPSE_RANGE, SIZE - block, 4L * block));
        Reported.as(Errno.EINVAL, "a range that ends before the end of the file", beyond);
        var insert = assertThrows(FallocateException.class,
                () -> Fallocate.fallocate(file, FallocateMode.INSERT_RANGE, SIZE, block));
        Reported.as(Errno.EINVAL, "an offset before the end of the file", insert);
        before.assertUnchanged(file);
    }

    /** ext4 and ext2 (4 KiB blocks) stop at 16 TiB - 4 KiB; xfs, btrfs and tmpfs at 8 EiB, which the Java overflow check already guards. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ext4", "ext2"})
    void rangeBeyondTheLargestFile_givesEFBIG(String type) throws Exception {
        Path file = Matrix.dirOn(type, "efbig").resolve("f");
        FileBytes.writePattern(file, 64 * 1024);
        FileState before = FileState.of(file);
        long tib16 = 16L << 40;
        for (long offset : new long[] {tib16 - 4096, tib16, Long.MAX_VALUE - 4096}) {
            var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(file, FallocateMode.KEEP_SIZE, offset, 4096));
            Reported.as(Errno.EFBIG, "beyond the largest file", e);
            var p = assertThrows(FallocateException.class, () -> Fallocate.posixFallocate(file, offset, 4096));
            Reported.as(Errno.EFBIG, "beyond the largest file", p);
        }
        before.assertUnchanged(file);
        if (type.equals("ext4")) { // (ext2 has no KEEP_SIZE) one block lower, the same call succeeds
            long lastBlock = (16L << 40) - 8192;
            Fallocate.fallocate(file, FallocateMode.KEEP_SIZE, lastBlock, 4096);
            assertEquals(before.size(), FileSpace.of(file).size());
        }
    }
}
