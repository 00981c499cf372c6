package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jfallocate.FileSystemInfo;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code cache=cold}: after {@link PageCache#drop} none of the file's pages is cached, as
 * util-linux's fincore(1) counts them (mincore), and neither are the loop image's pages that held it.
 */
class PageCacheTest {
    private static final int BYTES = 8 << 20;

    @Test
    void drop_leavesNoPageOfTheFileInTheCache() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "page-cache-test").toAbsolutePath());
        Assumptions.assumeFalse(FileSystemInfo.of(dir).type().equals("tmpfs"), "the working directory is on tmpfs");
        dropAndCount(dir);
    }

    @Test
    void drop_onALoopMount_alsoDropsTheImagesPages() throws Exception {
        var ext4 = TestFilesystems.ofType("ext4");
        Assumptions.assumeTrue(ext4.isPresent(), () -> TestFilesystems.whyMissing("ext4"));
        Path dir = ext4.get().freshDir("page-cache");
        Optional<Path> image = LoopImage.backingFile(FileSystemInfo.of(dir).source());
        Assumptions.assumeTrue(image.isPresent(), "ext4 here is not on a loop device");
        Assumptions.assumeFalse(FileSystemInfo.of(image.get()).type().equals("tmpfs"),
                "the loop image is on tmpfs: its pages are its storage");
        long before = -1;
        Path file = dir.resolve("cold");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            write(f.getChannel());
            f.getChannel().force(true);
            before = residentBytes(image.get());
            PageCache.drop(f.getChannel(), file);
        }
        long after = residentBytes(image.get());
        assertTrue(before - after >= BYTES * 9L / 10, "the image had " + before + " bytes cached, and " + after + " after");
        Files.delete(file);
        Files.delete(dir);
    }

    private static void dropAndCount(Path dir) throws Exception {
        Path file = dir.resolve("cold");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            write(f.getChannel());
            assertEquals(BYTES, residentBytes(file), "just written: all of it cached");
            PageCache.drop(f.getChannel(), file);
            assertEquals(0, residentBytes(file), "dropped: nothing cached");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(FileChannel ch) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(BYTES);
        for (int i = 0; i < BYTES; i++) {
            b.put(i, (byte) (i % 251 + 1));
        }
        while (b.hasRemaining()) {
            ch.write(b, b.position());
        }
    }

    /** fincore's count of the file's bytes in the page cache. */
    private static long residentBytes(Path file) throws Exception {
        Path out = Files.createTempFile("fincore", ".out");
        try {
            Process p = new ProcessBuilder("fincore", "--bytes", "--noheadings", "--output", "RES", file.toString())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("fincore did not finish in 30 s");
            }
            String text = Files.readString(out).strip();
            assertEquals(0, p.exitValue(), text);
            return Long.parseLong(text);
        } finally {
            Files.delete(out);
        }
    }
}
