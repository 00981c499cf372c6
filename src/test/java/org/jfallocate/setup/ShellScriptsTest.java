package org.jfallocate.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jfallocate.testing.ChildProcess;
import org.junit.jupiter.api.Test;

/** The scripts in bin/ (and CI's) pass shellcheck, at its default severity (style and info included). */
class ShellScriptsTest {
    private static final List<Path> SHELLCHECK = List.of(Path.of("/usr/bin/shellcheck"), Path.of("/usr/local/bin/shellcheck"));

    @Test
    void everyScriptPassesShellcheck() throws Exception {
        Path shellcheck = SHELLCHECK.stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(shellcheck != null, "shellcheck is not installed (apt-get install shellcheck; .ci/run does)");
        List<String> command = new ArrayList<>(List.of(shellcheck.toString(), "--external-sources"));
        try (Stream<Path> bin = Files.list(Path.of("bin"))) {
            bin.filter(Files::isRegularFile).sorted().forEach(p -> command.add(p.toString()));
        }
        command.add(".ci/run");
        assertTrue(command.size() >= 6, "bin/ has its scripts: " + command);
        ChildProcess.Result r = ChildProcess.run(Duration.ofSeconds(120), command.toArray(String[]::new));
        assertEquals(0, r.exit(), "shellcheck " + command.subList(2, command.size()) + ":\n" + r.stdout() + r.stderr());
    }
}
