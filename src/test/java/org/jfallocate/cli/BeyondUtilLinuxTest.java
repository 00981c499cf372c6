package org.jfallocate.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileLayout;
import org.jfallocate.ModeProbe;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the installed util-linux (2.38) cannot be compared with: -w and -r (2.42), and
 * jfallocate's --unshare-range, --probe and --layout, run through the real bin/jfallocate on
 * every filesystem of the matrix. -w and --unshare-range are checked against the binding
 * doing the same call on a second copy; -r against util-linux 2.42's own test expectations.
 */
class BeyondUtilLinuxTest {

    @TestFactory
    Stream<DynamicNode> onEveryFilesystem() {
        return TestFilesystems.all().stream().map(fs -> DynamicContainer.dynamicContainer(fs.type(), Stream.of(
                DynamicTest.dynamicTest("-w does what fallocate(2) WRITE_ZEROES does",
                        () -> sameAsBinding(fs, "-w -o 8KiB -l 8KiB", FallocateMode.WRITE_ZEROES, 8192, 8192)),
                DynamicTest.dynamicTest("--unshare-range -n does what UNSHARE_RANGE|KEEP_SIZE does",
                        () -> sameAsBinding(fs, "--unshare-range -n -o 0 -l 16KiB",
                                FallocateMode.UNSHARE_RANGE_KEEP_SIZE, 0, 16384)),
                DynamicTest.dynamicTest("-r counts the sample's hole and zero runs, changing nothing",
                        () -> reportHolesOfSample(fs)),
                DynamicTest.dynamicTest("--probe prints the probe's table", () -> probe(fs)),
                DynamicTest.dynamicTest("--layout --format csv lists what FileLayout sees", () -> layoutCsv(fs)))));
    }

    // The same mode through the binding on one copy and through bin/jfallocate on the other.
    private static void sameAsBinding(TestFs fs, String command, FallocateMode mode, long offset, long length)
            throws Exception {
        Path dir = fs.freshDir("cli-extra");
        Path byBinding = dir.resolve("binding.dat");
        Path byCli = dir.resolve("cli.dat");
        SampleFile.write(byBinding);
        SampleFile.write(byCli);
        FileState before = FileState.of(byCli);
        Errno bindingError = null;
        try {
            Fallocate.fallocate(byBinding, mode, offset, length);
        } catch (FallocateException e) {
            bindingError = e.errno();
        }
        Tools.Run jf = Tools.jfallocate(dir, SameEffectAsUtilLinuxTest.args("-v " + command, "cli.dat"));
        if (bindingError == null) {
            assertEquals(0, jf.status(), jf.stderr());
            assertEquals(FileState.of(byBinding), FileState.of(byCli), command + " on " + fs);
        } else {
            String reason = mode.has(org.jfallocate.FallocateFlag.KEEP_SIZE) && bindingError == Errno.EOPNOTSUPP
                    ? "keep size mode is unsupported" : bindingError.text();
            assertEquals(new Tools.Run(1, "", "jfallocate: cli.dat: fallocate failed: " + reason + "\n"), jf,
                    command + " on " + fs);
            assertEquals(before, FileState.of(byCli), "a refused " + command + " leaves the file as it was");
        }
        SameEffectAsUtilLinuxTest.deleteAll(dir);
    }

    private static void reportHolesOfSample(TestFs fs) throws Exception {
        Path dir = fs.freshDir("cli-report");
        Path file = dir.resolve("s.dat");
        SampleFile.write(file);
        FileState before = FileState.of(file);
        long holeBytes = before.holes().stream().mapToLong(h -> h.to() - h.from()).sum();
        Tools.Run jf = Tools.jfallocate(dir, "--report-holes", "s.dat");
        assertEquals(0, jf.status(), jf.stderr());
        assertEquals(before, FileState.of(file), "-r changes nothing");
        String expected = String.format(java.util.Locale.ROOT, """

                Summary:
                file holes: %d holes, %s (%d bytes, %.2f%% of the file)
                data holes: 3 holes, 29 KiB (29672 bytes, 47.52%% of the file)
                """, before.holes().size(), HumanSize.format(holeBytes), holeBytes,
                holeBytes * 100.0 / SampleFile.SIZE);
        assertEquals(expected, jf.stdout(), "report of the sample on " + fs);
        assertEquals(List.of(SampleFile.HOLE), before.holes(), "the sample's one hole, as written, on " + fs);
        SameEffectAsUtilLinuxTest.deleteAll(dir);
    }

