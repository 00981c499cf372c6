package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jfallocate.FileSystemInfo;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The durable write paths on real files: O_DIRECT's alignment, and what the probe says. */
class WritePathTest {

    static List<TestFs> filesystems() {
        return TestFilesystems.all();
    }

    @Test
    void recordBuffer_isAlignedToWhatItIsAskedFor_andHoldsNoZeroBlock() {
        for (int alignment : new int[] {512, 4096, 65536}) {
            ByteBuffer b = WritePath.recordBuffer(4096, alignment);
            assertEquals(0, MemorySegment.ofBuffer(b).address() % alignment, "aligned to " + alignment);
            assertEquals(4096, b.remaining());
            assertEquals(7, b.get(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void everyPathWorksOnTheMatrix_andDirectDsyncWritesTheRecordsThroughAnAlignedBuffer(TestFs fs) throws IOException {
        Path dir = fs.freshDir("paths");
        for (WritePath p : WritePath.values()) {
            assertEquals(Optional.empty(), p.unsupportedIn(dir), p + " on " + fs + " (kernel 6.6+ tmpfs takes O_DIRECT too)");
        }
        LogSpec spec = new LogSpec(Strategy.ZERO_FILLED, 64 * 1024, 4096, WritePath.DIRECT_DSYNC, 1 << 20);
        Path file = dir.resolve("wal");
        try (AppendLog log = AppendLog.create(file, spec, n -> { })) {
            log.append(16);
            log.finish();
            byte[] expected = new byte[4096];
            WritePath.recordBuffer(4096, 1).get(expected);
            byte[] all = Files.readAllBytes(file);
            for (int i = 0; i < 16; i++) {
                assertArrayEquals(expected, java.util.Arrays.copyOfRange(all, i * 4096, (i + 1) * 4096), "record " + i);
            }
        }
    }

    /**
     * Why the alignment is needed: an O_DIRECT channel refuses a misaligned buffer (the JDK checks
     * against the block size before the kernel would answer EINVAL), and takes the aligned one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void directWriteFromAMisalignedBuffer_isRefused_theAlignedOneTaken(TestFs fs) throws IOException {
        Assumptions.assumeTrue(List.of("ext4", "xfs", "ext2").contains(fs.type()), "block-device filesystem with strict O_DIRECT");
        Path dir = fs.freshDir("misaligned");
        Path file = Files.createFile(dir.resolve("f"));
        int block = Math.toIntExact(FileSystemInfo.of(dir).blockSize());
        ByteBuffer aligned = WritePath.recordBuffer(block + 1, block);
        ByteBuffer misaligned = aligned.position(1).slice().limit(block);
        try (FileChannel channel = WritePath.DIRECT_DSYNC.open(file)) {
            IOException e = assertThrows(IOException.class, () -> channel.write(misaligned, 0));
            assertTrue(e.getMessage().contains("not a multiple of the block size"), e.getMessage());
            assertEquals(block, channel.write(WritePath.recordBuffer(block, block), 0), "the aligned buffer is taken");
        }
    }

    @Test
    void directRecordsThatAreNotWholeBlocks_areRefusedWithTheRule() throws IOException {
        Path dir = TestFilesystems.all().get(0).freshDir("odd");
        LogSpec spec = new LogSpec(Strategy.NONE, 3000, 1000, WritePath.DIRECT_DSYNC, 1 << 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppendLog.create(dir.resolve("wal"), spec, n -> { }));
        assertEquals(true, e.getMessage().startsWith("recordBytes must be a multiple of the block size"), e.getMessage());
    }
}
