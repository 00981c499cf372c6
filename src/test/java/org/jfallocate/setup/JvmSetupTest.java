package org.jfallocate.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfallocate.testing.JavaProcess;
import org.jfallocate.testing.JavaProcess.Result;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user who follows the README gets: the README's example compiled and run as
 * written, on the class path and on the module path, with no warning; and the errors a
 * user gets for a missing flag or a platform that is not Linux.
 */
class JvmSetupTest {
    private static final Path README = Path.of("README.md");
    private static Path work;
    private static String expectedOutput;
    private static String exampleFs;

    @BeforeAll
    static void compileTheReadmeExample() throws Exception {
        String readme = Files.readString(README);
        String code = between(readme, "<!-- example:start -->\n```java\n", "```\n<!-- example:end -->");
        Matcher printed = Pattern.compile("which prints, on ext4[^\n]*:\n\n```\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(printed.find(), "README shows what the example prints");
        expectedOutput = printed.group(1);
        // The README's numbers are ext4's: run where ext4 is (the matrix's, or the working directory's).
        var fs = TestFilesystems.ofType("ext4").orElse(TestFilesystems.all().get(0));
        exampleFs = fs.type();
        Path base = fs.dir();
        work = Files.createTempDirectory(base, "readme-example");
        Files.writeString(work.resolve("Example.java"), code);
        Result javac = JavaProcess.run(work, "javac", "-cp", JavaProcess.bindingClasses().toString(), "Example.java");
        assertEquals(0, javac.exitCode(), javac.stderr());
    }

    @Test
    void readmeExample_onTheClassPath_printsWhatTheReadmeSays_withNoWarning() throws Exception {
        Result r = runExample("class-path", List.of("--enable-native-access=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-cp", JavaProcess.bindingClasses() + ":."));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr(), "nothing on stderr: no restricted-method warning");
        assertPrintsTheReadmeOutput(r);
    }

    @Test
    void readmeExample_onTheModulePath_printsTheSame_withNoWarning() throws Exception {
        Result r = runExample("module-path", List.of("--enable-native-access=org.jfallocate",
                "--add-opens=java.base/sun.nio.ch=org.jfallocate", "-p", JavaProcess.bindingClasses().toString(),
                "--add-modules", "org.jfallocate", "-cp", "."));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr(), "nothing on stderr: no restricted-method warning");
        assertPrintsTheReadmeOutput(r);
    }

    @Test
    void withoutNativeAccess_theJdkWarns_soTheFlagIsWhatSilencesIt() throws Exception {
        Result r = runExample("no-native-access", List.of("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", JavaProcess.bindingClasses() + ":."));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("WARNING: A restricted method in java.lang.foreign.Linker has been called"), r.stderr());
    }

    // The missing --add-opens (which the README's example no longer needs: it uses FallocateFile)
    // and a denied native access are FlagErrorsTest's, with a program of their own.

    @Test
    void onAnotherOperatingSystem_theFirstCallSaysSo_andLoadingDoesNotCrash() throws Exception {
        Result r = runExample("not-linux", List.of("-Dos.name=SunOS", "--enable-native-access=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-cp", JavaProcess.bindingClasses() + ":."));
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("java.lang.UnsupportedOperationException: jfallocate needs Linux: "
                + "fallocate(2) does not exist on SunOS"), r.stderr());
    }

    private static Result runExample(String name, List<String> jvmArgs) throws IOException, InterruptedException {
        String[] args = new String[jvmArgs.size() + 2];
        jvmArgs.toArray(args);
        args[args.length - 2] = "Example";
        args[args.length - 1] = work.resolve(name + ".log").toString();
        return JavaProcess.run(work, "java", args);
    }

    // The README's figures are ext4's; elsewhere (xfs, btrfs round differently) only the exit and silence are checked.
    private static void assertPrintsTheReadmeOutput(Result r) {
        assumeTrue(exampleFs.equals("ext4"), "the README's figures are ext4's; this run's directory is on " + exampleFs);
        assertEquals(expectedOutput, r.stdout());
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from);
        assertTrue(from >= 0 && to > from, "README has the example between its markers");
        return text.substring(from + start.length(), to);
    }
}
