package org.jfallocate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The FIEMAP walk gives the same extents whatever the buffer size, so its continuation is right. */
class FiemapTest {
    static java.util.List<TestFilesystems.TestFs> filesystems() {
        return TestFilesystems.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void aBufferOfThreeExtents_walksToTheSameExtentsAsOneBigCall(TestFilesystems.TestFs fs) throws Exception {
        Path file = fs.freshDir("fiemap").resolve("f");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int i = 0; i < 20; i++) {
                ch.write(ByteBuffer.wrap(FileBytes.pattern(4096)), i * 3L * 4096);
            }
        }
        int fd = PathFiles.openForRead(file);
        try {
            Fiemap.Result big = Fiemap.extents(fd);
            assumeTrue(big.ok(), () -> fs + " has no FIEMAP: " + Errnos.describe(big.errno()));
            Fiemap.Result small = Fiemap.extents(fd, 3);
            assertEquals(0, small.errno());
            assertEquals(big.extents(), small.extents());
        } finally {
            PathFiles.close(fd, file);
        }
    }
}
