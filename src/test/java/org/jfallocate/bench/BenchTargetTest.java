package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which directories a run benchmarks in: explicit ones, else the matrix, else the fallback. */
class BenchTargetTest {

    @Test
    void matrix_givesOneTargetPerEntry_namedByItsKey_writingInItsBenchDir(@TempDir Path root) throws Exception {
        Path a = Files.createDirectories(root.resolve("a"));
        Path b = Files.createDirectories(root.resolve("b"));
        List<BenchTarget> targets = BenchTarget.discover(List.of(), " ext4=" + a + "  xfs=" + b + " ", root);

        assertEquals(List.of("ext4", "xfs"), targets.stream().map(BenchTarget::name).toList());
        assertEquals(a.resolve("bench").toAbsolutePath(), targets.get(0).dir());
        assertTrue(Files.isDirectory(targets.get(1).dir()), "the bench directory is created");
        assertEquals(org.jfallocate.FileSystemInfo.of(root).type(), targets.get(0).fs().type(), "the mount is the real one");
    }

    @Test
    void explicitDirectories_winOverTheMatrix_andAreNamedByTheirFilesystem(@TempDir Path root) throws Exception {
        Path dir = root.resolve("x");
        List<BenchTarget> targets = BenchTarget.discover(List.of(dir.toString()), "ext4=/nonexistent", root);

        assertEquals(1, targets.size());
        assertEquals(org.jfallocate.FileSystemInfo.of(root).type(), targets.get(0).name());
        assertEquals(dir.toAbsolutePath(), targets.get(0).dir());
    }

    @Test
    void withoutMatrix_theWorkingDirectorysFilesystemComesFirst(@TempDir Path work) throws Exception {
        List<BenchTarget> targets = BenchTarget.discover(List.of(), "", work);

        assertEquals(work.resolve("target").resolve("bench-fs").toAbsolutePath(), targets.get(0).dir());
        if (Files.isWritable(Path.of("/dev/shm"))) {
            assertEquals(2, targets.size());
            assertEquals("tmpfs", targets.get(1).fs().type());
        }
    }
}
