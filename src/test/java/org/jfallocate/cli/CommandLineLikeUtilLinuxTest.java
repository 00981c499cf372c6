package org.jfallocate.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jfallocate.FileLayout;
import org.jfallocate.testing.ChildProcess;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.ScratchMount;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line as util-linux reads it: the same status and the same messages for usage
 * errors, bad sizes, missing files and option conflicts. jfallocate runs in this JVM (the jar's
 * main, with its output captured: a JVM per case would cost half a second each);
 * SameEffectAsUtilLinuxTest and LauncherTest run the real bin/jfallocate.
 * No case here reaches an existing file: paths are under a directory that does not exist.
 */
class CommandLineLikeUtilLinuxTest {
    private static final String MISSING = "/nonexistent-dir-of-the-cli-test/f";

    /** Command lines on which util-linux 2.38 and jfallocate must print and return exactly the same. */
    static Stream<String> sameAsUtilLinux() {
        return Stream.of(
                "", "-l 1", "-l 1 " + MISSING + " g", "-v",
                "-q " + MISSING, "--bogus " + MISSING, "-nq " + MISSING, "-l", "--length", "-o",
                "-q -h", "-q -V", "-q -c -d " + MISSING, "--bogus -h",
                "--keep-size=3 -l 1 " + MISSING,
                "-o -1 -l 1 " + MISSING, "-o 1x -l 1 " + MISSING, "-l 0 " + MISSING, "-l -1 " + MISSING,
                "-l 1.5 " + MISSING, "-l 8E " + MISSING, "-l 1Z " + MISSING, "-l '' " + MISSING,
                "-d -l -1 " + MISSING, "-l 1 -l 0 " + MISSING, "-p " + MISSING,
                "-p -l 4096 " + MISSING, "-d " + MISSING, "-dl0 " + MISSING, "-l 1 " + MISSING,
                "-c -l 1 " + MISSING, "-z -n -l 1 " + MISSING, "-i -l 1 " + MISSING, "-x -l 1 " + MISSING,
                "--len=1 " + MISSING, "--le 1 " + MISSING, "--po -l 1 " + MISSING, "--keep -l1 " + MISSING,
                MISSING + " -l 1", "-l1 -o 1 -- " + MISSING, "-nl 1MiB " + MISSING, "-l1G -o1T " + MISSING,
                "-vvl 0x10 -o 010 " + MISSING, "-p -p -l 1 " + MISSING, "-c -c -l 1 " + MISSING,
                // getopt's prefixes (picocli's abbreviations, used before, took --k-s); values that look like options
                "--k-s -l1 " + MISSING, "--col-r -l1 " + MISSING, "--bogus=3 " + MISSING, "--ver",
                "--verb -l1 " + MISSING, "--le", "-nl", "--of=-1 -l 1 " + MISSING, "-o - -l 1 " + MISSING,
                "-o --len -l 1 " + MISSING, "-l 1 -o --len " + MISSING, "-p -l 1 -", "-p -l 1 -- -",
                // what picocli read otherwise before: "=" kept in an attached value, -5 an option
                "-l=5 " + MISSING, "-nl=5 " + MISSING, "-p -l 1 -5", "-n5 -l 1 " + MISSING, "-c -q -d " + MISSING,
                "-lq " + MISSING, "-Q -h",
                // getopt_long's own rules: the full name in its messages, an error after the operand
                "--keep=3 -l 1 " + MISSING, "--ver=1", "-vl", "--le= " + MISSING, "-l 1 " + MISSING + " -n -q",
                "-x -l1 -- -n " + MISSING);
    }

    @ParameterizedTest(name = "fallocate {0}")
    @MethodSource("sameAsUtilLinux")
    void sameStatusAndMessages(String line) throws Exception {
        assumeTrue(Tools.utilLinuxPresent(), "util-linux fallocate(1) is not installed");
        String[] args = words(line);
        Tools.Run ul = Tools.utilLinux(Path.of("."), args);
        assertEquals(ul, inProcess(args).asUtilLinux(null), "fallocate " + line);
    }

    /** Conflicts both versions of util-linux reject; the groups they list differ (see Option.EXCLUSIVE). */
    static Stream<String> conflictsEveryVersionRejects() {
        return Stream.of("-c -d", "-d -c", "-p -z -l 1", "-n -c -l 1", "-c -n -l 1", "-x -z -l 1",
                "--collapse-range --dig-holes", "-cd");
    }

