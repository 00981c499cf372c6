package org.jfallocate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.ScratchMount;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors the kernel gives, provoked for real, reported with everything needed to act on them. */
class KernelErrorsTest {
    @TempDir
    Path dir;

    @Test
    void readOnlyChannel_givesEBADF_namingTheCall() throws Exception {
        Path file = dir.resolve("ro");
        byte[] data = FileBytes.writePattern(file, 4096);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(ch, FallocateMode.ALLOCATE, 0, 8192));
            assertEquals(Errno.EBADF, e.errno());
            assertEquals(Operation.FALLOCATE, e.operation());
            assertEquals(Optional.of(file.toRealPath()), e.path(), "read from /proc/self/fd when the call failed");
            assertEquals(8192, e.length());
            assertTrue(e.getMessage().matches("fallocate\\(" + Pattern.quote(file.toRealPath().toString())
                    + " fd=\\d+, ALLOCATE, offset=0, len=8192\\) failed: "
                    + "EBADF \\(Bad file descriptor\\): the descriptor is not open, or not open for writing.*"), e.getMessage());
        }
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @Test
    void fifo_givesESPIPE_withThePathInTheMessage() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(fifo, FallocateMode.ALLOCATE, 0, 4096));
        assertEquals(Errno.ESPIPE, e.errno());
        assertEquals(Optional.of(fifo), e.path());
        assertTrue(e.getMessage().startsWith("fallocate(" + fifo + " fd="), e.getMessage());
        assertTrue(e.getMessage().endsWith("ESPIPE (Illegal seek): the descriptor is a pipe or FIFO"), e.getMessage());
    }

    @Test
    void unsupportedModeOnTmpfs_isAnUnsupportedModeException_namingTheFilesystem() throws Exception {
        Path shm = TestFilesystems.ofType("tmpfs").map(fs -> fs.freshDir("eop")).orElse(null);
        assumeTrue(shm != null, TestFilesystems.whyMissing("tmpfs"));
        Path file = shm.resolve("f");
        byte[] data = FileBytes.writePattern(file, 64 * 1024);
        var e = assertThrows(UnsupportedModeException.class,
                () -> Fallocate.fallocate(file, FallocateMode.COLLAPSE_RANGE, 0, 4096));
        assertEquals(Errno.EOPNOTSUPP, e.errno());
        assertEquals(FallocateMode.COLLAPSE_RANGE, e.mode());
        assertTrue(e.getMessage().endsWith("EOPNOTSUPP (Operation not supported): this filesystem (tmpfs) does not support this mode"),
                e.getMessage());
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @Test
    void hugeOffset_givesEFBIG_andChangesNothing() throws Exception {
        Path file = dir.resolve("big");
        byte[] data = FileBytes.writePattern(file, 4096);
        long allocated = FileSpace.of(file).allocatedBytes();
        var e = assertThrows(FallocateException.class,
                () -> Fallocate.fallocate(file, FallocateMode.ALLOCATE, Long.MAX_VALUE - 4096, 4096));
        assertEquals(Errno.EFBIG, e.errno());
        assertArrayEquals(data, Files.readAllBytes(file));
        assertEquals(allocated, FileSpace.of(file).allocatedBytes());
    }

    @Test
    void fullTinyTmpfs_givesNoSpaceException() throws Exception {
        try (ScratchMount tiny = ScratchMount.tmpfs(dir.resolve("tiny"), "1m")) {
            assumeTrue(tiny.mounted(), tiny.whyNot());
            Path file = tiny.dir().resolve("f");
            byte[] data = FileBytes.writePattern(file, 4096);
            var e = assertThrows(FallocateException.class,
                    () -> Fallocate.fallocate(file, FallocateMode.ALLOCATE, 0, 8L << 20));
            assertInstanceOf(NoSpaceException.class, e);
            assertEquals(Errno.ENOSPC, e.errno());
            assertTrue(e.getMessage().contains("ENOSPC (No space left on device): not enough free space"), e.getMessage());
            // tmpfs undoes a failed allocation: nothing is left allocated or changed.
            assertArrayEquals(data, Files.readAllBytes(file));
            assertEquals(4096, FileSpace.of(file).size());
            assertEquals(4096, FileSpace.of(file).allocatedBytes());

            var p = assertThrows(NoSpaceException.class, () -> Fallocate.posixFallocate(file, 0, 8L << 20));
            assertEquals(Operation.POSIX_FALLOCATE, p.operation());
            assertTrue(p.getMessage().startsWith("posix_fallocate(" + file + " fd="), p.getMessage());
        }
    }
}
