package org.jfallocate.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.ScratchMount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same errors through bin/jfallocate: exit status 1, one line on stderr naming the
 * program, the file and the errno's text (util-linux's wording, plus the file), and the
 * file unchanged. EBADF cannot be reached from the command line (the CLI opens the file
 * read-write itself), and EPERM on an immutable or append-only file shows at open(2),
 * which refuses write access to such a file before fallocate is reached.
 */
class CliErrorsTest {
    private static final int SIZE = 256 * 1024;

    @TempDir
    Path dir;

    @BeforeAll
    static void cliBuilt() {
        assumeTrue(Files.isExecutable(Cli.JFALLOCATE), "bin/jfallocate is not in this tree");
        assumeTrue(Files.isRegularFile(Path.of("target", "jfallocate-cli.jar")),
                "target/jfallocate-cli.jar is not built (mvn process-test-classes builds it)");
    }

    @Test
    void fifo_ESPIPE_andCharacterDevice_ENODEV() throws Exception {
        Path fifo = dir.resolve("fifo");
        Commands.check("mkfifo", fifo.toString());
        Cli.fails("jfallocate: " + fifo + ": fallocate failed: Illegal seek", "-l", "1M", fifo.toString());
        Cli.fails("jfallocate: /dev/null: fallocate failed: No such device", "-l", "1M", "/dev/null");
    }

    @Test
    void collapseOffBlockBoundaries_andCollapseReachingTheEnd_EINVAL() throws Exception {
        Path file = Matrix.dirOn("ext4", "cli-einval").resolve("f");
        FileBytes.writePattern(file, SIZE);
        FileState before = FileState.of(file);
        String line = "jfallocate: " + file + ": fallocate failed: Invalid argument";
        Cli.fails(line, "--collapse-range", "-o", "1000", "-l", "4096", file.toString());
        Cli.fails(line, "--collapse-range", "-o", String.valueOf(SIZE - 4096), "-l", "8192", file.toString());
        Cli.fails(line, "--insert-range", "-o", String.valueOf(SIZE), "-l", "4096", file.toString());
        before.assertUnchanged(file);
    }

    @Test
    void rangeBeyondExt4sLargestFile_EFBIG() throws Exception {
        Path file = Matrix.dirOn("ext4", "cli-efbig").resolve("f");
        FileBytes.writePattern(file, SIZE);
        FileState before = FileState.of(file);
        Cli.fails("jfallocate: " + file + ": fallocate failed: File too large", "-o", "16TiB", "-l", "4096", file.toString());
        before.assertUnchanged(file);
    }

    @Test
    void modesTheFilesystemLacks_EOPNOTSUPP() throws Exception {
        String[][] cases = {{"ext2", "-l", "1M"}, {"ext2", "-z", "-o", "0", "-l", "64KiB"}, {"tmpfs", "-c", "-o", "0", "-l", "4096"},
            {"tmpfs", "-z", "-o", "0", "-l", "4096"}, {"btrfs", "-i", "-o", "0", "-l", "4096"}, {"ext4", "-w", "-o", "0", "-l", "4096"}};
        for (String[] c : cases) {
            Path file = Matrix.dirOn(c[0], "cli-eopnotsupp").resolve("f");
            FileBytes.writePattern(file, SIZE);
            FileState before = FileState.of(file);
            String[] args = new String[c.length];
            System.arraycopy(c, 1, args, 0, c.length - 1);
            args[c.length - 1] = file.toString();
            Cli.fails("jfallocate: " + file + ": fallocate failed: Operation not supported", args);
            before.assertUnchanged(file);
        }
    }

    @Test
    void fullSizeLimitedTmpfs_ENOSPC() throws Exception {
        try (ScratchMount tiny = ScratchMount.tmpfs(dir.resolve("tiny"), "2m")) {
            assumeTrue(tiny.mounted(), tiny.whyNot());
            Path file = tiny.dir().resolve("f");
            FileBytes.writePattern(file, SIZE);
            FileState before = FileState.of(file);
            Cli.fails("jfallocate: " + file + ": fallocate failed: No space left on device", "-l", "4MiB", file.toString());
            before.assertUnchanged(file);
        }
    }

    @Test
    void immutableAndAppendOnlyFiles_EPERM_atOpen() throws Exception {
        Path file = Matrix.dirOn("ext4", "cli-eperm").resolve("f");
        FileBytes.writePattern(file, SIZE);
        FileState before = FileState.of(file);
        for (String flag : new String[] {"i", "a"}) {
            Commands.Result set = Commands.run("chattr", "+" + flag, file.toString());
            assumeTrue(set.ok(), "chattr +" + flag + " is refused here: " + set.output());
            try {
                Cli.fails("jfallocate: cannot open " + file + ": Operation not permitted",
                        "-p", "-o", "0", "-l", "4096", file.toString());
            } finally {
                Commands.check("chattr", "-" + flag, file.toString());
            }
            before.assertUnchanged(file);
        }
    }

    @Test
    void activeSwapFile_ETXTBSY() throws Exception {
        try (ActiveSwapFile active = ActiveSwapFile.create(dir)) {
            assumeTrue(active.active(), active.whyNot());
            Path swap = active.path();
            FileState before = FileState.of(swap);
            Cli.fails("jfallocate: " + swap + ": fallocate failed: Text file busy", "-p", "-o", "0", "-l", "1M", swap.toString());
            before.assertUnchanged(swap);
        }
    }

    @Test
    void shutDownXfs_EIO_andTheFileIsIntactAfterRemount() throws Exception {
        assumeTrue(Commands.has("xfs_io"), "xfs_io (xfsprogs) is not installed");
        try (ScratchMount fs = ScratchMount.loop(dir, "xfs", 300)) {
            assumeTrue(fs.mounted(), fs.whyNot());
            Path file = fs.dir().resolve("wal");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(FileBytes.pattern(SIZE)));
                ch.force(true);
            }
            FileState before = FileState.of(file);
            Commands.Result down = Commands.run("xfs_io", "-x", "-c", "shutdown", fs.dir().toString());
            assumeTrue(down.ok(), "xfs_io shutdown is refused: " + down.output());
            // On a shut-down xfs, open(2) itself already fails with EIO.
            Cli.fails("jfallocate: cannot open " + file + ": Input/output error", "-l", "1M", file.toString());
            fs.remount();
            before.assertUnchanged(file);
        }
    }
}
