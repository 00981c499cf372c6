package org.jfallocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.jfallocate.testing.JavaProcess;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Test;

/** docs/examples/LayoutExample.java, the layout section's example, runs as written and prints what it shows. */
class LayoutExampleTest {

    @Test
    void layoutExample_onExt4_showsTheHoleAndTheUnwrittenExtentPastEof() throws Exception {
        var ext4 = TestFilesystems.ofType("ext4").orElse(null);
        assumeTrue(ext4 != null, () -> TestFilesystems.whyMissing("ext4"));
        Path example = Path.of("docs", "examples", "LayoutExample.java").toAbsolutePath();
        Path file = ext4.freshDir("example").resolve("example.bin");

        var r = JavaProcess.run(Path.of(".").toAbsolutePath(), "java", "--enable-native-access=ALL-UNNAMED",
                "-cp", JavaProcess.bindingClasses().toString(), example.toString(), file.toString());

        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("ext4 on "), r.stdout());
        assertTrue(r.stdout().contains("size 65536, allocated 122880\n"), r.stdout());
        assertTrue(r.stdout().contains("data [[0, 16384), [24576, 65536)], holes [[16384, 24576)]\n"), r.stdout());
        assertTrue(r.stdout().contains("extent [65536, 131072) [LAST, UNWRITTEN]\n"), r.stdout());
        assertTrue(r.stdout().contains("65536 bytes allocated but never written"), r.stdout());
    }
}
