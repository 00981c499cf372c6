package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ETXTBSY: the kernel's answer to any fallocate on an active swap file. */
class SwapFileTest {
    @TempDir
    Path dir;

    @Test
    void activeSwapFile_givesETXTBSY_forEveryMode_andStaysUnchanged() throws Exception {
        try (ActiveSwapFile active = ActiveSwapFile.create(dir)) {
            assumeTrue(active.active(), active.whyNot());
            Path swap = active.path();
            FileState before = FileState.of(swap);
            for (FallocateMode mode : List.of(FallocateMode.ALLOCATE, FallocateMode.KEEP_SIZE,
                    FallocateMode.PUNCH_HOLE, FallocateMode.ZERO_RANGE, FallocateMode.COLLAPSE_RANGE)) {
                var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(swap, mode, 0, 1 << 20));
                Reported.as(Errno.ETXTBSY, "active swap file", e);
            }
            var p = assertThrows(FallocateException.class, () -> Fallocate.posixFallocate(swap, 0, 32 << 20));
            Reported.as(Errno.ETXTBSY, "active swap file", p);
            before.assertUnchanged(swap);
        }
    }
}
