package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jfallocate.FileSystemInfo;
import org.jfallocate.testing.FsMatrix;

/**
 * A filesystem the suite runs on: its directory for benchmark files and its filesystem.
 * Found from {@code JFALLOCATE_MATRIX} (set by bin/with-fs-matrix: "ext4=/mnt/a xfs=/mnt/b"),
 * or, without the matrix, the working directory's filesystem and /dev/shm.
 */
public record BenchTarget(String name, Path dir, FileSystemInfo fs) {

    /** The targets for this run: the given directories if any, else the matrix, else the fallback. */
    static List<BenchTarget> discover(Collection<String> explicitDirs, String matrix, Path workDir) throws IOException {
        List<BenchTarget> targets = new ArrayList<>();
        if (!explicitDirs.isEmpty()) {
            for (String d : explicitDirs) {
                targets.add(at(null, Path.of(d)));
            }
            return targets;
        }
        for (Map.Entry<String, Path> fs : FsMatrix.parse(matrix).entrySet()) {
            targets.add(at(fs.getKey(), fs.getValue().resolve("bench")));
        }
        if (!targets.isEmpty()) {
            return targets;
        }
        targets.add(at(null, workDir.resolve("target").resolve("bench-fs")));
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            targets.add(at(null, shm.resolve("jfallocate-bench")));
        }
        return targets;
    }

    private static BenchTarget at(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        FileSystemInfo fs = FileSystemInfo.of(dir);
        return new BenchTarget(name != null ? name : fs.type(), dir.toAbsolutePath(), fs);
    }

    /** {@code ext4 (/mnt/ext4/bench)}. */
    @Override
    public String toString() {
        return name + " (" + dir + ")";
    }
}
