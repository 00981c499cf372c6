package org.jfallocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FileLayout against files whose layout the test made itself, on every filesystem of the run. */
class FileLayoutTest {
    private static final int B = 4096;

    static List<TestFs> filesystems() {
        return TestFilesystems.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void holePunchedInTheMiddle_showsUpAsExactlyThatHole(TestFs fs) throws Exception {
        Path file = fs.freshDir("layout").resolve("f");
        FileBytes.writePattern(file, 16 * B);
        Fallocate.fallocate(file, FallocateMode.PUNCH_HOLE, 6 * B, 3 * B);

        FileLayout layout = FileLayout.of(file);

        assertEquals(16 * B, layout.size());
        assertEquals(List.of(new ByteRange(6 * B, 3 * B)), layout.holes());
        assertEquals(List.of(new ByteRange(0, 6 * B), new ByteRange(9 * B, 7 * B)), layout.dataRanges());
        assertEquals(3 * B, layout.holeBytes());
        if (layout.hasExtentMap()) {
            assertEquals(List.of(), layout.extentsOverlapping(new ByteRange(6 * B, 3 * B)), layout.toString());
            assertTrue(layout.extents().getLast().has(ExtentFlag.LAST), layout.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ext4", "xfs", "btrfs"})
    void fallocateKeepSize_showsUnwrittenExtents_pastTheWrittenData(String type) throws Exception {
        TestFs fs = TestFilesystems.ofType(type).orElse(null);
        assumeTrue(fs != null, () -> TestFilesystems.whyMissing(type));
        Path file = fs.freshDir("unwritten").resolve("f");
        FileBytes.writePattern(file, 4 * B);
        assertEquals(0, FileLayout.of(file).unwrittenBytes(), "written data is not unwritten");

        Fallocate.fallocate(file, FallocateMode.KEEP_SIZE, 4 * B, 8 * B);

        FileLayout layout = FileLayout.of(file);
        assertEquals(4 * B, layout.size());
        assertEquals(8 * B, layout.unwrittenBytes(), layout.toString());
        List<Extent> beyond = layout.extentsOverlapping(new ByteRange(4 * B, 8 * B));
        assertFalse(beyond.isEmpty(), layout.toString());
        assertTrue(beyond.stream().allMatch(Extent::isUnwritten), layout.toString());
        assertTrue(layout.extentsOverlapping(new ByteRange(0, 4 * B)).stream().noneMatch(Extent::isUnwritten),
                "the written part stays written: " + layout);
        assertEquals(List.of(new ByteRange(0, 4 * B)), layout.dataRanges());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ext4", "xfs", "btrfs"})
    void allocatedButNeverWritten_isAHoleToSeekData_yetUnwrittenExtentsInFiemap(String type) throws Exception {
        TestFs fs = TestFilesystems.ofType(type).orElse(null);
        assumeTrue(fs != null, () -> TestFilesystems.whyMissing(type));
        Path file = fs.freshDir("prealloc").resolve("f");

        Fallocate.fallocate(file, FallocateMode.ALLOCATE, 0, 16 * B);

        FileLayout layout = FileLayout.of(file);
        assertEquals(16 * B, layout.size());
        assertTrue(layout.allocatedBytes() >= 16 * B, layout.toString());
        assertEquals(List.of(), layout.dataRanges(), "unwritten extents read as zeros, so SEEK_DATA skips them");
        assertEquals(List.of(new ByteRange(0, 16 * B)), layout.holes());
        assertEquals(16 * B, layout.unwrittenBytes(), layout.toString());
    }

    @Test
    void tmpfs_hasNoExtentMap_andSaysWhy_butStillHasHoles() throws Exception {
        TestFs fs = TestFilesystems.ofType("tmpfs").orElse(null);
        assumeTrue(fs != null, () -> TestFilesystems.whyMissing("tmpfs"));
        Path file = fs.freshDir("tmpfs").resolve("f");
        FileBytes.writePattern(file, 4 * B);
        Fallocate.fallocate(file, FallocateMode.PUNCH_HOLE, B, B);

        FileLayout layout = FileLayout.of(file);

        assertFalse(layout.hasExtentMap());
        assertEquals(java.util.Optional.of(Errno.EOPNOTSUPP), layout.extentMapError());
        var e = assertThrows(UnsupportedOperationException.class, layout::extents);
        assertTrue(e.getMessage().contains("EOPNOTSUPP"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, layout::extentCount);
        assertEquals(List.of(new ByteRange(B, B)), layout.holes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void fragmentedFile_reportsEveryExtent_evenMoreThanOneFiemapCallReturns(TestFs fs) throws Exception {
        Path file = fs.freshDir("fragments").resolve("f");
        int pieces = 600; // more than the 512 extents one FIEMAP call asks for
        byte[] block = FileBytes.pattern(B);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int i = 0; i < pieces; i++) {
                ch.write(ByteBuffer.wrap(block), 2L * i * B); // every other block: holes keep the extents apart
            }
        }

        FileLayout layout = FileLayout.of(file);

        assertEquals(pieces, layout.dataRanges().size());
        assumeTrue(layout.hasExtentMap(), () -> fs + " has no extent map: " + layout.extentMapError().orElseThrow());
        // xfs may fill the gaps with speculative preallocation: UNWRITTEN extents between the data.
        List<Extent> written = layout.extents().stream().filter(e -> !e.isUnwritten()).toList();
        assertEquals(pieces, written.size(), "written extents");
        for (int i = 0; i < pieces; i++) {
            assertEquals(new ByteRange(2L * i * B, B), written.get(i).logicalRange(), "extent " + i);
        }
        assertTrue(layout.extents().getLast().has(ExtentFlag.LAST), "the walk went on to the LAST extent");
        assertEquals(1, layout.extents().stream().filter(e -> e.has(ExtentFlag.LAST)).count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void channelAndFd_giveThePathsLayout_andLeaveThePositionAlone(TestFs fs) throws Exception {
        Path file = fs.freshDir("channel").resolve("f");
        FileBytes.writePattern(file, 8 * B);
        Fallocate.fallocate(file, FallocateMode.PUNCH_HOLE, 2 * B, B);
        FileLayout byPath = FileLayout.of(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.position(1234);
            assertEquals(byPath, FileLayout.of(ch));
            assertEquals(1234, ch.position());
            try (FileChannel wo = FileChannel.open(file, StandardOpenOption.WRITE)) {
                wo.position(777);
                assertEquals(byPath, FileLayout.of(wo), "a write-only channel has a layout too");
                assertEquals(777, wo.position());
            }
        }
    }

    @Test
    void emptyFile_hasNoDataNoHolesNoExtents() throws Exception {
        Path file = TestFilesystems.all().getFirst().freshDir("empty").resolve("f");
        Files.createFile(file);
        FileLayout layout = FileLayout.of(file);
        assertEquals(0, layout.size());
        assertEquals(List.of(), layout.dataRanges());
        assertEquals(List.of(), layout.holes());
        if (layout.hasExtentMap()) {
            assertEquals(0, layout.extentCount());
        }
    }

    @Test
    void missingFile_isNoSuchFileException_andADirectoryIsRefused() throws Exception {
        Path dir = TestFilesystems.all().getFirst().freshDir("bad");
        assertThrows(NoSuchFileException.class, () -> FileLayout.of(dir.resolve("missing")));
        var e = assertThrows(FileSystemException.class, () -> FileLayout.of(dir));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FileLayout.of(-1));
    }

    @Test
    void extentFlags_keepTheirCNamesAndValues() {
        assertEquals(0x800, ExtentFlag.UNWRITTEN.value());
        assertEquals("FIEMAP_EXTENT_SHARED", ExtentFlag.SHARED.cName());
        assertEquals(java.util.EnumSet.of(ExtentFlag.LAST, ExtentFlag.UNWRITTEN, ExtentFlag.MERGED),
                ExtentFlag.decode(0x1 | 0x800 | 0x1000 | 0x40000));
    }
}
