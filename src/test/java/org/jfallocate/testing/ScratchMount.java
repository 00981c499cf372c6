package org.jfallocate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A filesystem a single test mounts for itself (e.g. a 1 MiB tmpfs to fill up), unmounted
 * on close. Mounting needs root: without it {@link #mounted()} is false and
 * {@link #whyNot()} says why, for the test's skip message.
 */
public final class ScratchMount implements AutoCloseable {
    private final Path dir;
    private final String whyNot;

    private ScratchMount(Path dir, String whyNot) {
        this.dir = dir;
        this.whyNot = whyNot;
    }

    /** Mounts a tmpfs with these options (e.g. "size=1m") at {@code dir}, created if missing. */
    public static ScratchMount tmpfs(Path dir, String options) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        if (!"root".equals(System.getProperty("user.name"))) {
            return new ScratchMount(dir, "mounting a tmpfs needs root");
        }
        String err = run("mount", "-t", "tmpfs", "-o", options, "jfallocate-test", dir.toString());
        return new ScratchMount(dir, err);
    }

    public boolean mounted() {
        return whyNot == null;
    }

    public String whyNot() {
        return whyNot;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        if (mounted()) {
            String err;
            try {
                err = run("umount", dir.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while unmounting " + dir, e);
            }
            if (err != null) {
                throw new IOException("could not unmount " + dir + ": " + err);
            }
        }
    }

    // Runs a command; null on success, else what it said.
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + " timed out";
        }
        return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + out;
    }
}
