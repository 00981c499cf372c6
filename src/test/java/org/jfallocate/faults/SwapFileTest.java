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
        assumeTrue(Commands.has("mkswap") && Commands.has("swapon"), "mkswap/swapon (util-linux) are not installed");
        // A filesystem of its own, so a swap file left behind by a crash cannot pin the shared matrix.
        try (LoopFs fs = LoopFs.create(dir, "ext4", 64)) {
            assumeTrue(fs.mounted(), fs.whyNot());
            Path swap = fs.dir().resolve("swapfile");
            Commands.check("dd", "if=/dev/zero", "of=" + swap, "bs=1M", "count=16", "status=none");
            Commands.check("chmod", "600", swap.toString());
            Commands.check("mkswap", swap.toString());
            Commands.Result on = Commands.run("swapon", swap.toString());
            assumeTrue(on.ok(), "swapon is refused here: " + on.output());
            try {
                FileState before = FileState.of(swap);
                for (FallocateMode mode : List.of(FallocateMode.ALLOCATE, FallocateMode.KEEP_SIZE,
                        FallocateMode.PUNCH_HOLE, FallocateMode.ZERO_RANGE, FallocateMode.COLLAPSE_RANGE)) {
                    var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(swap, mode, 0, 1 << 20));
                    Reported.as(Errno.ETXTBSY, "active swap file", e);
                }
                var p = assertThrows(FallocateException.class, () -> Fallocate.posixFallocate(swap, 0, 32 << 20));
                Reported.as(Errno.ETXTBSY, "active swap file", p);
                before.assertUnchanged(swap);
            } finally {
                Commands.check("swapoff", swap.toString());
            }
        }
    }
}
