package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileLayout;
import org.jfallocate.FileSystemInfo;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What of an image the host has not written: holes and unwritten extents count, written bytes do not. */
class LoopImageTest {
    private static final int MIB = 1 << 20;

    @Test
    void holesAndUnwrittenExtents_areNotWritten_writtenBytesAre() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "loop-image-test").toAbsolutePath());
        Assumptions.assumeFalse(FileSystemInfo.of(dir).type().equals("tmpfs"), "the working directory is on tmpfs");
        Path file = dir.resolve("image");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(MIB), 0);               // 1 MiB written
            Fallocate.fallocate(ch, FallocateMode.ALLOCATE, MIB, MIB); // 1 MiB unwritten
            ch.write(ByteBuffer.allocate(1), 4L * MIB - 1);            // a hole, then one written block
            ch.force(true);
            LoopImage image = new LoopImage(file, FileLayout.of(ch));
            int block = image.layout().blockSize();
            assertEquals(3L * MIB - block, image.unwrittenOnHost());
            assertTrue(image.describe().contains((3L * MIB - block) + " of " + 4 * MIB + " bytes not written"), image.describe());
            ch.write(ByteBuffer.allocate(3 * MIB - block), MIB);
            ch.force(true);
            LoopImage written = new LoopImage(file, FileLayout.of(ch));
            assertEquals(0, written.unwrittenOnHost());
            assertTrue(written.describe().endsWith(", all " + 4 * MIB + " bytes written"), written.describe());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void ofALoopMount_isItsBackingFile() throws Exception {
        var ext4 = TestFilesystems.ofType("ext4");
        Assumptions.assumeTrue(ext4.isPresent(), () -> TestFilesystems.whyMissing("ext4"));
        FileSystemInfo fs = FileSystemInfo.of(ext4.get().freshDir("loop-image"));
        Optional<LoopImage> image = LoopImage.of(fs);
        Assumptions.assumeTrue(image.isPresent(), "ext4 here is not on a loop device");
        assertEquals(Files.readString(Path.of("/sys/block", fs.source().substring(5), "loop", "backing_file")).strip(),
                image.get().file().toString());
        assertEquals(Files.size(image.get().file()), image.get().layout().size());
    }
}
