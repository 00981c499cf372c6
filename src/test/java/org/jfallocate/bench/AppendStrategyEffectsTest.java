package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jfallocate.FileLayout;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the append workloads' strategies do to a real file on every filesystem of the run:
 * the blocks, sizes, extents and bytes each leaves, before, during and after the appends.
 */
class AppendStrategyEffectsTest {
    private static final int RECORD = 4096;
    private static final long SIZE = 1 << 20;

    static List<TestFs> filesystems() {
        return TestFilesystems.all();
    }

    private static LogSpec spec(Strategy strategy, long chunk) {
        return new LogSpec(strategy, SIZE, RECORD, WritePath.FDATASYNC_16, chunk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void recycled_isAllocatedAndWrittenWithNonZeroData_beforeAnyAppend(TestFs fs) throws IOException {
        Path dir = fs.freshDir("recycled");
        try (AppendLog log = AppendLog.create(dir.resolve("wal"), spec(Strategy.RECYCLED, SIZE), n -> { })) {
            FileLayout layout = FileLayout.of(log.path());
            assertEquals(SIZE, layout.size());
            assertTrue(layout.allocatedBytes() >= SIZE, "blocks allocated before the appends: " + layout);
            assertEquals(0, layout.holeBytes(), "no hole: " + layout);
            if (layout.hasExtentMap()) {
                assertEquals(0, layout.unwrittenBytes(), "written, not just reserved: " + layout);
            }
            byte[] bytes = Files.readAllBytes(log.path());
            for (int block = 0; block < bytes.length; block += layout.blockSize()) {
                assertFalse(FileBytes.allZero(bytes, block, block + layout.blockSize()),
                        "old data, not zeros, in the block at " + block);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void posixThenZeros_leavesWrittenZeros_noUnwrittenExtent(TestFs fs) throws IOException {
        Path dir = fs.freshDir("posix-zeros");
        try (AppendLog log = AppendLog.create(dir.resolve("wal"), spec(Strategy.POSIX_THEN_ZEROS, SIZE), n -> { })) {
            FileLayout layout = FileLayout.of(log.path());
            assertEquals(SIZE, layout.size());
            assertTrue(layout.allocatedBytes() >= SIZE, layout.toString());
            byte[] bytes = Files.readAllBytes(log.path());
            assertTrue(FileBytes.allZero(bytes, 0, bytes.length), "zeros");
            Assumptions.assumeTrue(layout.hasExtentMap(), fs + " has no extent map: " + layout.extentMapError());
            assertEquals(0, layout.unwrittenBytes(), "the zeros were written over the reservation: " + layout.extents());
        }
    }

    /** The rival that shows the check above can fail: posix_fallocate alone leaves unwritten extents. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void posixFallocateAlone_leavesUnwrittenExtents_whereTheFilesystemHasThem(TestFs fs) throws IOException {
        Assumptions.assumeTrue(fs.type().equals("ext4") || fs.type().equals("xfs"), "unwritten extents: ext4 and xfs");
        Path dir = fs.freshDir("posix");
        try (AppendLog log = AppendLog.create(dir.resolve("wal"), spec(Strategy.POSIX_FALLOCATE, SIZE), n -> { })) {
            FileLayout layout = FileLayout.of(log.path());
            assertEquals(SIZE, layout.unwrittenBytes(), layout.extents().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void chunkedKeepSize_reservesInSteps_duringTheAppends_andTrimsToTheWrittenSizeAtClose(TestFs fs) throws IOException {
        Path dir = fs.freshDir("chunked");
        Optional<String> why = Strategy.CHUNKED_KEEP_SIZE.requirement().unmetIn(DirectorySupport.probe(dir));
        if (fs.type().equals("ext2")) {
            assertTrue(why.isPresent() && why.get().startsWith("EOPNOTSUPP"), "ext2 has no KEEP_SIZE: " + why);
            return;
        }
        assertEquals(Optional.empty(), why);
        long step = 64 * 1024;
        Path file = dir.resolve("wal");
        AppendLog log = AppendLog.create(file, spec(Strategy.CHUNKED_KEEP_SIZE, step), n -> { });
        try {
            assertEquals(0, FileLayout.of(file).allocatedBytes(), "nothing reserved up front");
            log.append(20); // 80 KiB: two steps
            FileLayout during = FileLayout.of(file);
            assertEquals(20L * RECORD, during.size(), "KEEP_SIZE: the appends alone set the size");
            assertTrue(during.allocatedBytes() >= 2 * step, "reserved a step ahead: " + during);
            log.append(17); // 148 KiB: three steps, the third partly written
            log.finish();
            FileLayout after = FileLayout.of(file);
            long written = 37L * RECORD;
            assertEquals(written, after.size());
            long blocks = (written + after.blockSize() - 1) / after.blockSize() * after.blockSize();
            assertEquals(blocks, after.allocatedBytes(), "the unused part of the last step is given back: " + after);
        } finally {
            log.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void chunkedKeepSize_callsFallocateOncePerStepCrossed(TestFs fs) throws IOException {
        Assumptions.assumeFalse(fs.type().equals("ext2"), "ext2 has no KEEP_SIZE");
        Path dir = fs.freshDir("chunked-calls");
        try (var channel = java.nio.channels.FileChannel.open(dir.resolve("f"), java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ChunkedKeepSize hooks = new ChunkedKeepSize(16384);
            for (long pos = 0; pos < 10 * 4096; pos += 4096) {
                hooks.beforeWrite(channel, pos, 4096);
                channel.write(java.nio.ByteBuffer.wrap(FileBytes.pattern(4096)), pos);
            }
            assertEquals(3, hooks.calls(), "40 KiB in 16 KiB steps");
            assertEquals(3 * 16384, hooks.reservedEnd());
        }
    }
}
