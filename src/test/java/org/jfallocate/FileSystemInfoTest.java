package org.jfallocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** FileSystemInfo against what util-linux's findmnt and coreutils' stat say about the same path. */
class FileSystemInfoTest {

    static java.util.List<TestFs> filesystems() {
        return TestFilesystems.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void typeSourceMountPointDeviceAndMagic_matchFindmntAndStat(TestFs fs) throws Exception {
        Path dir = fs.freshDir("fsinfo");
        Path file = Files.createDirectories(dir.resolve("a/b")).resolve("f");
        Files.writeString(file, "x");

        FileSystemInfo info = FileSystemInfo.of(file);

        String[] findmnt = run("findmnt", "-n", "-o", "FSTYPE,SOURCE,TARGET", "--target", file.toString()).split("\\s+");
        assertEquals(fs.type(), info.type(), "the matrix's own name for it");
        assertEquals(findmnt[0], info.type());
        assertEquals(findmnt[1].replaceFirst("\\[.*]$", ""), info.source());
        assertEquals(Path.of(findmnt[2]), info.mountPoint());
        String[] stat = run("stat", "-f", "-c", "%t %s", file.toString()).split(" ");
        assertEquals(Long.parseLong(stat[0], 16), info.magic());
        assertEquals(Long.parseLong(stat[1]), info.blockSize());
        assertEquals(run("stat", "-c", "%Hd:%Ld", file.toString()), info.device());
        assertEquals(info.mountPoint(), FileSystemInfo.of(dir).mountPoint(), "a directory and a file deep inside agree");
        assertTrue(info.totalBytes() > 0 && info.availableBytes() <= info.totalBytes(), info.toString());
        assertEquals(run("findmnt", "-n", "-o", "OPTIONS", "--target", file.toString()), info.mountOptions(),
                "the options as findmnt (and /proc/self/mounts) lists them");
    }

    @Test
    void ext2_isNamedExt2_thoughItSharesExt4sMagicNumber() throws Exception {
        TestFs ext2 = TestFilesystems.ofType("ext2").orElse(null);
        assumeTrue(ext2 != null, () -> TestFilesystems.whyMissing("ext2"));
        FileSystemInfo info = FileSystemInfo.of(ext2.freshDir("ext2"));
        assertEquals("ext2", info.type());
        assertEquals("0xef53", info.magicHex());
        TestFilesystems.ofType("ext4").ifPresent(ext4 -> {
            try {
                FileSystemInfo four = FileSystemInfo.of(ext4.dir());
                assertEquals("ext4", four.type());
                assertEquals(info.magic(), four.magic(), "one magic number for both");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void magicNumbers_areTheOnesInLinuxMagicH() throws Exception {
        Map<String, Long> magic = Map.of("ext4", 0xEF53L, "ext2", 0xEF53L, "xfs", 0x58465342L,
                "btrfs", 0x9123683EL, "tmpfs", 0x01021994L);
        for (TestFs fs : TestFilesystems.all()) {
            Long expected = magic.get(fs.type());
            if (expected != null) {
                assertEquals(expected, FileSystemInfo.of(fs.dir()).magic(), fs.type());
            }
        }
    }

    @Test
    void unsupportedModeMessage_namesTheMountTablesType() throws Exception {
        TestFs ext2 = TestFilesystems.ofType("ext2").orElse(null);
        assumeTrue(ext2 != null, () -> TestFilesystems.whyMissing("ext2"));
        Path file = ext2.freshDir("hint").resolve("f");
        Files.write(file, new byte[8192]);
        var e = assertThrows(UnsupportedModeException.class,
                () -> Fallocate.fallocate(file, FallocateMode.KEEP_SIZE, 0, 4096));
        assertTrue(e.getMessage().endsWith("this filesystem (ext2) does not support this mode"), e.getMessage());
    }

    @Test
    void missingPath_isNoSuchFileException() {
        Path missing = TestFilesystems.all().getFirst().dir().resolve("no-such-dir/f");
        assertThrows(NoSuchFileException.class, () -> FileSystemInfo.of(missing));
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " hung");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }
}
