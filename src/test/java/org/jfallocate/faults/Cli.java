package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jfallocate.testing.ChildProcess;

/** Runs bin/jfallocate (and util-linux's fallocate, to compare) and checks how a failure is reported. */
final class Cli {
    private Cli() {
    }

    static final Path JFALLOCATE = Path.of("bin", "jfallocate").toAbsolutePath();
    static final Path UTIL_LINUX = Path.of("/usr/bin/fallocate");

    record Run(int status, String stdout, String stderr) {
    }

    static Run jfallocate(String... args) throws IOException, InterruptedException {
        return run(JFALLOCATE.toString(), args);
    }

    /**
     * Runs bin/jfallocate with {@code args}, which must fail: exit status 1, nothing on stdout,
     * and exactly {@code expectedLine} on stderr; then util-linux's fallocate (when installed and
     * it knows the options) with the same arguments, which must fail with the same status and errno text.
     */
    static void fails(String expectedLine, String... args) throws IOException, InterruptedException {
        Run j = jfallocate(args);
        assertEquals(1, j.status(), "exit status; stderr: " + j.stderr());
        assertEquals("", j.stdout());
        assertEquals(expectedLine + "\n", j.stderr());
        if (Files.isExecutable(UTIL_LINUX)) {
            Run u = run(UTIL_LINUX.toString(), args);
            if (u.stderr().contains("invalid option") || u.stderr().contains("unrecognized option")) {
                return; // an older util-linux without this mode (e.g. --write-zeroes): nothing to compare
            }
            String errnoText = expectedLine.substring(expectedLine.lastIndexOf(": ") + 2);
            assertEquals(1, u.status(), "util-linux's exit status; stderr: " + u.stderr());
            assertEquals(errnoText, u.stderr().trim().substring(u.stderr().trim().lastIndexOf(": ") + 2),
                    "util-linux says " + u.stderr());
        }
    }

    private static Run run(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        ChildProcess.Result r = ChildProcess.run(pb, Duration.ofSeconds(60));
        return new Run(r.exit(), r.stdout(), r.stderr());
    }
}
