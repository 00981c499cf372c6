package org.jfallocate.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        Path errFile = Files.createTempFile("jfallocate-stderr", ".txt");
        try {
            pb.redirectError(errFile.toFile()); // a file, so a chatty stderr cannot block the child
            Process p = pb.start();
            p.getOutputStream().close();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(tool + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), stdout, Files.readString(errFile));
        } finally {
            Files.deleteIfExists(errFile);
        }
    }
}