    @ParameterizedTest(name = "fallocate {0}")
    @MethodSource("conflictsEveryVersionRejects")
    void conflictingOptionsAreRejectedLikeUtilLinux(String line) throws Exception {
        assumeTrue(Tools.utilLinuxPresent(), "util-linux fallocate(1) is not installed");
        String[] args = words(line + " " + MISSING);
        Tools.Run ul = Tools.utilLinux(Path.of("."), args);
        Tools.Run jf = inProcess(args).asUtilLinux(null);
        assertAll(
                () -> assertEquals(1, ul.status()),
                () -> assertEquals(1, jf.status()),
                () -> assertEquals("", jf.stdout()),
                () -> assertTrue(ul.stderr().startsWith("fallocate: mutually exclusive arguments:"), ul.stderr()),
                () -> assertTrue(jf.stderr().startsWith("fallocate: mutually exclusive arguments:"), jf.stderr()),
                () -> assertEquals(1, jf.stderr().lines().count(), jf.stderr()));
    }

    /**
     * Conflicts util-linux 2.38 let through because its table was not sorted (-x -p then
     * allocated instead of punching); later versions (the sorted table, with -w in 2.42) reject
     * them, and so does jfallocate, as it does for the options util-linux 2.38 lacks.
     */
    @ParameterizedTest(name = "fallocate {0}")
    @MethodSource
    void conflictsOfLaterVersionsAreRejected(String line) {
        Tools.Run jf = inProcess(words(line + " -l 4096 " + MISSING));
        assertEquals(1, jf.status(), line);
        assertTrue(jf.stderr().startsWith("jfallocate: mutually exclusive arguments:"), jf.stderr());
        for (String option : line.split(" ")) {
            String name = option.startsWith("--") ? option.substring(2) : Option.ofLetter(option.charAt(1)).longName();
            assertTrue(jf.stderr().contains(" --" + name), jf.stderr() + " names " + name);
        }
    }

    static Stream<String> conflictsOfLaterVersionsAreRejected() {
        return Stream.of("-x -p", "-x -n", "-x -d", "-x -c", "-x -i", "-i -n", "-w -n", "-w -z", "-w -x",
                "-r -d", "-r -p", "--unshare-range -x", "--unshare-range -p", "--unshare-range -z");
    }

    @Test
    void ambiguousLongPrefixListsTheCandidatesAsGetoptDoes() {
        Tools.Run jf = inProcess(words("--p -l 1 " + MISSING));
        assertEquals(1, jf.status());
        assertTrue(jf.stderr().startsWith("jfallocate: option '--p' is ambiguous; possibilities:"), jf.stderr());
        assertTrue(jf.stderr().contains("'--punch-hole'") && jf.stderr().contains("'--posix'"), jf.stderr());
        assertTrue(jf.stderr().endsWith("Try 'jfallocate --help' for more information.\n"), jf.stderr());
    }

    @Test
    void helpListsEveryOptionAndExitsZeroBeforeLaterOptionsAreRead() {
        Tools.Run jf = inProcess(words("-h -q --bogus"));
        assertEquals(0, jf.status());
        assertEquals("", jf.stderr());
        for (Option option : Option.values()) {
            assertTrue(jf.stdout().contains("--" + option.longName()), "help mentions --" + option.longName());
            if (option.letter() != 0) {
                assertTrue(jf.stdout().contains(" -" + option.letter() + ", --" + option.longName()),
                        "help gives -" + option.letter() + " for --" + option.longName());
            }
        }
    }

    @Test
    void versionNamesTheProgramAndExitsZero() {
        Tools.Run jf = inProcess(words("--version"));
        assertEquals(0, jf.status());
        assertTrue(jf.stdout().startsWith("jfallocate from jfallocate "), jf.stdout());
    }

