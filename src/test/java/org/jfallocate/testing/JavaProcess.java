package org.jfallocate.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the JDK's own tools (java, javac) in a child process, as a user would. */
public final class JavaProcess {
    private JavaProcess() {
    }

    /** What a finished process printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** The binding's compiled classes (the module org.jfallocate, exploded). */
    public static Path bindingClasses() {
        return Path.of("target", "classes").toAbsolutePath();
    }

    /** Runs {@code tool} (e.g. "java", "javac") of the JDK running the tests. */
    public static Result run(Path workDir, String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        ChildProcess.Result r = ChildProcess.run(pb, Duration.ofSeconds(120));
        return new Result(r.exit(), r.stdout(), r.stderr());
    }
}
