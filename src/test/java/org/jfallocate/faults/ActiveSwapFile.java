package org.jfallocate.faults;

import java.io.IOException;
import java.nio.file.Path;
import org.jfallocate.testing.ScratchMount;

/**
 * A 16 MiB swap file, active, on an ext4 of its own (so a swap file left behind by a crash
 * cannot pin the shared matrix); swapped off and unmounted on close. Where swap cannot be
 * had (no root, no mkswap/swapon, swapon refused), {@link #whyNot()} says why.
 */
final class ActiveSwapFile implements AutoCloseable {
    private final ScratchMount fs;
    private final Path path;
    private final String whyNot;

    private ActiveSwapFile(ScratchMount fs, Path path, String whyNot) {
        this.fs = fs;
        this.path = path;
        this.whyNot = whyNot;
    }

    static ActiveSwapFile create(Path dir) throws IOException, InterruptedException {
        if (!Commands.has("mkswap") || !Commands.has("swapon")) {
            return new ActiveSwapFile(null, null, "mkswap/swapon (util-linux) are not installed");
        }
        ScratchMount fs = ScratchMount.loop(dir, "ext4", 64);
        if (!fs.mounted()) {
            return new ActiveSwapFile(null, null, fs.whyNot());
        }
        try {
            Path swap = fs.dir().resolve("swapfile");
            Commands.check("dd", "if=/dev/zero", "of=" + swap, "bs=1M", "count=16", "status=none");
            Commands.check("chmod", "600", swap.toString());
            Commands.check("mkswap", swap.toString());
            Commands.Result on = Commands.run("swapon", swap.toString());
            if (!on.ok()) {
                fs.close();
                return new ActiveSwapFile(null, null, "swapon is refused here: " + on.output());
            }
            return new ActiveSwapFile(fs, swap, null);
        } catch (IOException | InterruptedException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    boolean active() {
        return whyNot == null;
    }

    String whyNot() {
        return whyNot;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (!active()) {
            return;
        }
        try {
            Commands.check("swapoff", path.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during swapoff " + path, e);
        } finally {
            fs.close();
        }
    }
}
