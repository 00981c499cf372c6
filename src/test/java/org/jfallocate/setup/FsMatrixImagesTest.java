package org.jfallocate.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jfallocate.ByteRange;
import org.jfallocate.FileLayout;
import org.jfallocate.testing.ChildProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bin/fs-matrix's written images, which the benchmarks use: every byte of the image is written on the host
 * (no hole, no unwritten extent), nothing discards it again, and ext4 has no inode tables left to zero
 * after mounting. Default images stay sparse.
 */
class FsMatrixImagesTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private Path root;

    @BeforeEach
    void root() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "loop mounts need root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/mkfs.btrfs")), "mkfs.btrfs is not installed (apt-get install btrfs-progs)");
        // On the working directory's disk, as the benchmarks' images are: /tmp may be a tmpfs.
        root = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "fs-matrix-images-");
    }

    @AfterEach
    void down() throws Exception {
        if (root != null) {
            ChildProcess.Result r = ChildProcess.run(TIMEOUT, "bin/fs-matrix", "down", root.toString());
            assertEquals(0, r.exit(), r.stderr());
        }
    }

    private ChildProcess.Result up(String images) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bin/fs-matrix", "up", root.toString());
        Map<String, String> env = pb.environment();
        env.put("FS_MATRIX_FS", "ext4 btrfs");
        env.put("FS_MATRIX_SIZE", "300M");
        env.put("FS_MATRIX_STRICT", "1");
        if (images != null) {
            env.put("FS_MATRIX_IMAGES", images);
        }
        ChildProcess.Result r = ChildProcess.run(pb, TIMEOUT);
        assertEquals(0, r.exit(), r.stderr());
        return r;
    }

    @Test
    void writtenImages_areWrittenThrough_notDiscarded_andExt4HasNothingLeftToZero() throws Exception {
        up("written");
        for (String fs : new String[] {"ext4", "btrfs"}) {
            FileLayout image = FileLayout.of(root.resolve("images").resolve(fs + ".img"));
            assertEquals(image.size(), image.dataRanges().stream().mapToLong(ByteRange::length).sum(), fs + ": no hole");
            assertEquals(0, image.unwrittenBytes(), fs + ": no unwritten extent (mkfs zeroes with ZERO_RANGE)");
            String options = ChildProcess.run(TIMEOUT, "findmnt", "-n", "-o", "OPTIONS", root.resolve(fs).toString()).stdout();
            assertFalse(options.contains("discard"), fs + " is mounted without discard: " + options);
        }
        // Groups whose inode table is not zeroed yet are what ext4lazyinit zeroes, in the background, after mounting.
        String groups = ChildProcess.run(TIMEOUT, "dumpe2fs", root.resolve("images/ext4.img").toString()).stdout();
        long total = groups.lines().filter(l -> l.matches("Group \\d+: .*")).count();
        long zeroed = groups.lines().filter(l -> l.matches("Group \\d+: .*") && l.contains("ITABLE_ZEROED")).count();
        assertTrue(total > 0, groups);
        assertEquals(total, zeroed, "every ext4 group's inode table zeroed by mkfs");
    }

    @Test
    void defaultImages_areSparse_andAWrittenRequestRecreatesThem() throws Exception {
        up(null);
        Path ext4 = root.resolve("images/ext4.img");
        assertTrue(FileLayout.of(ext4).allocatedBytes() < FileLayout.of(ext4).size() / 2, "a sparse image");
        ChildProcess.Result again = up("written");
        assertTrue(again.stderr().contains("ext4: existing image is not all written on the host"), again.stderr());
        FileLayout written = FileLayout.of(ext4);
        assertEquals(written.size(), written.dataRanges().stream().mapToLong(ByteRange::length).sum());
        assertEquals(0, written.unwrittenBytes());
    }

    // Fallocated, an image has every block allocated and none written: st_blocks alone calls it written.
    @Test
    void anImageWhoseBlocksAreAllocatedButUnwritten_isRecreatedToo() throws Exception {
        up(null);
        Path ext4 = root.resolve("images/ext4.img");
        ChildProcess.Result fill = ChildProcess.run(TIMEOUT, "fallocate", "-l", Long.toString(Files.size(ext4)), ext4.toString());
        assertEquals(0, fill.exit(), fill.stderr());
        assertTrue(FileLayout.of(ext4).unwrittenBytes() > 0, "the holes are unwritten extents now");
        ChildProcess.Result again = up("written");
        assertTrue(again.stderr().contains("ext4: existing image is not all written on the host"), again.stderr());
        assertEquals(0, FileLayout.of(ext4).unwrittenBytes());
    }

    @Test
    void anUnknownImageKind_isAUsageError_namingTheVariable() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bin/fs-matrix", "up", root.toString());
        pb.environment().put("FS_MATRIX_IMAGES", "dense");
        ChildProcess.Result r = ChildProcess.run(pb, TIMEOUT);
        assertEquals(2, r.exit());
        assertTrue(r.stderr().contains("bad FS_MATRIX_IMAGES 'dense' (use sparse or written)"), r.stderr());
    }
}
