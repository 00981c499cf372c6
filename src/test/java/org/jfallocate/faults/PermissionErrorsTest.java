package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileSpace;
import org.jfallocate.testing.FileBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EPERM: immutable and append-only files (chattr), and sealed memfds. */
class PermissionErrorsTest {
    private static final int SIZE = 256 * 1024;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ext4", "xfs", "btrfs"})
    void immutableFile_givesEPERM_toAnAlreadyOpenDescriptor_andThePathCannotBeOpened(String type) throws Exception {
        Path file = Matrix.dirOn(type, "immutable").resolve("f");
        FileBytes.writePattern(file, SIZE);
        FileState before = FileState.of(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            chattr("+i", file);
            try {
                for (FallocateMode mode : List.of(FallocateMode.ALLOCATE, FallocateMode.KEEP_SIZE, FallocateMode.PUNCH_HOLE)) {
                    var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(ch, mode, 0, 2L * SIZE));
                    Reported.as(Errno.EPERM, "immutable", e);
                }
                var p = assertThrows(FallocateException.class, () -> Fallocate.posixFallocate(ch, 0, 2L * SIZE));
                Reported.as(Errno.EPERM, "immutable", p);
                var open = assertThrows(AccessDeniedException.class,
                        () -> Fallocate.fallocate(file, FallocateMode.ALLOCATE, 0, 2L * SIZE));
                assertTrue(open.getMessage().contains("EPERM"), open.getMessage());
                before.assertUnchanged(file);
            } finally {
                chattr("-i", file);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ext4", "xfs", "btrfs"})
    void appendOnlyFile_refusesModesThatRewriteTheMiddle_butMayGrow(String type) throws Exception {
        Path file = Matrix.dirOn(type, "append").resolve("f");
        FileBytes.writePattern(file, SIZE);
        int block = FileSpace.of(file).blockSize();
        chattr("+a", file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            FileState before = FileState.of(file);
            for (FallocateMode mode : List.of(FallocateMode.PUNCH_HOLE, FallocateMode.COLLAPSE_RANGE,
                    FallocateMode.INSERT_RANGE, FallocateMode.ZERO_RANGE)) {
                var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(ch, mode, block, block), mode.toString());
                Reported.as(Errno.EPERM, "append-only", e);
                before.assertUnchanged(file);
            }
            // vfs_fallocate lets plain allocation (with or without KEEP_SIZE) through: it only appends.
            Fallocate.fallocate(ch, FallocateMode.ALLOCATE, SIZE, SIZE);
            assertEquals(2L * SIZE, FileSpace.of(file).size());
            var open = assertThrows(AccessDeniedException.class,
                    () -> Fallocate.fallocate(file, FallocateMode.PUNCH_HOLE, 0, block));
            assertTrue(open.getMessage().contains("EPERM"), open.getMessage());
        } finally {
            chattr("-a", file);
        }
    }

    @Test
    void memfdSealedAgainstWriting_refusesPunchHole_withEPERM() throws Exception {
        int fd = TestNative.memfdCreate("jfallocate-seal-write");
        try {
            Files.write(Path.of("/proc/self/fd/" + fd), FileBytes.pattern(SIZE));
            TestNative.addSeals(fd, TestNative.F_SEAL_WRITE);
            FileState before = FileState.ofFd(fd);
            var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(fd, FallocateMode.PUNCH_HOLE, 0, 4096));
            Reported.as(Errno.EPERM, "sealed", e);
            before.assertSameAs(FileState.ofFd(fd), "sealed memfd");
        } finally {
            TestNative.close(fd);
        }
    }

    @Test
    void memfdSealedAgainstGrowing_refusesAllocationPastItsEnd_evenWithKeepSize() throws Exception {
        int fd = TestNative.memfdCreate("jfallocate-seal-grow");
        try {
            Files.write(Path.of("/proc/self/fd/" + fd), FileBytes.pattern(SIZE));
            TestNative.addSeals(fd, TestNative.F_SEAL_GROW);
            FileState before = FileState.ofFd(fd);
            for (FallocateMode mode : List.of(FallocateMode.ALLOCATE, FallocateMode.KEEP_SIZE)) {
                var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(fd, mode, SIZE - 4096, 8192));
                Reported.as(Errno.EPERM, "sealed", e);
            }
            var p = assertThrows(FallocateException.class, () -> Fallocate.posixFallocate(fd, 0, 2L * SIZE));
            Reported.as(Errno.EPERM, "sealed", p);
            before.assertSameAs(FileState.ofFd(fd), "sealed memfd");
            // Inside its size the sealed file may still be allocated and punched.
            Fallocate.fallocate(fd, FallocateMode.PUNCH_HOLE, 0, 4096);
            assertTrue(FileBytes.allZero(FileState.ofFd(fd).bytes(), 0, 4096));
        } finally {
            TestNative.close(fd);
        }
    }

    private static void chattr(String flag, Path file) throws Exception {
        Commands.Result r = Commands.run("chattr", flag, file.toString());
        assumeTrue(r.ok(), "chattr " + flag + " is refused here: " + r.output());
    }
}
