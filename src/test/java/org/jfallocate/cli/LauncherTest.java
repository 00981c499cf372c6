package org.jfallocate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/jfallocate and its jar: native access without warnings, JVM options passed through, the parser kept out of the binding. */
class LauncherTest {
    private static final Path CLI_JAR = Path.of("target", "jfallocate-cli.jar");

    @Test
    void runsWithNativeAccessAndPrintsNoWarning(@TempDir Path dir) throws Exception {
        Tools.Run run = Tools.jfallocate(dir, "-v", "-l", "64KiB", "new.dat");
        assertEquals(new Tools.Run(0, "new.dat: 64 KiB (65536 bytes) allocated.\n", ""), run);
        assertEquals(65536, Files.size(dir.resolve("new.dat")));
    }

    /**
     * JDK_JAVA_OPTIONS reaches the JVM: here it records a flight recording, as the JFR notes
     * use it, also on a first run, when there is no class-data archive yet (a JVM that writes
     * one disables JFR, so bin/jfallocate must not ask for one then).
     */
    @Test
    void passesJdkJavaOptionsToTheJvm(@TempDir Path dir) throws Exception {
        try (var archives = Files.newDirectoryStream(Path.of("target"), "jfallocate-cli-*.jsa")) {
            for (Path archive : archives) {
                Files.delete(archive);
            }
        }
        Tools.Run run = Tools.jfallocate(dir,
                Map.of("JDK_JAVA_OPTIONS", "-XX:StartFlightRecording=filename=rec.jfr,settings=default"),
                "-l", "4096", "f.dat");
        assertEquals(0, run.status(), run.stderr());
        assertTrue(Files.isRegularFile(dir.resolve("rec.jfr")) && Files.size(dir.resolve("rec.jfr")) > 0,
                "a recording was written; stderr: " + run.stderr());
        assertFalse(run.stderr().contains("warning"), run.stderr());
    }

    @Test
    void cliJarEnablesNativeAccessAndCarriesTheParser() throws Exception {
        try (JarFile jar = new JarFile(CLI_JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("ALL-UNNAMED", main.getValue("Enable-Native-Access"));
            assertEquals("org.jfallocate.cli.Jfallocate", main.getValue("Main-Class"));
            assertNotNull(jar.getEntry("org/jfallocate/cli/Getopt.class"), "the CLI's own parser in the CLI jar");
            assertEquals(List.of(), jar.stream().map(JarEntry::getName)
                    .filter(n -> !n.equals("org/") && !n.startsWith("org/jfallocate/") && !n.startsWith("META-INF/"))
                    .toList(), "nothing but jfallocate in the CLI jar: no dependency");
            assertNotNull(jar.getEntry("org/jfallocate/Fallocate.class"), "the binding in the CLI jar");
        }
    }

    @Test
    void bindingClassesCarryNoCliClasses() {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("org/jfallocate")));
        assertFalse(Files.exists(classes.resolve("org/jfallocate/cli")), "no CLI classes in the binding");
    }
}
