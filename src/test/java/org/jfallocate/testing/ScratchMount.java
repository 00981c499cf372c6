package org.jfallocate.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A filesystem a single test mounts for itself (a 1 MiB tmpfs to fill up, an ext4 or xfs image
 * to shut down), through {@code bin/fs-matrix scratch-up}, the one place that mounts; unmounted,
 * its image detached and deleted, on close. Where it cannot be had (no root, no mkfs tool)
 * {@link #mounted()} is false and {@link #whyNot()} says why, for the test's skip message.
 */
public final class ScratchMount implements AutoCloseable {
    private static final Path FS_MATRIX = Path.of("bin", "fs-matrix").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** fs-matrix's exit status for "cannot be had here". */
    private static final int CANNOT = 3;

    private final Path dir;
    private final String whyNot;
    private final Path device;

    private ScratchMount(Path dir, String whyNot) {
        this(dir, whyNot, null);
    }

    private ScratchMount(Path dir, String whyNot, Path device) {
        this.dir = dir;
        this.whyNot = whyNot;
        this.device = device;
    }

    /**
     * A block device of its own: a sparse image {@code dir}.img of {@code size} ("1M") on a loop
     * device, not mounted ({@code bin/fs-matrix scratch-loop}); {@link #device()} names it. Put
     * {@code dir} on a filesystem that punches holes, to see a discard reach the image.
     */
    public static ScratchMount blockDevice(Path dir, String size) throws IOException, InterruptedException {
        ChildProcess.Result r = fsMatrix("scratch-loop", size, dir.toString());
        if (r.exit() == CANNOT) {
            return new ScratchMount(dir, r.stderr().strip());
        }
        check(r, "scratch-loop " + size + " " + dir);
        return new ScratchMount(dir, null, Path.of(r.stdout().strip()));
    }

    /** The loop device of {@link #blockDevice}, or null for a mount. */
    public Path device() {
        return device;
    }

    /** The image behind the filesystem or the device: {@code dir}.img (none for a tmpfs). */
    public Path image() {
        return Path.of(dir + ".img");
    }

    /** A tmpfs of {@code size} (tmpfs's size= option, e.g. "1m", "128k") at {@code dir}, created if missing. */
    public static ScratchMount tmpfs(Path dir, String size) throws IOException, InterruptedException {
        return up("tmpfs", size, dir);
    }

    /**
     * A {@code type} ("ext4", "xfs") filesystem of {@code megabytes} on a sparse image, loop-mounted
     * at {@code dir}/{@code type}-mnt. xfs needs at least 300 MiB (mkfs.xfs refuses smaller).
     */
    public static ScratchMount loop(Path dir, String type, int megabytes) throws IOException, InterruptedException {
        return up(type, megabytes + "M", dir.resolve(type + "-mnt"));
    }

    private static ScratchMount up(String type, String size, Path dir) throws IOException, InterruptedException {
        ChildProcess.Result r = fsMatrix("scratch-up", type, size, dir.toString());
        if (r.exit() == CANNOT) {
            return new ScratchMount(dir, r.stderr().strip());
        }
        check(r, "scratch-up " + type + " " + size + " " + dir);
        return new ScratchMount(dir, null);
    }

    /** Whether the filesystem is mounted at {@link #dir()}, or the block device attached. */
    public boolean mounted() {
        return whyNot == null;
    }

    /** Why it is not mounted, or null. */
    public String whyNot() {
        return whyNot;
    }

    /** The mount point. */
    public Path dir() {
        return dir;
    }

    /** Unmounts the image and mounts it again: what a file holds now is what reached the disk. */
    public void remount() throws IOException, InterruptedException {
        check(fsMatrix("scratch-remount", dir.toString()), "scratch-remount " + dir);
    }

    @Override
    public void close() throws IOException {
        if (!mounted()) {
            return;
        }
        try {
            check(fsMatrix("scratch-down", dir.toString()), "scratch-down " + dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unmounting " + dir, e);
        }
    }

    private static ChildProcess.Result fsMatrix(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = FS_MATRIX.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return ChildProcess.run(TIMEOUT, command);
    }

    private static void check(ChildProcess.Result r, String what) throws IOException {
        if (!r.ok()) {
            throw new IOException("bin/fs-matrix " + what + " exited " + r.exit() + ": " + r.stderr().strip());
        }
    }
}
