package org.jfallocate.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small filesystem of its own for one test (to fill up, or to shut down), on a sparse
 * image loop-mounted under the test's directory; unmounted and deleted on close.
 * Without root or the mkfs tool, {@link #whyNot()} says why, for the skip message.
 */
final class LoopFs implements AutoCloseable {
    private final Path image;
    private final Path mountPoint;
    private final String whyNot;

    private LoopFs(Path image, Path mountPoint, String whyNot) {
        this.image = image;
        this.mountPoint = mountPoint;
        this.whyNot = whyNot;
    }

    /**
     * Makes and mounts a {@code type} ("ext4", "xfs") filesystem of {@code megabytes} in {@code dir}.
     * xfs images must be at least 300 MiB (mkfs.xfs refuses smaller); sparse, they cost little.
     */
    static LoopFs create(Path dir, String type, int megabytes) throws IOException, InterruptedException {
        Path image = dir.resolve(type + ".img");
        Path mnt = dir.resolve(type + "-mnt");
        if (!Commands.isRoot()) {
            return new LoopFs(image, mnt, "loop-mounting a " + type + " image needs root");
        }
        if (!Commands.has("mkfs." + type)) {
            return new LoopFs(image, mnt, "mkfs." + type + " is not installed");
        }
        Files.createDirectories(mnt);
        Commands.check("truncate", "-s", megabytes + "M", image.toString());
        Commands.check("mkfs." + type, "-q", type.equals("xfs") ? "-f" : "-F", image.toString());
        Commands.Result mount = Commands.run("mount", "-o", "loop", image.toString(), mnt.toString());
        if (!mount.ok()) {
            Files.deleteIfExists(image);
            return new LoopFs(image, mnt, "mount -o loop of a " + type + " image failed: " + mount.output());
        }
        Commands.check("chmod", "1777", mnt.toString());
        return new LoopFs(image, mnt, null);
    }

    boolean mounted() {
        return whyNot == null;
    }

    String whyNot() {
        return whyNot;
    }

    Path dir() {
        return mountPoint;
    }

    /** Unmounts and mounts the image again: what a file holds now is what reached the disk. */
    void remount() throws IOException, InterruptedException {
        Commands.check("umount", mountPoint.toString());
        Commands.check("mount", "-o", "loop", image.toString(), mountPoint.toString());
    }

    @Override
    public void close() throws IOException {
        if (!mounted()) {
            return;
        }
        try {
            Commands.Result umount = Commands.run("umount", mountPoint.toString());
            if (!umount.ok()) {
                // Busy (a descriptor still open after a failure): detach lazily rather than leak the mount.
                Commands.check("umount", "-l", mountPoint.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unmounting " + mountPoint, e);
        } finally {
            Files.deleteIfExists(image);
        }
    }
}
