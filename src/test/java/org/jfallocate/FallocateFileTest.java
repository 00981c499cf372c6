package org.jfallocate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The owned handle on every filesystem of the matrix: what each call does to the file's
 * blocks, size and holes, the reserve-ahead pattern with each fallback, trim, and the
 * descriptor's life (O_CLOEXEC, closed only after the calls in progress).
 */
class FallocateFileTest {
    static final int KIB = 1024;
    static final int MIB = 1 << 20;

    static List<TestFs> filesystems() {
        return TestFilesystems.all();
    }

    private static boolean hasFallocate(TestFs fs) {
        return !fs.type().equals("ext2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void keepSize_thenTrim_reservesBeyondTheEnd_andGivesItBack(TestFs fs) throws Exception {
        assumeTrue(hasFallocate(fs), "ext2 has no fallocate: see the reserve-ahead fallbacks");
        Path file = fs.freshDir("trim").resolve("wal");
        byte[] data = FileBytes.writePattern(file, 10_000);
        try (FallocateFile f = FallocateFile.open(file)) {
            long before = f.space().allocatedBytes();
            f.fallocate(FallocateMode.KEEP_SIZE, 0, 8 * MIB);
            FileSpace reserved = f.space();
            assertEquals(10_000, reserved.size());
            assertTrue(reserved.allocatedBytes() >= 8 * MIB, "reserved " + reserved.allocatedBytes());
            f.trim(10_000);
            FileSpace trimmed = f.space();
            assertEquals(10_000, trimmed.size());
            assertEquals(before, trimmed.allocatedBytes(), "trim gives back exactly what KEEP_SIZE added");
        }
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void oneHandle_servesManyCalls_punchHole_layout_allocate(TestFs fs) throws Exception {
        Path file = fs.freshDir("many").resolve("f");
        byte[] data = FileBytes.writePattern(file, MIB);
        try (FallocateFile f = FallocateFile.open(file)) {
            long before = f.space().allocatedBytes();
            f.fallocate(FallocateMode.PUNCH_HOLE, 256 * KIB, 256 * KIB);
            FileLayout layout = f.layout();
            assertEquals(MIB, layout.size());
            assertEquals(List.of(new ByteRange(256 * KIB, 256 * KIB)), layout.holes(), fs + ": " + layout);
            assertEquals(before - 256 * KIB, f.space().allocatedBytes(), "the hole's blocks are freed");
            Preallocation how = f.preallocate(MIB, MIB);
            assertEquals(hasFallocate(fs) ? Preallocation.FALLOCATE : Preallocation.POSIX_FALLOCATE_EMULATION, how);
            assertEquals(2 * MIB, f.space().size());
            f.posixFallocate(0, 3 * MIB);
            assertEquals(3 * MIB, f.space().size());
        }
        byte[] after = Files.readAllBytes(file);
        assertArrayEquals(FileBytes.slice(data, 0, 256 * KIB), FileBytes.slice(after, 0, 256 * KIB));
        assertTrue(FileBytes.allZero(after, 256 * KIB, 512 * KIB), "the hole reads as zeros");
        assertArrayEquals(FileBytes.slice(data, 512 * KIB, MIB), FileBytes.slice(after, 512 * KIB, MIB));
        assertTrue(FileBytes.allZero(after, MIB, 3 * MIB), "allocated space reads as zeros");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void reserveAhead_keepsAheadReserved_withOneCallPerStep_andTheSizeIsTheWrites(TestFs fs) throws Exception {
        assumeTrue(hasFallocate(fs), "ext2 has no fallocate: see the fallback tests");
        Path file = fs.freshDir("ahead").resolve("wal");
        int write = 4 * KIB;
        int ahead = 256 * KIB;
        int step = 128 * KIB;
        byte[] chunk = FileBytes.pattern(write);
        try (FallocateFile f = FallocateFile.open(file, CREATE);
             FileChannel out = FileChannel.open(file, WRITE)) {
            ReserveAhead reserve = f.reserveAhead(ahead, step, ReserveAhead.Fallback.FAIL);
            long position = 0;
            while (position < 2 * MIB) {
                long end = reserve.ensure(position);
                assertTrue(end >= position + ahead && end % step == 0, "reserved end " + end + " at " + position);
                position += out.write(ByteBuffer.wrap(chunk), position);
                FileSpace space = f.space();
                assertEquals(position, space.size(), "the size is what was written, not what was reserved");
                assertTrue(space.allocatedBytes() >= end, fs + ": allocated " + space.allocatedBytes() + " < " + end);
            }
            // [0, 256 KiB) first, then one call per 128 KiB step up to 2 MiB - 4 KiB + 256 KiB.
            assertEquals(17, reserve.calls());
            f.trim(position);
            assertEquals(position, f.space().size());
            assertTrue(f.space().allocatedBytes() < position + step,
                    "trim gave back the space ahead: " + f.space().allocatedBytes());
        }
        byte[] after = Files.readAllBytes(file);
        assertEquals(2 * MIB, after.length);
        for (int off = 0; off < after.length; off += write) {
            assertArrayEquals(chunk, FileBytes.slice(after, off, off + write));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void reserveAhead_atTheSamePositionAgain_makesNoCall(TestFs fs) throws Exception {
        assumeTrue(hasFallocate(fs), "ext2 has no fallocate");
        Path file = fs.freshDir("again").resolve("wal");
        try (FallocateFile f = FallocateFile.open(file, CREATE)) {
            ReserveAhead reserve = f.reserveAhead(MIB, MIB, ReserveAhead.Fallback.FAIL);
            assertEquals(2 * MIB, reserve.ensure(10));
            assertEquals(2 * MIB, reserve.ensure(MIB));
            assertEquals(2 * MIB, reserve.ensure(0));
            assertEquals(1, reserve.calls());
            assertEquals(3 * MIB, reserve.ensure(MIB + 1));
            assertEquals(2, reserve.calls());
            assertEquals(0, f.space().size());
            assertTrue(f.space().allocatedBytes() >= 3 * MIB, "allocated " + f.space().allocatedBytes());
        }
    }

    @Test
    void reserveAhead_withoutFallocate_fail_throwsAndLeavesTheFileAlone() throws Exception {
        Path file = ext2Dir("fail").resolve("wal");
        FileBytes.writePattern(file, 10_000);
        try (FallocateFile f = FallocateFile.open(file)) {
            ReserveAhead reserve = f.reserveAhead(MIB, MIB, ReserveAhead.Fallback.FAIL);
            UnsupportedModeException e = assertThrows(UnsupportedModeException.class, () -> reserve.ensure(10_000));
            assertEquals(Errno.EOPNOTSUPP, e.errno());
            assertEquals(10_000, f.space().size());
            assertEquals(0, reserve.reservedEnd());
        }
    }

    @Test
    void reserveAhead_withoutFallocate_skip_reservesNothing_andStopsTrying() throws Exception {
        Path file = ext2Dir("skip").resolve("wal");
        FileBytes.writePattern(file, 10_000);
        try (FallocateFile f = FallocateFile.open(file)) {
            long blocks = f.space().allocatedBytes();
            ReserveAhead reserve = f.reserveAhead(MIB, MIB, ReserveAhead.Fallback.SKIP);
            assertEquals(0, reserve.ensure(10_000));
            assertFalse(reserve.isReserving());
            assertEquals(0, reserve.ensure(5 * MIB));
            assertEquals(0, reserve.calls());
            assertEquals(new FileSpace(10_000, blocks, f.space().blockSize()), f.space(), "the file is untouched");
        }
    }

    @Test
    void reserveAhead_withoutFallocate_emulate_growsTheFile_andTrimShrinksItBack() throws Exception {
        Path file = ext2Dir("emulate").resolve("wal");
        byte[] data = FileBytes.writePattern(file, 10_000);
        try (FallocateFile f = FallocateFile.open(file)) {
            ReserveAhead reserve = f.reserveAhead(MIB, MIB, ReserveAhead.Fallback.EMULATE_GROWING_FILE);
            assertEquals(2 * MIB, reserve.ensure(10_000));
            assertTrue(reserve.growsFile());
            assertEquals(2 * MIB, f.space().size(), "the emulation grows the file, as the caller chose");
            assertTrue(f.space().allocatedBytes() >= 2 * MIB);
            assertEquals(3 * MIB, reserve.ensure(2 * MIB - 1));
            assertEquals(3 * MIB, f.space().size());
            assertEquals(2, reserve.calls());
            f.trim(10_000);
            assertEquals(10_000, f.space().size());
            assertTrue(f.space().allocatedBytes() < 64 * KIB, "allocated " + f.space().allocatedBytes());
        }
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void open_followsTheOptions(TestFs fs) throws Exception {
        Path dir = fs.freshDir("open");
        Path missing = dir.resolve("missing");
        assertThrows(NoSuchFileException.class, () -> FallocateFile.open(missing));
        assertFalse(Files.exists(missing), "no CREATE, no file");
        try (FallocateFile f = FallocateFile.open(missing, CREATE, WRITE)) {
            assertEquals(missing, f.path());
            assertTrue(f.fd() >= 0);
            assertTrue(f.toString().contains("fd=" + f.fd() + " O_WRONLY"), f.toString());
        }
        assertTrue(Files.exists(missing));
        assertThrows(FileAlreadyExistsException.class, () -> FallocateFile.open(missing, CREATE_NEW));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FallocateFile.open(missing, APPEND));
        assertTrue(e.getMessage().contains("APPEND"), e.getMessage());
        try (FallocateFile f = FallocateFile.open(missing, READ)) {
            FallocateException refused = assertThrows(FallocateException.class,
                    () -> f.fallocate(FallocateMode.ALLOCATE, 0, 4096));
            assertEquals(Errno.EBADF, refused.errno(), "a read-only descriptor cannot allocate");
            assertEquals(missing, refused.path().orElseThrow(), "the message names the handle's path");
        }
    }

    @Test
    void theDescriptor_isCloseOnExec() throws Exception {
        Path file = TestFilesystems.all().get(0).freshDir("cloexec").resolve("f");
        try (FallocateFile f = FallocateFile.open(file, CREATE)) {
            String fdinfo = Files.readString(Path.of("/proc/self/fdinfo/" + f.fd()));
            String flags = fdinfo.lines().filter(l -> l.startsWith("flags:")).findFirst().orElseThrow();
            long octal = Long.parseLong(flags.substring("flags:".length()).trim(), 8);
            assertEquals(02000000, octal & 02000000, "O_CLOEXEC in " + flags);
        }
    }

    @Test
    void afterClose_everyCallThrowsClosedChannel_andCloseAgainDoesNothing() throws Exception {
        Path file = TestFilesystems.all().get(0).freshDir("closed").resolve("f");
        FallocateFile f = FallocateFile.open(file, CREATE);
        f.close();
        assertFalse(f.isOpen());
        assertTrue(f.toString().endsWith(" closed]"), f.toString());
        assertThrows(ClosedChannelException.class, () -> f.fallocate(FallocateMode.ALLOCATE, 0, 4096));
        assertThrows(ClosedChannelException.class, () -> f.posixFallocate(0, 4096));
        assertThrows(ClosedChannelException.class, () -> f.preallocate(0, 4096));
        assertThrows(ClosedChannelException.class, () -> f.trim(0));
        assertThrows(ClosedChannelException.class, f::space);
        assertThrows(ClosedChannelException.class, f::layout);
        f.close();
        assertEquals(0, Files.size(file), "nothing reached the file");
    }

    // posix_fallocate's emulation on ext2 writes every block of 64 MiB: a call long enough for
    // close() to come in the middle. Without the in-flight count, close(2) would take the
    // descriptor from under the emulation's pwrite calls, which would fail with EBADF.
    @Test
    void close_waitsForTheCallInProgress_beforeClosingTheDescriptor() throws Exception {
        Path file = ext2Dir("inflight").resolve("f");
        FallocateFile f = FallocateFile.open(file, CREATE);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                f.posixFallocate(0, 64 * MIB);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        caller.start();
        while (Files.size(file) == 0 && caller.isAlive()) {
            Thread.onSpinWait();
        }
        assertTrue(Files.size(file) < 64 * MIB, "the emulation must still be running when close() is called");
        f.close();
        caller.join();
        assertNull(failure.get(), () -> "the call in progress failed: " + failure.get());
        assertEquals(64 * MIB, Files.size(file));
    }

    // glibc's emulation reads each block before writing it: a write-only descriptor works on an
    // empty file and fails with EBADF once the range covers data, which is left as it was.
    @Test
    void posixEmulation_onAWriteOnlyStream_failsWithEBADF_onceTheFileHasData() throws Exception {
        Path dir = ext2Dir("wronly");
        Path empty = dir.resolve("empty");
        try (java.io.FileOutputStream out = new java.io.FileOutputStream(empty.toFile())) {
            Fallocate.posixFallocate(out.getChannel(), 0, 64 * KIB);
        }
        assertEquals(64 * KIB, Files.size(empty), "nothing to read: the emulation works write-only");
        Path full = dir.resolve("full");
        byte[] data = FileBytes.writePattern(full, 10_000);
        try (FileChannel writeOnly = FileChannel.open(full, WRITE)) { // O_WRONLY
            FallocateException e = assertThrows(FallocateException.class,
                    () -> Fallocate.posixFallocate(writeOnly, 0, 64 * KIB));
            assertEquals(Errno.EBADF, e.errno());
            assertEquals(Operation.POSIX_FALLOCATE, e.operation());
        }
        // A stream that keeps the data opens O_WRONLY|O_APPEND, which the emulation refuses as well.
        try (java.io.FileOutputStream out = new java.io.FileOutputStream(full.toFile(), true)) {
            FallocateException e = assertThrows(FallocateException.class,
                    () -> Fallocate.posixFallocate(out.getChannel(), 0, 64 * KIB));
            assertEquals(Errno.EBADF, e.errno());
        }
        try (FallocateFile f = FallocateFile.open(full, WRITE)) {
            FallocateException e = assertThrows(FallocateException.class, () -> f.posixFallocate(0, 64 * KIB));
            assertEquals(Errno.EBADF, e.errno());
            assertEquals(full, e.path().orElseThrow());
        }
        assertArrayEquals(data, Files.readAllBytes(full), "the failed calls left the bytes as they were");
    }

    private static Path ext2Dir(String name) throws IOException {
        var ext2 = TestFilesystems.ofType("ext2");
        assumeTrue(ext2.isPresent(), TestFilesystems.whyMissing("ext2"));
        return ext2.get().freshDir(name);
    }
}
