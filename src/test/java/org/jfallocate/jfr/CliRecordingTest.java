package org.jfallocate.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jfallocate.FileSpace;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.ChildProcess;
import org.junit.jupiter.api.Test;

/**
 * bin/jfallocate uses the binding, so a JVM started with JFR in {@code JDK_JAVA_OPTIONS}
 * records the CLI's calls, the refused ones included, as the README says; here with the
 * event's {@code sizes} setting turned on from the command line, as docs/jfr.md shows.
 */
class CliRecordingTest {
    private static final Path CLI = Path.of("bin", "jfallocate").toAbsolutePath();
    private static final Path CLI_JAR = Path.of("target", "jfallocate-cli.jar").toAbsolutePath();

    private record Run(int exitCode, String stderr, List<RecordedEvent> events) {
    }

    @Test
    void cliWithFlightRecordingInJdkJavaOptions_recordsItsAllocation() throws Exception {
        Path dir = tmpfsDir("jfr-cli-alloc");
        Path file = dir.resolve("data");
        Run run = jfallocate(dir, "-l", "1MiB", file.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(1, run.events().size(), run.events().toString());
        RecordedEvent e = run.events().get(0);
        FileSpace now = FileSpace.of(file);
        assertEquals("fallocate", e.getString("operation"));
        assertEquals(file.toRealPath().toString(), e.getString("path"));
        assertEquals("ALLOCATE", e.getString("mode"));
        assertEquals(0, e.getLong("offset"));
        assertEquals(1 << 20, e.getLong("length"));
        assertEquals(0, e.getLong("sizeBefore"));
        assertEquals(0, e.getLong("allocatedBefore"));
        assertEquals(now.size(), e.getLong("sizeAfter"));
        assertEquals(now.allocatedBytes(), e.getLong("allocatedAfter"));
        assertEquals(1 << 20, now.size());
        assertEquals("0", e.getString("result"));
    }

    @Test
    void cliWithFlightRecordingInJdkJavaOptions_recordsACallTheKernelRefused() throws Exception {
        Path dir = tmpfsDir("jfr-cli-refused");
        Path file = dir.resolve("data");
        Files.write(file, new byte[64 * 1024]);
        FileSpace before = FileSpace.of(file);
        Run run = jfallocate(dir, "--collapse-range", "-l", "4096", file.toString()); // tmpfs: EOPNOTSUPP
        assertEquals(1, run.exitCode(), run.stderr());
        assertEquals(1, run.events().size(), run.events().toString());
        RecordedEvent e = run.events().get(0);
        assertEquals("COLLAPSE_RANGE", e.getString("mode"));
        assertEquals(8, e.getInt("modeValue"));
        assertEquals("EOPNOTSUPP", e.getString("result"));
        assertEquals(95, e.getInt("errno"));
        assertEquals(before.size(), e.getLong("sizeBefore"));
        assertEquals(before.size(), e.getLong("sizeAfter"));
        assertEquals(before.allocatedBytes(), e.getLong("allocatedAfter"));
        assertEquals(before, FileSpace.of(file));
    }

    private static Path tmpfsDir(String name) {
        Path dir = TestFilesystems.ofType("tmpfs").map(fs -> fs.freshDir(name)).orElse(null);
        assumeTrue(dir != null, TestFilesystems.whyMissing("tmpfs"));
        assertTrue(Files.isExecutable(CLI), "bin/jfallocate exists");
        // The build makes the jar before the tests; without it bin/jfallocate would run a build.
        assertTrue(Files.isRegularFile(CLI_JAR), CLI_JAR + " is built before the tests (process-test-classes)");
        return dir;
    }

    private static Run jfallocate(Path dir, String... args) throws Exception {
        Path jfr = dir.resolve("cli.jfr");
        List<String> command = new java.util.ArrayList<>(List.of(CLI.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("JDK_JAVA_OPTIONS", "-XX:StartFlightRecording=filename=" + jfr + ",+jfallocate.Fallocate#sizes=true");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        ChildProcess.Result r = ChildProcess.run(pb, Duration.ofSeconds(60));
        String stderr = r.stderr();
        assertTrue(stderr.contains("Picked up JDK_JAVA_OPTIONS: -XX:StartFlightRecording"), stderr);
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals("jfallocate.Fallocate"))
                .toList();
        return new Run(r.exit(), stderr, events);
    }
}
