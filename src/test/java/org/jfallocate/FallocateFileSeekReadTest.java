package org.jfallocate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FallocateFile's seekData, seekHole and read on real files of every filesystem of the run,
 * checked against FileLayout's ranges and the bytes written, and the errno its exceptions carry.
 */
class FallocateFileSeekReadTest {
    private static final int B = 4096;

    static List<TestFs> filesystems() {
        return TestFilesystems.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void seekDataAndSeekHole_fromEveryBlock_agreeWithTheLayoutsRanges(TestFs fs) throws Exception {
        Path file = fs.freshDir("seek").resolve("f");
        FileBytes.writePattern(file, 16 * B);
        Fallocate.fallocate(file, FallocateMode.PUNCH_HOLE, 3 * B, 2 * B);
        Fallocate.fallocate(file, FallocateMode.PUNCH_HOLE, 10 * B, 6 * B); // a hole to the end
        try (FallocateFile f = FallocateFile.open(file, StandardOpenOption.READ)) {
            List<ByteRange> data = f.layout().dataRanges();
            assertTrue(data.size() >= 1, data.toString());
            for (long at = 0; at < 16 * B; at += B / 2) {
                assertEquals(expectedData(data, at), f.seekData(at), "SEEK_DATA from " + at + " in " + data);
                assertEquals(OptionalLong.of(expectedHole(data, at, 16 * B)), f.seekHole(at),
                        "SEEK_HOLE from " + at + " in " + data);
            }
            assertEquals(OptionalLong.empty(), f.seekData(16 * B), "at the end: ENXIO");
            assertEquals(OptionalLong.empty(), f.seekHole(16 * B), "at the end: ENXIO");
            assertEquals(OptionalLong.empty(), f.seekData(1L << 40), "far past the end: ENXIO");
        }
    }

    private static OptionalLong expectedData(List<ByteRange> data, long at) {
        for (ByteRange r : data) {
            if (r.end() > at) {
                return OptionalLong.of(Math.max(r.offset(), at));
            }
        }
        return OptionalLong.empty();
    }

    private static long expectedHole(List<ByteRange> data, long at, long size) {
        for (ByteRange r : data) {
            if (r.offset() <= at && at < r.end()) {
                return r.end();
            }
        }
        return at;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void read_returnsTheBytesWritten_intoHeapAndDirectBuffers_andMinusOneAtTheEnd(TestFs fs) throws Exception {
        Path file = fs.freshDir("read").resolve("f");
        byte[] written = FileBytes.writePattern(file, 3 * B + 100);
        try (FallocateFile f = FallocateFile.open(file, StandardOpenOption.READ)) {
            ByteBuffer heap = ByteBuffer.allocate(2 * B);
            heap.position(7);
            assertEquals(2 * B - 7, f.read(heap, 1000));
            assertEquals(2 * B, heap.position(), "the buffer's position advances by the bytes read");
            assertArrayEquals(FileBytes.slice(written, 1000, 1000 + 2 * B - 7),
                    FileBytes.slice(heap.array(), 7, 2 * B));

            ByteBuffer direct = ByteBuffer.allocateDirect(B);
            assertEquals(B, f.read(direct, 2 * B + 50));
            direct.flip();
            byte[] got = new byte[B];
            direct.get(got);
            assertArrayEquals(FileBytes.slice(written, 2 * B + 50, 3 * B + 50), got);

            ByteBuffer tail = ByteBuffer.allocate(B);
            assertEquals(100, f.read(tail, 3 * B), "a short read at the end");
            assertArrayEquals(FileBytes.slice(written, 3 * B, 3 * B + 100), FileBytes.slice(tail.array(), 0, 100));
            assertEquals(-1, f.read(ByteBuffer.allocate(B), 3 * B + 100), "at the end");
            assertEquals(-1, f.read(ByteBuffer.allocateDirect(B), 1L << 40), "past the end");
            assertEquals(0, f.read(ByteBuffer.allocate(0), 0), "nothing asked");
        }
    }

    @Test
    void read_badArguments_areRefused_namingTheRule() throws Exception {
        Path file = TestFilesystems.all().get(0).freshDir("read-args").resolve("f");
        FileBytes.writePattern(file, B);
        try (FallocateFile f = FallocateFile.open(file, StandardOpenOption.READ)) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> f.read(ByteBuffer.allocate(8), -1))
                    .getMessage().contains("position must be >= 0"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> f.read(ByteBuffer.allocate(8).asReadOnlyBuffer(), 0)).getMessage().contains("read-only"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> f.seekData(-1))
                    .getMessage().contains("offset must be >= 0"));
        }
    }

    @Test
    void read_onADirectory_failsWithEisdir_asData() throws Exception {
        Path dir = TestFilesystems.all().get(0).freshDir("read-dir");
        try (FallocateFile f = FallocateFile.open(dir, StandardOpenOption.READ)) {
            FileSystemException e = assertThrows(FileSystemException.class, () -> f.read(ByteBuffer.allocate(B), 0));
            assertEquals(Optional.of(Errno.EISDIR), Errno.of(e));
            assertTrue(e.getMessage().contains("pread("), e.getMessage());
        }
    }

    @Test
    void seekData_onAFifo_failsWithEspipe_namingTheCall() throws Exception {
        Path fifo = TestFilesystems.all().get(0).freshDir("fifo").resolve("p");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        // O_RDWR on a FIFO does not block on Linux.
        try (FallocateFile f = FallocateFile.open(fifo)) {
            FileSystemException e = assertThrows(FileSystemException.class, () -> f.seekData(0));
            assertEquals(OptionalInt.of(Errno.ESPIPE.number()), Errno.numberOf(e));
            assertTrue(e.getMessage().contains("SEEK_DATA") && e.getMessage().contains("ESPIPE"), e.getMessage());
            assertEquals(Optional.of(Errno.ESPIPE), Errno.of(assertThrows(FileSystemException.class, () -> f.seekHole(0))));
        }
    }

    @Test
    void openOfAMissingFile_isStillNoSuchFile_andCarriesEnoent() {
        Path missing = TestFilesystems.all().get(0).freshDir("missing").resolve("nope");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> FallocateFile.open(missing));
        assertEquals(Optional.of(Errno.ENOENT), Errno.of(e));
        assertInstanceOf(NoSuchFileException.class,
                assertThrows(NoSuchFileException.class, () -> FileSpace.of(missing)));
        assertEquals(OptionalInt.of(Errno.ENOENT.number()),
                Errno.numberOf(assertThrows(NoSuchFileException.class, () -> FileSpace.of(missing))));
    }

    @Test
    void anExceptionNotFromASystemCall_carriesNoErrno() {
        assertEquals(OptionalInt.empty(), Errno.numberOf(new java.io.IOException("x")));
        assertEquals(Optional.empty(), Errno.of(new NoSuchFileException("x")));
    }
}
