package org.jfallocate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jfallocate.internal.PathFiles;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each way of naming the file (FileChannel, Path, FileDescriptor, int fd) reaches the same
 * kernel call: checked by the effect on blocks, size and bytes, on every test filesystem
 * (the working directory's and tmpfs at least). Mode-by-mode conformance on the whole
 * matrix lives in the conformance package.
 */
class EntryPointsTest {
    static final int MIB = 1 << 20;

    static List<TestFs> filesystems() {
        return TestFilesystems.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void allocate_throughAChannel_growsSizeAndBlocks_andKeepsThePosition(TestFs fs) throws Exception {
        assumeAllocates(fs);
        Path file = fs.freshDir("chan").resolve("f");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.position(123);
            Fallocate.fallocate(ch, FallocateMode.ALLOCATE, 0, MIB);
            assertEquals(123, ch.position());
            FileSpace space = FileSpace.of(ch);
            assertEquals(MIB, space.size());
            assertTrue(space.allocatedBytes() >= MIB, "allocated " + space.allocatedBytes());
        }
        assertTrue(FileBytes.allZero(Files.readAllBytes(file), 0, MIB));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void keepSize_throughAPath_reservesBeyondTheEnd_withoutGrowing(TestFs fs) throws Exception {
        assumeAllocates(fs);
        Path file = fs.freshDir("path").resolve("f");
        byte[] data = FileBytes.writePattern(file, 10_000);
        long before = FileSpace.of(file).allocatedBytes();
        Fallocate.fallocate(file, FallocateMode.KEEP_SIZE, 0, 4 * MIB);
        FileSpace after = FileSpace.of(file);
        assertEquals(10_000, after.size());
        assertTrue(after.allocatedBytes() >= 4 * MIB && after.allocatedBytes() > before,
                "allocated " + before + " -> " + after.allocatedBytes());
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void punchHole_throughAFileDescriptor_readsBackZeros_andFreesBlocks(TestFs fs) throws Exception {
        Path file = fs.freshDir("fdobj").resolve("f");
        byte[] data = FileBytes.writePattern(file, MIB);
        long before = FileSpace.of(file).allocatedBytes();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            Fallocate.fallocate(raf.getFD(), FallocateMode.PUNCH_HOLE, 256 * 1024, 256 * 1024);
        }
        byte[] after = Files.readAllBytes(file);
        assertEquals(MIB, after.length);
        assertTrue(FileBytes.allZero(after, 256 * 1024, 512 * 1024), "the hole reads as zeros");
        assertArrayEquals(FileBytes.slice(data, 0, 256 * 1024), FileBytes.slice(after, 0, 256 * 1024));
        assertArrayEquals(FileBytes.slice(data, 512 * 1024, MIB), FileBytes.slice(after, 512 * 1024, MIB));
        assertEquals(before - 256 * 1024, FileSpace.of(file).allocatedBytes(), "blocks freed by the hole");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void posixFallocate_throughAnIntFd_allocatesEvenWhereFallocateCannot(TestFs fs) throws Exception {
        Path file = fs.freshDir("intfd").resolve("f");
        int fd = PathFiles.openForWrite(file, true);
        try {
            Fallocate.posixFallocate(fd, 0, MIB);
            FileSpace space = FileSpace.of(fd);
            assertEquals(MIB, space.size());
            assertTrue(space.allocatedBytes() >= MIB, fs + ": allocated " + space.allocatedBytes());
        } finally {
            PathFiles.close(fd, file);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void preallocate_throughAStream_reservesTheRange_andSaysHow(TestFs fs) throws Exception {
        Path file = fs.freshDir("stream").resolve("f");
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            Preallocation how = Fallocate.preallocate(out.getChannel(), 0, 2 * MIB);
            assertEquals(fs.type().equals("ext2") ? Preallocation.POSIX_FALLOCATE_EMULATION : Preallocation.FALLOCATE, how);
        }
        FileSpace space = FileSpace.of(file);
        assertEquals(2 * MIB, space.size());
        assertTrue(space.allocatedBytes() >= 2 * MIB, "allocated " + space.allocatedBytes());
    }

    // ext2 has no fallocate at all: the modes that allocate fail there (covered by the conformance tests).
    private static void assumeAllocates(TestFs fs) {
        assumeTrue(!fs.type().equals("ext2"), "ext2 has no fallocate(2); its EOPNOTSUPP is tested in the conformance suite");
    }
}
