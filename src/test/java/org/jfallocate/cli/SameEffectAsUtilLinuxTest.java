package org.jfallocate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The drop-in promise: the same command on two copies of the same file, util-linux's
 * fallocate on one and the real bin/jfallocate on the other, leaves the same bytes, size,
 * allocated blocks and hole map, prints the same, and exits the same, on every filesystem of
 * the matrix, for every option util-linux 2.38 has. A command the filesystem refuses must be
 * refused by both, with the file left as it was.
 */
class SameEffectAsUtilLinuxTest {
    /** One command line per option of util-linux 2.38, and the forms of writing them. */
    private static final List<String> COMMANDS = List.of(
            "-d",
            "-v -d -o 4096 -l 40000",
            "-p -o 1000 -l 9000",
            "-v --punch-hole --offset=8KiB --length 16KiB",
            "-z -o 4096 -l 8192",
            "-z -n -o 60000 -l 8192",
            "-v -c -o 4096 -l 8192",
            "--insert-range -o 4KiB -l 4KiB",
            "-v -l 100000",
            "-nl 64KiB -o 1MiB",
            "-x -v -o 50000 -l 20000",
            "-p -o 1MiB -l 4KiB");

    @TestFactory
    Stream<DynamicNode> sameFileSameOutputSameStatus() {
        assumeTrue(Tools.utilLinuxPresent(), "util-linux fallocate(1) is not installed at " + Tools.UTIL_LINUX);
        return TestFilesystems.all().stream().map(fs -> DynamicContainer.dynamicContainer(fs.type(),
                Stream.concat(COMMANDS.stream().map(cmd -> DynamicTest.dynamicTest(cmd, () -> sameEffect(fs, cmd))),
                        Stream.of(DynamicTest.dynamicTest("create a missing file with -l 1MiB, not with -p",
                                () -> sameCreation(fs))))));
    }

    private static void sameEffect(TestFs fs, String command) throws Exception {
        Path dir = fs.freshDir("cli");
        Path a = dir.resolve("ul.dat");
        Path b = dir.resolve("jf.dat");
        SampleFile.write(a);
        SampleFile.write(b);
        FileState before = FileState.of(b);

        Tools.Run ul = Tools.utilLinux(dir, args(command, "ul.dat"));
        Tools.Run jf = Tools.jfallocate(dir, args(command, "jf.dat")).asUtilLinux("jf.dat").renamed("jf.dat", "ul.dat");

        assertEquals(ul, jf, "output and status of '" + command + "' on " + fs);
        FileState expected = FileState.of(a);
        assertEquals(expected, FileState.of(b), "file after '" + command + "' on " + fs);
        if (ul.status() != 0) {
            assertEquals(before, FileState.of(b), "a refused '" + command + "' leaves the file as it was on " + fs);
        }
        deleteAll(dir);
    }

    // The O_CREAT rule: plain allocation creates the file, punch-hole does not.
    private static void sameCreation(TestFs fs) throws Exception {
        Path dir = fs.freshDir("cli-create");
        for (String cmd : List.of("-l 1MiB", "-p -l 4096")) {
            Tools.Run ul = Tools.utilLinux(dir, args(cmd, "new-ul"));
            Tools.Run jf = Tools.jfallocate(dir, args(cmd, "new-jf")).asUtilLinux("new-jf").renamed("new-jf", "new-ul");
            assertEquals(ul, jf, "'" + cmd + "' on a missing file on " + fs);
            assertEquals(Files.exists(dir.resolve("new-ul")), Files.exists(dir.resolve("new-jf")),
                    "'" + cmd + "' creates the file in both or neither");
            if (Files.exists(dir.resolve("new-ul"))) {
                assertEquals(FileState.of(dir.resolve("new-ul")), FileState.of(dir.resolve("new-jf")));
            }
        }
        deleteAll(dir);
    }

    static String[] args(String command, String file) {
        List<String> all = new ArrayList<>(List.of(Tools.words(command)));
        all.add(file);
        return all.toArray(String[]::new);
    }

    static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