    private static void probe(TestFs fs) throws Exception {
        Tools.Run jf = Tools.jfallocate(fs.dir(), "--probe", ".");
        assertEquals(0, jf.status(), jf.stderr());
        List<String> lines = jf.stdout().lines().toList();
        assertEquals(ModeProbe.MODES.size() + 1, lines.size(), jf.stdout());
        // Every mode named once, with yes, or no and an errno name; and this JVM's probe agrees.
        String own = ModeProbe.probe(fs.dir()).toTable();
        assertEquals(own, jf.stdout(), "probe of " + fs);
        for (String mode : ModeProbe.MODES.keySet()) {
            assertTrue(lines.stream().anyMatch(l -> l.matches(mode + " (yes|no E[A-Z]+)")), mode + " in " + lines);
        }
        if (fs.type().equals("tmpfs")) {
            assertTrue(lines.contains("COLLAPSE_RANGE no EOPNOTSUPP"), "tmpfs cannot collapse: " + lines);
        }
    }

    private static void layoutCsv(TestFs fs) throws Exception {
        Path dir = fs.freshDir("cli-layout");
        Path file = dir.resolve("s.dat");
        SampleFile.write(file);
        Tools.Run jf = Tools.jfallocate(dir, "--layout", "--format=csv", "s.dat");
        assertEquals(0, jf.status(), jf.stderr());
        FileLayout layout = FileLayout.of(file);
        List<String> lines = jf.stdout().lines().toList();
        assertAll(
                () -> assertEquals("kind,offset,length,physical,flags", lines.getFirst()),
                () -> assertTrue(lines.contains("size,0," + SampleFile.SIZE + ",,"), lines.toString()),
                () -> assertTrue(lines.contains("allocated,," + layout.allocatedBytes() + ",,"), lines.toString()),
                () -> assertTrue(lines.contains("hole," + SampleFile.HOLE.from() + ","
                        + (SampleFile.HOLE.to() - SampleFile.HOLE.from()) + ",,"), lines.toString()),
                () -> assertEquals(layout.hasExtentMap() ? layout.extentCount() : 0,
                        lines.stream().filter(l -> l.startsWith("extent,")).count(), lines.toString()));
        SameEffectAsUtilLinuxTest.deleteAll(dir);
    }

    /**
     * util-linux 2.42's own test (tests/ts/fallocate): 1 MiB of 0xaa, 1 MiB of zeros, 1 MiB of
     * 0x55; --report-holes, then --dig-holes, then --report-holes again. The second report is
     * upstream's expected output, byte for byte (tests/expected/fallocate/fallocate-report-file-holes).
     */
    @Test
    void reportHolesPrintsWhatUtilLinux242sTestExpects() throws Exception {
        TestFs fs = TestFilesystems.all().getFirst();
        Path dir = fs.freshDir("cli-upstream");
        Path image = dir.resolve("fallocate.file");
        byte[] mib = new byte[1 << 20];
        try (var out = Files.newOutputStream(image)) {
            java.util.Arrays.fill(mib, (byte) 0xaa);
            out.write(mib);
            java.util.Arrays.fill(mib, (byte) 0);
            out.write(mib);
            java.util.Arrays.fill(mib, (byte) 0x55);
            out.write(mib);
        }
        Tools.Run before = Tools.jfallocate(dir, "--report-holes", "fallocate.file");
        assertEquals("""

                Summary:
                file holes: 0 holes, 0 B (0 bytes, 0.00% of the file)
                data holes: 1 holes, 1 MiB (1048576 bytes, 33.33% of the file)
                """, before.stdout(), before.stderr());
        Tools.Run dig = Tools.jfallocate(dir, "--dig-holes", "--verbose", "fallocate.file");
        assertEquals("fallocate.file: 1 MiB (1048576 bytes) converted to sparse holes.\n", dig.stdout(), dig.stderr());
        Tools.Run after = Tools.jfallocate(dir, "--report-holes", "fallocate.file");
        assertEquals("""

                Summary:
                file holes: 1 holes, 1 MiB (1048576 bytes, 33.33% of the file)
                data holes: 0 holes, 0 B (0 bytes, 0.00% of the file)
                """, after.stdout(), after.stderr());
        SameEffectAsUtilLinuxTest.deleteAll(dir);
    }

    @Test
    void failuresAreOneLineNamingProgramFileAndErrnoWithStatusOne() throws IOException, InterruptedException {
        TestFs tmpfs = TestFilesystems.ofType("tmpfs").orElse(null);
        assumeTrue(tmpfs != null, TestFilesystems.whyMissing("tmpfs"));
        Path dir = tmpfs.freshDir("cli-fail");
        SampleFile.write(dir.resolve("s.dat"));
        // tmpfs has no COLLAPSE_RANGE
        Tools.Run jf = Tools.jfallocate(dir, "-c", "-l", "4096", "s.dat");
        assertEquals(new Tools.Run(1, "", "jfallocate: s.dat: fallocate failed: Operation not supported\n"), jf);
        SameEffectAsUtilLinuxTest.deleteAll(dir);
    }
}
