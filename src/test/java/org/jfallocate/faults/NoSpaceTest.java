package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;
import org.jfallocate.NoSpaceException;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.ScratchMount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ENOSPC on filesystems really filled up: what is left allocated, and that no byte of data changes. */
class NoSpaceTest {
    private static final int DATA = 256 * 1024;

    @TempDir
    Path dir;

    @Test
    void filledExt4_givesNoSpaceException_keepsTheDataAndSaysWhatStaysAllocated() throws Exception {
        try (ScratchMount fs = ScratchMount.loop(dir, "ext4", 32)) {
            assumeTrue(fs.mounted(), fs.whyNot());
            Path file = fs.dir().resolve("data");
            byte[] data = FileBytes.writePattern(file, DATA);
            fill(fs.dir().resolve("filler"));
            FileState before = FileState.of(file);

            var e = assertThrows(NoSpaceException.class, () -> Fallocate.fallocate(file, FallocateMode.KEEP_SIZE, 0, 64L << 20));
            Reported.as(Errno.ENOSPC, "part of it may have been allocated", e);
            before.assertUnchanged(file); // KEEP_SIZE over a full disk: nothing was free, nothing changed

            // Free a little, then ask for more than that: ext4 keeps what it managed to allocate
            // (the manual allows it) and, for mode 0, grows the file over it, zero-filled.
            Files.delete(fs.dir().resolve("filler.1"));
            var grow = assertThrows(NoSpaceException.class, () -> Fallocate.fallocate(file, FallocateMode.ALLOCATE, 0, 64L << 20));
            Reported.as(Errno.ENOSPC, "not enough free space", grow);
            FileState after = FileState.of(file);
            assertArrayEquals(data, FileBytes.slice(after.bytes(), 0, DATA), "the data before the range is intact");
            assertTrue(FileBytes.allZero(after.bytes(), DATA, after.bytes().length), "what was added reads as zeros");
            assertTrue(after.allocatedBytes() >= before.allocatedBytes());
            System.out.printf("jfa: ext4 ENOSPC after freeing 1 MiB: size %d -> %d, allocated %d -> %d%n",
                    before.size(), after.size(), before.allocatedBytes(), after.allocatedBytes());

            var posix = assertThrows(NoSpaceException.class, () -> Fallocate.posixFallocate(file, 0, 64L << 20));
            Reported.as(Errno.ENOSPC, "not enough free space", posix);
            assertArrayEquals(data, FileBytes.slice(Files.readAllBytes(file), 0, DATA));
        }
    }

    @Test
    void fullSizeLimitedTmpfs_givesNoSpaceException_andUndoesThePartialAllocation() throws Exception {
        try (ScratchMount tiny = ScratchMount.tmpfs(dir.resolve("tiny"), "2m")) {
            assumeTrue(tiny.mounted(), tiny.whyNot());
            Path file = tiny.dir().resolve("data");
            FileBytes.writePattern(file, DATA);
            FileState before = FileState.of(file);
            for (FallocateMode mode : new FallocateMode[] {FallocateMode.ALLOCATE, FallocateMode.KEEP_SIZE}) {
                var e = assertThrows(NoSpaceException.class, () -> Fallocate.fallocate(file, mode, 0, 4L << 20));
                Reported.as(Errno.ENOSPC, "not enough free space", e);
                before.assertUnchanged(file); // shmem_fallocate frees the pages it took before failing
            }
            var posix = assertThrows(NoSpaceException.class, () -> Fallocate.posixFallocate(file, 0, 4L << 20));
            Reported.as(Errno.ENOSPC, "not enough free space", posix);
            before.assertUnchanged(file);
            // Within the limit the same file can still grow: the failures left no space behind.
            Fallocate.fallocate(file, FallocateMode.ALLOCATE, 0, 1L << 20);
            assertEquals(1L << 20, FileState.of(file).size());
        }
    }

    // Fills the filesystem with files of 1 MiB (filler.1, filler.2, ...) then the last scraps.
    private static void fill(Path prefix) throws Exception {
        for (int i = 1; ; i++) {
            try {
                Fallocate.fallocate(Path.of(prefix + "." + i), FallocateMode.ALLOCATE, 0, 1 << 20);
            } catch (NoSpaceException full) {
                break;
            }
        }
        for (int i = 1; ; i++) {
            try {
                Fallocate.fallocate(Path.of(prefix + ".small" + i), FallocateMode.ALLOCATE, 0, 4096);
            } catch (NoSpaceException full) {
                return;
            }
        }
    }
}
