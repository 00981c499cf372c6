package org.jfallocate.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateFile;
import org.jfallocate.FallocateMode;
import org.jfallocate.NoSpaceException;
import org.jfallocate.Preallocation;
import org.jfallocate.UnsupportedModeException;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Test;

/**
 * Errors the kernel cannot be made to give here, injected through the {@link Syscalls} seam
 * on one descriptor: EINTR (this kernel never interrupts these calls on a local filesystem,
 * so only an injected one proves the retry), ENOSYS, EDQUOT, EIO halfway through a call, and
 * posix_fallocate's error given as its result. The rest of the call is real: the file's
 * blocks and bytes are checked.
 */
class InjectedFaultsTest {
    private static final int MIB = 1 << 20;

    private static Path freshFile(String name) {
        return TestFilesystems.all().get(0).freshDir(name).resolve("f");
    }

    @Test
    void fallocate_interruptedThreeTimes_isRetried_andAllocates() throws Exception {
        Path file = freshFile("eintr");
        try (FallocateFile f = FallocateFile.open(file, StandardOpenOption.CREATE);
             FaultySyscalls faults = FaultySyscalls.installOn(f.fd()).failFallocate(4, 4, 4)) {
            Fallocate.fallocate(f.fd(), FallocateMode.ALLOCATE, 0, MIB);
            assertEquals(4, faults.fallocateCalls(), "three EINTR, then the real call");
            assertEquals(MIB, f.space().size());
            assertTrue(f.space().allocatedBytes() >= MIB, "allocated " + f.space().allocatedBytes());
        }
    }

    @Test
    void posixFallocate_interruptedTwice_isRetried_andAllocates() throws Exception {
        Path file = freshFile("eintr-posix");
        try (FallocateFile f = FallocateFile.open(file, StandardOpenOption.CREATE);
             FaultySyscalls faults = FaultySyscalls.installOn(f.fd()).failPosixFallocate(4, 4)) {
            f.posixFallocate(0, MIB);
            assertEquals(3, faults.posixFallocateCalls());
            assertEquals(MIB, f.space().size());
            assertTrue(f.space().allocatedBytes() >= MIB);
        }
    }

    @Test
    void trim_interrupted_isRetried_andTruncates() throws Exception {
        Path file = freshFile("eintr-trim");
        FileBytes.writePattern(file, 3 * MIB);
        try (FallocateFile f = FallocateFile.open(file);
             FaultySyscalls faults = FaultySyscalls.installOn(f.fd()).failFtruncate(4)) {
            f.trim(MIB);
            assertEquals(2, faults.ftruncateCalls());
            assertEquals(MIB, f.space().size());
        }
    }

    @Test
    void pread_interruptedTwice_isRetried_andReadsTheBytes() throws Exception {
        Path file = freshFile("eintr-pread");
        byte[] written = FileBytes.writePattern(file, 3 * 4096);
        try (FallocateFile f = FallocateFile.open(file, StandardOpenOption.READ);
             FaultySyscalls faults = FaultySyscalls.installOn(f.fd()).failPread(4, 4)) {
            java.nio.ByteBuffer dst = java.nio.ByteBuffer.allocate(4096);
            assertEquals(4096, f.read(dst, 4096));
            assertEquals(3, faults.preadCalls(), "two EINTR, then the real call");
            assertArrayEquals(FileBytes.slice(written, 4096, 2 * 4096), dst.array());
        }
    }

    @Test
    void pread_eio_isReportedWithTheErrnoAsData_andTheBufferUntouched() throws Exception {
        Path file = freshFile("eio-pread");
        FileBytes.writePattern(file, 4096);
        try (FallocateFile f = FallocateFile.open(file, StandardOpenOption.READ);
             FaultySyscalls unused = FaultySyscalls.installOn(f.fd()).failPread(5)) {
            java.nio.ByteBuffer dst = java.nio.ByteBuffer.allocateDirect(4096);
            FileSystemException e = assertThrows(FileSystemException.class, () -> f.read(dst, 0));
            assertEquals(java.util.Optional.of(Errno.EIO), Errno.of(e));
            assertTrue(e.getMessage().contains("pread(") && e.getMessage().contains("EIO"), e.getMessage());
            assertEquals(0, dst.position());
        }
    }

