package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateMode;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.ScratchMount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * EIO: a file held open while its filesystem is forced down ({@code xfs_io -x -c shutdown},
 * which ext4 honours too). After a remount the file is exactly what was synced before.
 */
class ShutdownTest {
    private static final int SIZE = 512 * 1024;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xfs", "ext4"})
    void shutDownFilesystem_givesEIO_andTheSyncedFileSurvivesUnchanged(String type) throws Exception {
        assumeTrue(Commands.has("xfs_io"), "xfs_io (xfsprogs) is not installed");
        try (ScratchMount fs = ScratchMount.loop(dir, type, type.equals("xfs") ? 300 : 64)) {
            assumeTrue(fs.mounted(), fs.whyNot());
            Path file = fs.dir().resolve("wal");
            FileState before;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(FileBytes.pattern(SIZE)));
                ch.force(true);
                before = FileState.of(file);
                Commands.Result down = Commands.run("xfs_io", "-x", "-c", "shutdown", fs.dir().toString());
                assumeTrue(down.ok(), "xfs_io shutdown is refused on " + type + ": " + down.output());
                for (FallocateMode mode : List.of(FallocateMode.ALLOCATE, FallocateMode.KEEP_SIZE,
                        FallocateMode.PUNCH_HOLE, FallocateMode.ZERO_RANGE)) {
                    var e = assertThrows(FallocateException.class, () -> Fallocate.fallocate(ch, mode, 0, 2L * SIZE));
                    Reported.as(Errno.EIO, "shut down", e);
                }
                var p = assertThrows(FallocateException.class, () -> Fallocate.posixFallocate(ch, 0, 2L * SIZE));
                Reported.as(Errno.EIO, "shut down", p);
            }
            fs.remount();
            before.assertUnchanged(file);
        }
    }
}
