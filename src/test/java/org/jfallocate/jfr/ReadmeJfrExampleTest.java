package org.jfallocate.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfallocate.testing.JavaProcess;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Test;

/**
 * The README's {@code RecordingStream} example, compiled and run as written, prints what the
 * README says it prints (durations aside: they are the machine's).
 */
class ReadmeJfrExampleTest {
    private static final String SHOWN_FILE = "/dev/shm/watch.dat";

    @Test
    void recordingStreamExample_printsEachCallAsTheReadmeShows() throws Exception {
        String readme = readmeWithTheSection();
        String code = between(readme, "<!-- jfr-example:start -->\n```java\n", "```\n<!-- jfr-example:end -->");
        String shown = between(readme, "<!-- jfr-output:start -->\n```\n", "```\n<!-- jfr-output:end -->");
        Path dir = TestFilesystems.ofType("tmpfs").map(fs -> fs.freshDir("jfr-readme")).orElse(null);
        assumeTrue(dir != null, TestFilesystems.whyMissing("tmpfs"));
        Files.writeString(dir.resolve("WatchFallocate.java"), code);
        String cp = JavaProcess.bindingClasses().toString();
        JavaProcess.Result javac = JavaProcess.run(dir, "javac", "-cp", cp, "WatchFallocate.java");
        assertEquals(0, javac.exitCode(), javac.stderr());

        Path file = dir.resolve("watch.dat");
        JavaProcess.Result run = JavaProcess.run(dir, "java", "--enable-native-access=ALL-UNNAMED",
                "-cp", cp + ":.", "WatchFallocate", file.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        assertEquals(withoutDurations(shown.replace(SHOWN_FILE, file.toString())), withoutDurations(run.stdout()));
    }

    private static String withoutDurations(String output) {
        return output.replaceAll(" in \\d+ us:", " in N us:");
    }

    private static String readmeWithTheSection() throws Exception {
        for (Path p : new Path[] {Path.of("README.md")}) {
            if (Files.exists(p) && Files.readString(p).contains("<!-- jfr-example:start -->")) {
                return Files.readString(p);
            }
        }
        throw new AssertionError("README.md has no JFR example between <!-- jfr-example:start --> and its end marker");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from + 1);
        assertTrue(from >= 0 && to > from, "README has " + start.strip() + " ... " + end.strip());
        return text.substring(from + start.length(), to);
    }
}
