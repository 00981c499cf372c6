package org.jfallocate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jfallocate.testing.FileBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments are refused in Java, before any syscall, with the argument and the rule named. */
class ArgumentValidationTest {
    @TempDir
    Path dir;

    private void assertRejected(String message, Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void negativeOffset_namesTheArgumentAndRule_andLeavesTheFileAlone() throws Exception {
        Path file = dir.resolve("f");
        byte[] before = FileBytes.writePattern(file, 8192);
        long blocksBefore = FileSpace.of(file).allocatedBytes();
        assertRejected("offset must be >= 0, was -1", () -> Fallocate.fallocate(file, FallocateMode.ALLOCATE, -1, 4096));
        assertRejected("offset must be >= 0, was -4096", () -> Fallocate.posixFallocate(file, -4096, 4096));
        assertRejected("offset must be >= 0, was -1", () -> Fallocate.preallocate(file, -1, 1));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(blocksBefore, FileSpace.of(file).allocatedBytes());
    }

    @Test
    void zeroOrNegativeLength_isRejected() throws Exception {
        Path file = dir.resolve("f");
        FileBytes.writePattern(file, 100);
        assertRejected("len must be > 0, was 0", () -> Fallocate.fallocate(file, FallocateMode.KEEP_SIZE, 0, 0));
        assertRejected("len must be > 0, was -5", () -> Fallocate.fallocate(file, FallocateMode.PUNCH_HOLE, 0, -5));
        assertRejected("len must be > 0, was 0", () -> Fallocate.posixFallocate(file, 10, 0));
        assertEquals(100, Files.size(file));
    }

    @Test
    void offsetPlusLengthOverflow_isRejected() throws Exception {
        Path file = dir.resolve("f");
        Files.createFile(file);
        assertRejected("offset + len must not overflow a signed 64-bit integer, was offset=9223372036854775807 + len=1",
                () -> Fallocate.fallocate(file, FallocateMode.ALLOCATE, Long.MAX_VALUE, 1));
        assertRejected("offset + len must not overflow a signed 64-bit integer, was offset=4611686018427387904 + len=4611686018427387905",
                () -> Fallocate.fallocate(file, FallocateMode.ALLOCATE, 1L << 62, (1L << 62) + 1));
        assertEquals(0, Files.size(file));
    }

    @Test
    void negativeFd_isRejected() {
        assertRejected("fd must be >= 0 (an open descriptor), was -1", () -> Fallocate.fallocate(-1, FallocateMode.ALLOCATE, 0, 1));
        assertRejected("fd must be >= 0 (an open descriptor), was -3", () -> Fallocate.posixFallocate(-3, 0, 1));
    }

    @Test
    void closedFileDescriptorObject_isRejectedAsNotOpen() throws Exception {
        Path file = dir.resolve("f");
        java.io.FileDescriptor fd;
        try (var out = new java.io.FileOutputStream(file.toFile())) {
            fd = out.getFD();
        }
        java.io.FileDescriptor closed = fd;
        assertRejected("fd must be >= 0 (an open descriptor), was -1",
                () -> Fallocate.fallocate(closed, FallocateMode.ALLOCATE, 0, 1));
    }

    @Test
    void nullArguments_areNamed() throws Exception {
        Path file = dir.resolve("f");
        var e = assertThrows(NullPointerException.class, () -> Fallocate.fallocate(file, null, 0, 1));
        assertEquals("mode must not be null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> Fallocate.fallocate((Path) null, FallocateMode.ALLOCATE, 0, 1));
        assertEquals("path must not be null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> Fallocate.fallocate((FileChannel) null, FallocateMode.ALLOCATE, 0, 1));
        assertEquals("channel must not be null", e.getMessage());
        assertFalse(Files.exists(file), "a rejected call must not create the file");
    }

    @Test
    void closedChannel_isReportedAsClosed() throws Exception {
        Path file = dir.resolve("f");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        ch.close();
        assertThrows(java.nio.channels.ClosedChannelException.class,
                () -> Fallocate.fallocate(ch, FallocateMode.ALLOCATE, 0, 4096));
    }

    @Test
    void pathModesThatDoNotAllocate_doNotCreateTheFile() {
        Path missing = dir.resolve("missing");
        for (FallocateMode mode : new FallocateMode[] {FallocateMode.KEEP_SIZE, FallocateMode.PUNCH_HOLE,
            FallocateMode.ZERO_RANGE, FallocateMode.COLLAPSE_RANGE, FallocateMode.INSERT_RANGE}) {
            var e = assertThrows(NoSuchFileException.class, () -> Fallocate.fallocate(missing, mode, 0, 4096));
            assertEquals(missing.toString(), e.getFile());
            assertFalse(Files.exists(missing), mode + " created the file");
        }
    }
}