    @Test
    void enosys_theKernelHasNoFallocate_isUnsupported_andPreallocateFallsBack() throws Exception {
        Path file = freshFile("enosys");
        try (FallocateFile f = FallocateFile.open(file, StandardOpenOption.CREATE);
             FaultySyscalls faults = FaultySyscalls.installOn(f.fd()).failFallocate(38, 38)) {
            UnsupportedModeException e = assertThrows(UnsupportedModeException.class,
                    () -> f.fallocate(FallocateMode.KEEP_SIZE, 0, MIB));
            assertEquals(Errno.ENOSYS, e.errno());
            assertTrue(e.getMessage().contains("ENOSYS (Function not implemented): the kernel has no fallocate(2)"),
                    e.getMessage());
            assertEquals(0, f.space().allocatedBytes(), "nothing was allocated");
            assertEquals(Preallocation.POSIX_FALLOCATE_EMULATION, f.preallocate(0, MIB));
            assertEquals(2, faults.fallocateCalls());
            assertEquals(1, faults.posixFallocateCalls());
            assertEquals(MIB, f.space().size());
        }
    }

    @Test
    void edquot_isReportedByName_andTheFileIsUnchanged() throws Exception {
        Path file = freshFile("edquot");
        byte[] data = FileBytes.writePattern(file, 10_000);
        try (FallocateFile f = FallocateFile.open(file);
             FaultySyscalls unused = FaultySyscalls.installOn(f.fd()).failFallocate(122)) {
            long blocks = f.space().allocatedBytes();
            FallocateException e = assertThrows(FallocateException.class,
                    () -> f.fallocate(FallocateMode.KEEP_SIZE, 0, 8 * MIB));
            assertFalse(e instanceof NoSpaceException || e instanceof UnsupportedModeException, e.getClass().getName());
            assertEquals(Errno.EDQUOT, e.errno());
            assertTrue(e.getMessage().contains(file + " fd=" + f.fd()), e.getMessage());
            assertTrue(e.getMessage().contains("EDQUOT (Disk quota exceeded): "), e.getMessage());
            assertEquals(blocks, f.space().allocatedBytes());
        }
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @Test
    void eioHalfwayThroughPosixFallocate_isReported_withTheWholeCall_andTheDataIsIntact() throws Exception {
        Path file = freshFile("eio");
        byte[] data = FileBytes.writePattern(file, 10_000);
        try (FallocateFile f = FallocateFile.open(file);
             FaultySyscalls unused = FaultySyscalls.installOn(f.fd()).posixFallocateHalfThen(5)) {
            FallocateException e = assertThrows(FallocateException.class, () -> f.posixFallocate(0, 4 * MIB));
            assertEquals(Errno.EIO, e.errno());
            assertEquals(0, e.offset());
            assertEquals(4 * MIB, e.length());
            assertTrue(e.getMessage().contains("I/O error"), e.getMessage());
            assertEquals(2 * MIB, f.space().size(), "the half done before the error stays done");
            f.posixFallocate(0, 4 * MIB); // the handle is still usable: the next call goes through
            assertEquals(4 * MIB, f.space().size());
        }
        byte[] after = Files.readAllBytes(file);
        assertArrayEquals(data, FileBytes.slice(after, 0, data.length));
        assertTrue(FileBytes.allZero(after, data.length, after.length));
    }

    @Test
    void posixFallocate_reportsTheErrorItReturns() throws Exception {
        Path file = freshFile("posix-result");
        try (FallocateFile f = FallocateFile.open(file, StandardOpenOption.CREATE);
             FaultySyscalls unused = FaultySyscalls.installOn(f.fd()).failPosixFallocate(28, 27)) {
            NoSpaceException full = assertThrows(NoSpaceException.class, () -> f.posixFallocate(0, MIB));
            assertEquals(Errno.ENOSPC, full.errno());
            FallocateException big = assertThrows(FallocateException.class, () -> f.posixFallocate(0, MIB));
            assertEquals(Errno.EFBIG, big.errno());
            assertEquals(0, f.space().size());
        }
    }

    @Test
    void posixFallocate_throughTheRealLibrary_returnsItsError_notErrno() throws IOException {
        Path file = freshFile("posix-real");
        Files.write(file, new byte[10]);
        try (FallocateFile f = FallocateFile.open(file, StandardOpenOption.READ)) {
            assertEquals(Errno.EBADF.number(), Syscalls.current().posixFallocate(f.fd(), 0, MIB),
                    "posix_fallocate returns EBADF for a read-only descriptor");
        }
    }

    @Test
    void trim_failing_namesThePathAndErrno() throws Exception {
        Path file = freshFile("trim-eperm");
        FileBytes.writePattern(file, 4096);
        try (FallocateFile f = FallocateFile.open(file);
             FaultySyscalls unused = FaultySyscalls.installOn(f.fd()).failFtruncate(1)) {
            FileSystemException e = assertThrows(FileSystemException.class, () -> f.trim(0));
            assertEquals(file.toString(), e.getFile());
            assertTrue(e.getMessage().contains("EPERM (Operation not permitted)"), e.getMessage());
            assertEquals(4096, f.space().size());
        }
    }
}
