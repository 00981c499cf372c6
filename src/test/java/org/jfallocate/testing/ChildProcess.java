package org.jfallocate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one way tests run a child process: stdin closed, stdout and stderr written to files (so
 * that neither can fill a pipe and block the child, and nothing has to be read before the
 * wait), a wait bounded by a timeout, and on timeout the whole process tree killed and an
 * {@link IOException} that says what the child had printed by then.
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    /** How a process ended: its exit status and what it printed. */
    public record Result(int exit, String stdout, String stderr) {
        /** Whether it exited 0. */
        public boolean ok() {
            return exit == 0;
        }
    }

    /** Runs {@code command} in the working directory, with the environment of the tests. */
    public static Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command), timeout);
    }

    /**
     * Runs what {@code pb} describes (its command, directory and environment; with
     * {@code redirectErrorStream(true)}, stderr is in {@code stdout}). Its redirections are
     * replaced.
     *
     * @throws IOException when it cannot start, or when it has not ended within {@code timeout}
     */
    public static Result run(ProcessBuilder pb, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jfallocate-child", ".out");
        Path err = Files.createTempFile("jfallocate-child", ".err");
        try {
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile());
            if (!pb.redirectErrorStream()) {
                pb.redirectError(err.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(p);
                throw new IOException(String.join(" ", pb.command()) + " did not end within " + timeout.toMillis()
                        + " ms and was killed; it printed: stdout [" + read(out) + "] stderr [" + read(err) + "]");
            }
            return new Result(p.exitValue(), read(out), read(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    // Descendants first, taken before the parent dies (they would be reparented and lost).
    private static void killTree(Process p) throws InterruptedException {
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle h : tree) {
            h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // lenient: any bytes
    }
}
