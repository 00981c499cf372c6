package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileSpace;
import org.jfallocate.internal.Syscalls;
import org.jfallocate.internal.PathFiles;
import org.jfallocate.testing.ScratchMount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals during long calls. The binding retries EINTR, but on kernel 6.18 no call we can
 * make returns it to a live process: tmpfs's fallocate and the writes of glibc's
 * posix_fallocate emulation stop only for fatal signals. These tests send a storm of
 * handled signals (SIGUSR2) at the calling thread and check that the calls still complete
 * in full; they print how often the raw call was interrupted, so a kernel that does
 * interrupt shows up in the log.
 */
class InterruptedCallTest {
    private static final long LEN = 256L << 20; // about 60 ms of page allocation on tmpfs here

    @TempDir
    Path dir;

    @Test
    void signalStormDuringLongTmpfsAllocations_neitherFailsNorLosesAnyOfTheRange() throws Exception {
        try (ScratchMount tmpfs = ScratchMount.tmpfs(dir.resolve("shm"), "600m")) {
            assumeTrue(tmpfs.mounted(), tmpfs.whyNot());
            Path file = tmpfs.dir().resolve("f");
            int interrupted = 0;
            int attempts = 3;
            int fd = PathFiles.openForWrite(file, true);
            try {
                for (int i = 0; i < attempts; i++) {
                    try (SignalStorm unused = SignalStorm.at(TestNative.gettid(), 200, 2_000)) {
                        int errno = Syscalls.current().fallocate(fd, 0, 0, LEN);
                        if (errno != 0) {
                            assertEquals(Errno.EINTR.number(), errno, "the raw call failed otherwise");
                            interrupted++;
                        }
                    }
                    Fallocate.fallocate(fd, FallocateMode.PUNCH_HOLE, 0, LEN);
                }
            } finally {
                PathFiles.close(fd, file);
            }
            System.out.printf("jfa: raw fallocate(%d MiB) on tmpfs under SIGUSR2 every 200 us: EINTR in %d of %d calls%n",
                    LEN >> 20, interrupted, attempts);

            for (boolean posix : new boolean[] {false, true}) {
                try (SignalStorm storm = SignalStorm.at(TestNative.gettid(), 200, 2_000)) {
                    if (posix) {
                        Fallocate.posixFallocate(file, 0, LEN);
                    } else {
                        Fallocate.fallocate(file, FallocateMode.ALLOCATE, 0, LEN);
                    }
                    assertTrue(storm.sent() > 0, "no signal was sent during the call");
                }
                FileSpace space = FileSpace.of(file);
                assertEquals(LEN, space.size());
                assertEquals(LEN, space.allocatedBytes());
                Fallocate.fallocate(file, FallocateMode.PUNCH_HOLE, 0, LEN);
            }
        }
    }

    @Test
    void signalStormDuringThePosixEmulationOnExt2_neitherFailsNorLosesAnyOfTheRange() throws Exception {
        Path file = Matrix.dirOn("ext2", "eintr").resolve("f");
        int fd = PathFiles.openForWrite(file, true);
        int result;
        try (SignalStorm storm = SignalStorm.at(TestNative.gettid(), 200, 5_000)) {
            // glibc writes one byte per block; writes to a regular file stop only for fatal signals.
            result = Syscalls.current().posixFallocate(fd, 0, 32L << 20);
            Fallocate.posixFallocate(fd, 32L << 20, 32L << 20);
            assertTrue(storm.sent() > 0, "no signal was sent during the calls");
        } finally {
            PathFiles.close(fd, file);
        }
        System.out.println("jfa: raw posix_fallocate emulation on ext2 under SIGUSR2 every 200 us returned "
                + (result == 0 ? "0" : Errno.nameOf(result)));
        FileSpace space = FileSpace.of(file);
        assertEquals(64L << 20, space.size());
        assertTrue(space.allocatedBytes() >= 64L << 20, "allocated " + space.allocatedBytes());
    }
}
