package org.jfallocate.conformance;

import static org.jfallocate.conformance.Conformance.assertBytes;
import static org.jfallocate.conformance.Conformance.block;
import static org.jfallocate.conformance.Conformance.dataFile;
import static org.jfallocate.conformance.Conformance.probe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileLayout;
import org.jfallocate.ModeSupport;
import org.jfallocate.Preallocation;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * posix_fallocate(3) and {@link Fallocate#preallocate}: they work everywhere, natively where
 * the filesystem has fallocate(2) mode 0 and by glibc's emulation (writing every block)
 * where it has not, as on ext2.
 */
class PosixFallocateConformanceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void posixFallocate_pastEnd_growsAndAllocates_natively_orByEmulation(TestFs fs) throws Exception {
        Path dir = fs.freshDir("posix");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 4 * b);
        ModeSupport probe = probe(fs);
        assumeTrue(probe.posix() != ModeSupport.PosixFallocate.FAILED,
                () -> "posix_fallocate fails on " + fs + ": " + probe.toTable());

        Fallocate.posixFallocate(file, 4L * b, 12L * b);

        FileLayout after = FileLayout.of(file);
        assertEquals(16L * b, after.size());
        assertTrue(after.allocatedBytes() >= 16L * b, "every block is allocated: " + after);
        byte[] read = Files.readAllBytes(file);
        assertBytes(data, 0, read, 0, 4 * b, "existing bytes are unchanged");
        assertTrue(FileBytes.allZero(read, 4 * b, 16 * b), "the new range reads as zeros");
        assertEquals(probe.supports(FallocateMode.ALLOCATE) ? ModeSupport.PosixFallocate.NATIVE
                : ModeSupport.PosixFallocate.EMULATED, probe.posix(), "the probe's POSIX_FALLOCATE line");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jfallocate.conformance.Conformance#filesystems")
    void preallocate_picksFallocate_whereMode0Works_andTheEmulationElsewhere(TestFs fs) throws Exception {
        Path dir = fs.freshDir("preallocate");
        int b = block(dir);
        Path file = dir.resolve("f");

        Preallocation how = Fallocate.preallocate(file, 0, 32L * b);

        assertEquals(probe(fs).supports(FallocateMode.ALLOCATE) ? Preallocation.FALLOCATE
                : Preallocation.POSIX_FALLOCATE_EMULATION, how, "strategy on " + fs);
        FileLayout after = FileLayout.of(file);
        assertEquals(32L * b, after.size());
        assertTrue(after.allocatedBytes() >= 32L * b, "the blocks are allocated: " + after);
        assertTrue(FileBytes.allZero(Files.readAllBytes(file), 0, 32 * b));
    }

    @Test
    void posixFallocate_onExt2_reallyEmulates_writingEveryBlock() throws Exception {
        TestFs ext2 = TestFilesystems.ofType("ext2").orElse(null);
        assumeTrue(ext2 != null, () -> TestFilesystems.whyMissing("ext2"));
        Path dir = ext2.freshDir("posix-ext2");
        int b = block(dir);
        Path file = dir.resolve("f");
        assertEquals(ModeSupport.PosixFallocate.EMULATED, probe(ext2).posix(), probe(ext2).toTable());

        Fallocate.posixFallocate(file, 0, 64L * b);

        FileLayout after = FileLayout.of(file);
        assertTrue(after.allocatedBytes() >= 64L * b, "the emulation allocated every block: " + after);
        // Written blocks, not unwritten extents: the emulation wrote a zero into each one.
        assertEquals(0, after.unwrittenBytes(), after.toString());
        assertEquals(java.util.List.of(new org.jfallocate.ByteRange(0, 64L * b)), after.dataRanges(),
                "emulated blocks are written data, so SEEK_DATA sees them");
        assertEquals(Preallocation.POSIX_FALLOCATE_EMULATION, Fallocate.preallocate(dir.resolve("g"), 0, 8L * b));
        assertTrue(FileLayout.of(dir.resolve("g")).allocatedBytes() >= 8L * b);
    }
}