    /** /dev/zero answers every SEEK_DATA/SEEK_HOLE with 0: util-linux before 2.42 looped forever. */
    @Test
    void digAndReportEndOnAFileWhoseSeekMakesNoProgress() {
        assumeTrue(Files.isReadable(Path.of("/dev/zero")), "no /dev/zero");
        Tools.Run dig = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> inProcess("-v", "-d", "/dev/zero"));
        assertEquals(new Tools.Run(0, "/dev/zero: 0 B (0 bytes) converted to sparse holes.\n", ""), dig);
        Tools.Run report = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> inProcess("-r", "/dev/zero"));
        assertEquals(0, report.status(), report.stderr());
    }

    /** lseek(2) on a FIFO fails with ESPIPE: util-linux says so, and so must jfallocate, which seeks through FallocateFile. */
    @Test
    void digOnAFifoFailsAsUtilLinuxDoes(@TempDir Path dir) throws Exception {
        assumeTrue(Tools.utilLinuxPresent(), "util-linux fallocate(1) is not installed");
        assertTrue(ChildProcess.run(Duration.ofSeconds(30), "mkfifo", dir.resolve("fifo").toString()).ok());
        Tools.Run ul = Tools.utilLinux(dir, "-d", "fifo");
        assertEquals(new Tools.Run(1, "", "fallocate: seek on fifo failed: Illegal seek\n"), ul);
        assertEquals(ul, Tools.jfallocate(dir, "-d", "fifo").asUtilLinux(null));
    }

    /**
     * A block device: util-linux seeks on it as on any file. Where the kernel finds data up to
     * its end it reads it all and punches the zero runs (a loop device passes the punch on to
     * its image); where SEEK_DATA fails with EINVAL (Linux 6.18 here) the walk ends, "0 B
     * converted", status 0. jfallocate, which refused anything but a regular file or a
     * character device before it seeked through FallocateFile, must print and punch the same.
     */
    @Test
    void digOnABlockDevice_punchesWhatUtilLinuxPunches() throws Exception {
        assumeTrue(Tools.utilLinuxPresent(), "util-linux fallocate(1) is not installed");
        TestFilesystems.TestFs ext4 = TestFilesystems.ofType("ext4").orElse(null);
        assumeTrue(ext4 != null, () -> TestFilesystems.whyMissing("ext4"));
        Path base = ext4.freshDir("blockdev");
        try (ScratchMount ul = ScratchMount.blockDevice(base.resolve("ul"), "1M");
                ScratchMount jf = ScratchMount.blockDevice(base.resolve("jf"), "1M")) {
            assumeTrue(ul.mounted() && jf.mounted(), () -> ul.mounted() ? jf.whyNot() : ul.whyNot());
            int block = 4096;
            byte[] content = FileBytes.pattern(256 * block);
            Arrays.fill(content, 16 * block, 48 * block, (byte) 0);
            Arrays.fill(content, 200 * block, 256 * block, (byte) 0);
            for (ScratchMount dev : List.of(ul, jf)) {
                try (FileChannel ch = FileChannel.open(dev.device(), StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap(content), 0);
                    ch.force(true);
                }
            }
            Tools.Run u = Tools.utilLinux(base, "-v", "-d", ul.device().toString()).renamed(ul.device().toString(), "DEV");
            Tools.Run j = Tools.jfallocate(base, "-v", "-d", jf.device().toString()).asUtilLinux(null)
                    .renamed(jf.device().toString(), "DEV");
            assertEquals(u, j);
            assertEquals(0, u.status(), u.stderr());
            assertEquals(FileLayout.of(ul.image()).dataRanges(), FileLayout.of(jf.image()).dataRanges(),
                    "the same ranges punched (if any) in the images");
        }
    }

    /** -d opens O_RDWR, which a directory refuses with EISDIR, for both tools. */
    @Test
    void digOnADirectoryFailsAsUtilLinuxDoes(@TempDir Path dir) throws Exception {
        assumeTrue(Tools.utilLinuxPresent(), "util-linux fallocate(1) is not installed");
        Files.createDirectory(dir.resolve("d"));
        Tools.Run ul = Tools.utilLinux(dir, "-d", "d");
        assertEquals(new Tools.Run(1, "", "fallocate: cannot open d: Is a directory\n"), ul);
        assertEquals(ul, Tools.jfallocate(dir, "-d", "d").asUtilLinux(null));
    }

    /**
     * -r opens O_RDONLY, which a directory allows, and then seeks on it as util-linux 2.42's
     * dig_holes does (the installed util-linux has no -r): on ext4 SEEK_DATA finds data and
     * pread fails with EISDIR; on tmpfs SEEK_DATA fails with EINVAL, which ends the walk.
     */
    @Test
    void reportOnADirectory_seeksAndReadsAsUtilLinuxDoes() throws Exception {
        TestFilesystems.TestFs ext4 = TestFilesystems.ofType("ext4").orElse(null);
        TestFilesystems.TestFs tmpfs = TestFilesystems.ofType("tmpfs").orElse(null);
        assumeTrue(ext4 != null && tmpfs != null, () -> TestFilesystems.whyMissing(ext4 == null ? "ext4" : "tmpfs"));
        String onExt4 = ext4.freshDir("report-dir").toString();
        assertEquals(new Tools.Run(1, "", "jfallocate: " + onExt4 + ": read failed: Is a directory\n"),
                inProcess("-r", onExt4));
        Tools.Run onTmpfs = inProcess("-r", tmpfs.freshDir("report-dir").toString());
        assertEquals(0, onTmpfs.status(), onTmpfs.stderr());
        assertTrue(onTmpfs.stdout().contains("file holes: 0 holes") && onTmpfs.stdout().contains("data holes: 0 holes"),
                onTmpfs.stdout());
    }

    /** jfallocate's main in this JVM, its output captured. */
    static Tools.Run inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new Jfallocate(o, e).run(args);
        }
        return new Tools.Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    // Blank-separated words; '' is an empty argument.
    private static String[] words(String line) {
        return Stream.of(Tools.words(line)).map(w -> w.equals("''") ? "" : w).toArray(String[]::new);
    }
}
