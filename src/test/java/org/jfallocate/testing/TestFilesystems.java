package org.jfallocate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfallocate.FileSystemInfo;

/**
 * The filesystems the tests run on. Under {@code make test}, bin/with-fs-matrix mounts the
 * matrix (ext4, xfs, btrfs, ext2, tmpfs) and names it in {@code JFALLOCATE_MATRIX}
 * ("ext4=/mnt/a xfs=/mnt/b ..."). Without it (no root, an IDE run) the tests use the
 * working directory's filesystem and /dev/shm, and the filesystem-specific ones are skipped
 * with the reason.
 */
public final class TestFilesystems {
    private TestFilesystems() {
    }

    /** One filesystem to test on: its type as the mount table names it, and a writable directory. */
    public record TestFs(String type, Path dir) {
        /** A fresh, empty directory on this filesystem for one test. */
        public Path freshDir(String name) {
            try {
                return Files.createTempDirectory(dir, name + "-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return type;
        }
    }

    private static final List<TestFs> ALL = discover();

    /** Every filesystem available to this run, the matrix's when it is mounted. */
    public static List<TestFs> all() {
        return ALL;
    }

    /** The filesystem of this type, when this run has it. */
    public static Optional<TestFs> ofType(String type) {
        return ALL.stream().filter(fs -> fs.type().equals(type)).findFirst();
    }

    /** Whether the loop-mounted matrix is present (root with the mkfs tools). */
    public static boolean matrixMounted() {
        return !FsMatrix.ofEnvironment().isEmpty();
    }

    /** Why a filesystem is missing, for skip messages. */
    public static String whyMissing(String type) {
        return matrixMounted()
                ? type + " is not in this run's filesystem matrix (" + FsMatrix.VARIABLE + "=" + FsMatrix.raw() + ")"
                : type + " needs the loop-mounted matrix: run 'make test' as root with e2fsprogs, xfsprogs, btrfs-progs";
    }

    private static List<TestFs> discover() {
        List<TestFs> found = new ArrayList<>();
        FsMatrix.ofEnvironment().forEach((type, dir) -> found.add(new TestFs(type, dir)));
        if (found.isEmpty()) {
            found.add(fallback(Path.of("target", "test-fs").toAbsolutePath()));
            Path shm = Path.of("/dev/shm");
            if (Files.isDirectory(shm) && Files.isWritable(shm)) {
                found.add(fallback(shm));
            }
        }
        return List.copyOf(found);
    }

    private static TestFs fallback(Path dir) {
        try {
            Files.createDirectories(dir);
            return new TestFs(FileSystemInfo.of(dir).type(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
