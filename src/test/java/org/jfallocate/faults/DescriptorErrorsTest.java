package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateMode;
import org.jfallocate.internal.PathFiles;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** EBADF, ESPIPE and ENODEV: descriptors fallocate cannot work on, on every filesystem of the run. */
class DescriptorErrorsTest {

    static List<TestFs> filesystems() {
        return TestFilesystems.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void readOnlyDescriptor_givesEBADF_andLeavesTheFileAlone(TestFs fs) throws Exception {
        Path file = fs.freshDir("ebadf").resolve("f");
        FileBytes.writePattern(file, 64 * 1024);
        FileState before = FileState.of(file);
        try (FileChannel ro = FileChannel.open(file, StandardOpenOption.READ)) {
            for (FallocateMode mode : List.of(FallocateMode.ALLOCATE, FallocateMode.PUNCH_HOLE, FallocateMode.KEEP_SIZE)) {
                var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(ro, mode, 0, 8192));
                Reported.as(Errno.EBADF, "not open for writing", e);
            }
            var p = assertThrows(FallocateException.class, () -> Fallocate.posixFallocate(ro, 0, 1 << 20));
            Reported.as(Errno.EBADF, "not open for writing", p);
        }
        before.assertUnchanged(file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void closedDescriptor_givesEBADF_andClosedChannelIsRefusedBeforeTheCall(TestFs fs) throws Exception {
        Path file = fs.freshDir("closed").resolve("f");
        FileBytes.writePattern(file, 16 * 1024);
        FileState before = FileState.of(file);
        int fd = PathFiles.openForWrite(file, false);
        // A high copy, closed at once: the kernel hands out the lowest free number, so no
        // other thread's open can reuse this one before the call below.
        int high = TestNative.dupAtLeast(fd, 4000);
        PathFiles.close(fd, file);
        TestNative.close(high);
        var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(high, FallocateMode.ALLOCATE, 0, 1 << 20));
        Reported.as(Errno.EBADF, "the descriptor is not open", e);
        assertEquals(high, e.fd());

        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
        ch.close();
        assertThrows(ClosedChannelException.class, () -> Fallocate.fallocate(ch, FallocateMode.ALLOCATE, 0, 1 << 20));
        before.assertUnchanged(file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void fifo_givesESPIPE_throughPathAndDescriptor(TestFs fs) throws Exception {
        Path fifo = fs.freshDir("fifo").resolve("fifo");
        Commands.check("mkfifo", fifo.toString());
        var byPath = assertThrows(FallocateException.class, () -> Fallocate.fallocate(fifo, FallocateMode.ALLOCATE, 0, 4096));
        Reported.as(Errno.ESPIPE, "pipe or FIFO", byPath);
        assertTrue(byPath.getMessage().startsWith("fallocate(" + fifo + " fd="), byPath.getMessage());
        var posix = assertThrows(FallocateException.class, () -> Fallocate.posixFallocate(fifo, 0, 4096));
        Reported.as(Errno.ESPIPE, "pipe or FIFO", posix);
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO is still a FIFO");
    }

    @Test
    void anonymousPipe_givesESPIPE_onTheWriteEnd_andEBADF_onTheReadEnd() throws Exception {
        int[] pipe = TestNative.pipe();
        try {
            // The kernel checks FMODE_WRITE before the file type: the read end is "not open for writing".
            var read = assertThrows(FallocateException.class, () -> Fallocate.fallocate(pipe[0], FallocateMode.ALLOCATE, 0, 4096));
            Reported.as(Errno.EBADF, "not open for writing", read);
            var write = assertThrows(FallocateException.class, () -> Fallocate.fallocate(pipe[1], FallocateMode.ALLOCATE, 0, 4096));
            Reported.as(Errno.ESPIPE, "pipe or FIFO", write);
        } finally {
            TestNative.close(pipe[0]);
            TestNative.close(pipe[1]);
        }
    }

    @Test
    void characterDevice_givesENODEV() throws Exception {
        Path devNull = Path.of("/dev/null");
        var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(devNull, FallocateMode.ALLOCATE, 0, 4096));
        Reported.as(Errno.ENODEV, "not a regular file", e);
        var p = assertThrows(FallocateException.class, () -> Fallocate.posixFallocate(devNull, 0, 4096));
        Reported.as(Errno.ENODEV, "not a regular file", p);
    }
}
