package org.jfallocate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jfallocate.testing.ChildProcess;

/** Runs util-linux's fallocate(1) and the real bin/jfallocate as a user would, and normalizes their output. */
final class Tools {
    static final Path UTIL_LINUX = Path.of("/usr/bin/fallocate");
    static final Path JFALLOCATE = Path.of("bin", "jfallocate").toAbsolutePath();

    private Tools() {
    }

    /** What one run printed and returned. */
    record Run(int status, String stdout, String stderr) {
        /**
         * The run as util-linux would have printed it: "jfallocate" read as "fallocate", and the
         * file name jfallocate adds to a failed call's message ("jfallocate: FILE: fallocate
         * failed: ...", where util-linux has "fallocate: fallocate failed: ...") taken out.
         */
        Run asUtilLinux(String file) {
            String err = stderr.replace("jfallocate", "fallocate");
            if (file != null) {
                err = err.replace("fallocate: " + file + ": fallocate failed", "fallocate: fallocate failed");
            }
            return new Run(status, stdout.replace("jfallocate", "fallocate"), err);
        }

        /** The same run with {@code from} read as {@code to} in what it printed. */
        Run renamed(String from, String to) {
            return new Run(status, stdout.replace(from, to), stderr.replace(from, to));
        }
    }

    static boolean utilLinuxPresent() {
        return Files.isExecutable(UTIL_LINUX);
    }

    static Run utilLinux(Path dir, String... args) throws IOException, InterruptedException {
        // By name, as a user types it: getopt's messages start with argv[0].
        return run(dir, Map.of("PATH", UTIL_LINUX.getParent() + ":/bin"), UTIL_LINUX.getFileName().toString(), args);
    }

    static Run jfallocate(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, Map.of(), JFALLOCATE.toString(), args);
    }

    static Run jfallocate(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(dir, env, JFALLOCATE.toString(), args);
    }

    /** A command line written as one string, split at blanks. */
    static String[] words(String line) {
        return line.isBlank() ? new String[0] : Pattern.compile("\\s+").split(line.trim());
    }

    private static Run run(Path dir, Map<String, String> env, String program, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("LC_ALL", "C");
        pb.environment().putAll(env);
        // bin/find-jdk prefers JAVA_HOME: the JDK running the tests is one >= 22.
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        ChildProcess.Result r = ChildProcess.run(pb, Duration.ofSeconds(120));
        return new Run(r.exit(), r.stdout(), r.stderr());
    }
}
