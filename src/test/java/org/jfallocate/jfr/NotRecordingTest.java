package org.jfallocate.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfallocate.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that does not record pays nothing for the event: its class is never loaded (loading
 * an event class is what costs, since JFR instruments it), so no event object, no statx.
 */
class NotRecordingTest {
    @TempDir
    Path dir;

    @Test
    void withoutARecording_theEventClassIsNeverLoaded_andTheCallsStillWork() throws Exception {
        Path file = dir.resolve("data");
        JavaProcess.Result r = JavaProcess.run(dir, "java", "-Xlog:class+load=info:stdout",
                "--enable-native-access=ALL-UNNAMED",
                "-cp", JavaProcess.bindingClasses() + ":" + Path.of("target", "test-classes").toAbsolutePath(),
                CallsForRecording.class.getName(), file.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains(" org.jfallocate.NativeCall source:"), "the log lists loaded classes");
        assertFalse(r.stdout().contains("org.jfallocate.internal.jfr.FallocateEvent "), "event class loaded");
        assertFalse(r.stdout().contains("jdk.jfr.Event "), "JFR's event machinery loaded");
        assertEquals(1 << 20, Files.size(file));
    }
}
