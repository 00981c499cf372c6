package org.jfallocate.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system tools the fault tests need (chattr, mkfs, mount, swapon, xfs_io). */
final class Commands {
    private Commands() {
    }

    /** How a command ended: its exit status and everything it printed. */
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private static final List<String> SBIN = List.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin");

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Whether {@code tool} is installed in one of the usual bin/sbin directories. */
    static boolean has(String tool) {
        return SBIN.stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    /** Runs a command to completion (60 s at most) with stderr merged into the output. */
    static Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().merge("PATH", ":" + String.join(":", SBIN), String::concat);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, String.join(" ", command) + " timed out");
        }
        return new Result(p.exitValue(), out);
    }

    /** Runs a command that must succeed; the exception carries what it printed. */
    static void check(String... command) throws IOException, InterruptedException {
        Result r = run(command);
        if (!r.ok()) {
            throw new IOException(String.join(" ", command) + " exited " + r.exit() + ": " + r.output());
        }
    }
}
