package org.jfallocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jfallocate.testing.ScratchMount;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The probe as a user sees it: its table, its answers, and the directory it leaves behind. */
class ModeProbeTest {
    @TempDir
    Path tmp;

    static List<TestFs> filesystems() {
        return TestFilesystems.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void probe_leavesTheDirectoryAsItFoundIt(TestFs fs) throws Exception {
        Path dir = fs.freshDir("probe");
        Files.writeString(dir.resolve("keep"), "mine");
        List<Path> before = list(dir);

        ModeSupport support = ModeProbe.probe(dir);

        assertEquals(before, list(dir), "the scratch file is removed");
        assertEquals(fs.type(), support.fileSystem().type());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void table_hasOneLinePerMode_nameThenYesOrNoAndTheErrno(TestFs fs) throws Exception {
        ModeSupport support = ModeProbe.probe(fs.freshDir("table"));
        List<String> lines = support.toTable().lines().toList();

        List<String> names = new ArrayList<>(ModeProbe.MODES.keySet());
        names.add("POSIX_FALLOCATE");
        assertEquals(names, lines.stream().map(l -> l.split(" ")[0]).toList());
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.matches("[A-Z_]+ (yes|no E[A-Z]+)"), line);
        }
        assertTrue(lines.getLast().matches("POSIX_FALLOCATE (yes|emulated|no E[A-Z]+)"), lines.getLast());
        for (var r : support.results()) {
            assertEquals(r.supported(), support.supports(r.mode()));
            assertEquals(r.supported(), support.errno(r.mode()).isEmpty());
            assertEquals(r.supported(), support.asMap().get(r.name()));
        }
    }

    @Test
    void ext2_cannotAllocate_soPosixFallocateIsEmulated_butItCanPunchHoles() throws Exception {
        TestFs ext2 = TestFilesystems.ofType("ext2").orElse(null);
        assumeTrue(ext2 != null, () -> TestFilesystems.whyMissing("ext2"));
        ModeSupport support = ModeProbe.probe(ext2.freshDir("ext2"));
        assertFalse(support.supports(FallocateMode.ALLOCATE));
        assertEquals(Optional.of(Errno.EOPNOTSUPP), support.errno(FallocateMode.ALLOCATE));
        assertEquals(ModeSupport.PosixFallocate.EMULATED, support.posix());
        assertTrue(support.toTable().contains("ALLOCATE no EOPNOTSUPP\n"), support.toTable());
        assertTrue(support.toTable().endsWith("POSIX_FALLOCATE emulated\n"), support.toTable());
        assertTrue(support.supports(FallocateMode.PUNCH_HOLE), support.toTable());
    }

    @Test
    void probe_removesItsScratchFile_evenWhenWritingItFails() throws Exception {
        // 128 KiB cannot hold the probe's 256 KiB of data: the write fails part-way.
        try (ScratchMount tiny = ScratchMount.tmpfs(tmp.resolve("tiny"), "128k")) {
            assumeTrue(tiny.mounted(), tiny.whyNot());
            var e = assertThrows(IOException.class, () -> ModeProbe.probe(tiny.dir()));
            assertTrue(String.valueOf(e.getMessage()).contains("No space left on device")
                    || e instanceof FallocateException, e.toString());
            assertEquals(List.of(), list(tiny.dir()), "nothing is left behind");
        }
    }

    @Test
    void aModeThatWasNotProbed_isAnIllegalArgument_andAFileIsNotADirectory() throws Exception {
        TestFs fs = TestFilesystems.all().getFirst();
        ModeSupport support = ModeProbe.probe(fs.freshDir("raw"));
        var e = assertThrows(IllegalArgumentException.class, () -> support.supports(FallocateMode.raw(0x4000)));
        assertTrue(e.getMessage().contains("was not probed"), e.getMessage());
        Path file = Files.writeString(fs.freshDir("notdir").resolve("f"), "x");
        assertThrows(NotDirectoryException.class, () -> ModeProbe.probe(file));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
