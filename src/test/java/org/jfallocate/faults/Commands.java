package org.jfallocate.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jfallocate.testing.ChildProcess;

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

    /** Runs a command to completion (60 s at most, else an IOException) with stderr merged into the output. */
    static Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().merge("PATH", ":" + String.join(":", SBIN), String::concat);
        ChildProcess.Result r = ChildProcess.run(pb, Duration.ofSeconds(60));
        return new Result(r.exit(), r.stdout().trim());
    }

    /** Runs a command that must succeed; the exception carries what it printed. */
    static void check(String... command) throws IOException, InterruptedException {
        Result r = run(command);
        if (!r.ok()) {
            throw new IOException(String.join(" ", command) + " exited " + r.exit() + ": " + r.output());
        }
    }
}
