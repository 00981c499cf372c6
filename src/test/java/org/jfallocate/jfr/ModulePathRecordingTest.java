package org.jfallocate.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jfallocate.testing.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event class sits in a package the module does not export. JFR opens an event's
 * package to itself when it registers the class, so recording works on the module path
 * as on the class path: checked here in a child JVM started the way the README says.
 */
class ModulePathRecordingTest {
    @TempDir
    Path dir;

    @Test
    void onTheModulePath_startFlightRecording_recordsEveryCall() throws Exception {
        Path file = dir.resolve("data");
        Path jfr = dir.resolve("module-path.jfr");
        JavaProcess.Result r = JavaProcess.run(dir, "java",
                "-XX:StartFlightRecording=filename=" + jfr + ",+jfallocate.Fallocate#sizes=true",
                "--enable-native-access=org.jfallocate",
                "-p", JavaProcess.bindingClasses().toString(), "--add-modules", "org.jfallocate",
                "-cp", Path.of("target", "test-classes").toAbsolutePath().toString(),
                CallsForRecording.class.getName(), file.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().lines().anyMatch("module org.jfallocate"::equals), "ran as a named module: " + r.stdout());

        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals("jfallocate.Fallocate"))
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime))
                .toList();
        assertEquals(2, events.size(), events.toString());
        assertEquals(List.of("ALLOCATE", "PUNCH_HOLE|KEEP_SIZE"), events.stream().map(e -> e.getString("mode")).toList());
        assertEquals(List.of(file.toString(), file.toString()), events.stream().map(e -> e.getString("path")).toList());
        assertEquals(List.of(0L, 1L << 20), events.stream().map(e -> e.getLong("sizeBefore")).toList());
        assertEquals(List.of(1L << 20, (1L << 20) - 4096), events.stream().map(e -> e.getLong("allocatedAfter")).toList());
        assertEquals(List.of("0", "0"), events.stream().map(e -> e.getString("result")).toList());
        assertEquals(Files.size(file), events.get(1).getLong("sizeAfter"));
    }
}
