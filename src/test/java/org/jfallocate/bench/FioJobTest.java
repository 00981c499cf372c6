package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The fio job text for each strategy: what fio is told to do, option by option. */
class FioJobTest {

    private static final Path FILE = Path.of("/mnt/ext4/bench/validate-1/fio-none-3");

    /** The job file's options as key=value, the last section winning, as fio reads them. */
    private static Map<String, String> options(FioJob job) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String line : job.text().lines().toList()) {
            if (line.isBlank() || line.startsWith(";") || line.startsWith("[")) {
                continue;
            }
            int eq = line.indexOf('=');
            assertTrue(eq > 0, "not key=value: " + line);
            options.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return options;
    }

    @Test
    void everyJob_writesFreshRecordsWithAnFdatasyncEach_likeTheSuite() {
        for (Strategy s : Strategy.values()) {
            if (!FioJob.expressible(s)) {
                continue;
            }
            Map<String, String> o = options(new FioJob(s, FILE, 2 << 20, 4096));
            assertEquals("psync", o.get("ioengine"), s + ": pwrite, as FileChannel.write(buf, pos)");
            assertEquals("write", o.get("rw"), s + ": sequential from offset 0");
            assertEquals("4096", o.get("bs"));
            assertEquals("2097152", o.get("size"));
            assertEquals("1", o.get("fdatasync"));
            assertEquals("0", o.get("direct"), s + ": buffered, as the suite");
            assertEquals("1", o.get("loops"), s + ": a second loop would overwrite the first loop's blocks");
            assertEquals("1", o.get("unlink"), s + ": the file is removed, as AppendLog.close does");
            assertEquals("0", o.get("end_fsync"), s + ": the suite makes no extra fsync");
            assertEquals("0", o.get("invalidate"), s + ": the suite does not drop the page cache before writing");
            assertEquals("0", o.get("create_on_open"), s + ": laid out before the timed writes");
            assertEquals(FILE.toString(), o.get("filename"));
            // fio syncs a layout only when it writes it: the others are made durable by the prerun's fsync.
            assertEquals("sync " + FILE, o.get("exec_prerun"), s + ": the reservation is fsynced, as AppendLog.create does");
        }
    }

    @Test
    void eachStrategy_mapsToTheFioLayoutThatMakesTheSameCalls() {
        Map<Strategy, List<String>> expected = Map.of(
                Strategy.NONE, List.of("none", "0"),
                Strategy.SPARSE, List.of("truncate", "0"),
                Strategy.FALLOCATE, List.of("native", "0"),
                Strategy.FALLOCATE_KEEP_SIZE, List.of("keep", "0"),
                Strategy.POSIX_FALLOCATE, List.of("posix", "0"),
                Strategy.ZERO_FILLED, List.of("none", "1"));
        expected.forEach((s, want) -> {
            Map<String, String> o = options(new FioJob(s, FILE, 1 << 20, 4096));
            assertEquals(want, List.of(o.get("fallocate"), o.get("overwrite")), s.toString());
        });
        assertEquals(expected.keySet(), new java.util.HashSet<>(Arrays.stream(Strategy.values())
                .filter(FioJob::expressible).toList()));
    }

    @Test
    void withAProbe_thePrerunSyncsAndSnapshotsTheDevice_thePostrunSnapshotsBeforeTheUnlink() {
        FioJob.Probe probe = new FioJob.Probe(Path.of("/r/snap.sh"), Path.of("/sys/block/loop1/stat"),
                Path.of("/r/before"), Path.of("/r/after"));
        Map<String, String> o = options(new FioJob(Strategy.FALLOCATE, FILE, 1 << 20, 4096, probe));
        assertEquals("/bin/sh /r/snap.sh " + FILE + " /sys/block/loop1/stat /r/before", o.get("exec_prerun"));
        assertEquals("/bin/sh /r/snap.sh - /sys/block/loop1/stat /r/after", o.get("exec_postrun"));
        assertFalse(options(new FioJob(Strategy.FALLOCATE, FILE, 1 << 20, 4096)).containsKey("exec_postrun"));
        assertThrows(IllegalArgumentException.class, () -> new FioJob(Strategy.NONE, FILE, 4096, 4096,
                new FioJob.Probe(Path.of("/r/a;b"), Path.of("/s"), Path.of("/b"), Path.of("/a"))));
    }

    @Test
    void theProbeScript_syncsTheFileAndCopiesTheCounters(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path script = java.nio.file.Files.writeString(tmp.resolve("snap.sh"), FioJob.Probe.SCRIPT);
        Path stat = java.nio.file.Files.writeString(tmp.resolve("stat"), "1 2 3 4 5 6 7 8 9 10 11\n");
        Path file = java.nio.file.Files.writeString(tmp.resolve("data"), "x");
        Path out = tmp.resolve("before");
        assertEquals(0, new ProcessBuilder("/bin/sh", script.toString(), file.toString(), stat.toString(), out.toString())
                .start().waitFor());
        assertEquals("1 2 3 4 5 6 7 8 9 10 11\n", java.nio.file.Files.readString(out));
        assertEquals(1, new ProcessBuilder("/bin/sh", script.toString(), tmp.resolve("missing").toString(), stat.toString(),
                tmp.resolve("x").toString()).start().waitFor(), "a failed sync fails the prerun, and fio with it");
    }

    @Test
    void deviceCounters_perRecord() throws Exception {
        DeviceCounters a = DeviceCounters.parse("  10 0 80 5 100 3 800 40 0 50 60 0 0 0 0 20 7\n");
        DeviceCounters b = DeviceCounters.parse("10 0 80 5 300 3 1800 40 0 50 60 0 0 0 0 220 9");
        assertEquals(new DeviceCounters(100, 800, 20), a);
        assertEquals(List.of(2.0, 5.0, 2.0), Arrays.stream(b.perRecordSince(a, 100)).boxed().toList());
        assertEquals(0, DeviceCounters.parse("1 2 3 4 5 6 7 8 9 10 11").flushes(), "kernels before 5.5 count no flushes");
        assertThrows(java.io.IOException.class, () -> DeviceCounters.parse("1 2 3"));
    }

    @Test
    void theNoneJob_saysFallocateNone_becauseFiosDefaultIsNative() {
        assertEquals("none", options(new FioJob(Strategy.NONE, FILE, 4096, 4096)).get("fallocate"));
    }

    @Test
    void strategiesFioCannotExpress_areRefusedByName() {
        assertFalse(FioJob.expressible(Strategy.ZERO_RANGE));
        assertFalse(FioJob.expressible(Strategy.WRITE_ZEROES));
        assertTrue(FioJob.of(Strategy.ZERO_RANGE, FILE, 4096, 4096).isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FioJob(Strategy.ZERO_RANGE, FILE, 4096, 4096));
        assertTrue(e.getMessage().contains("ZERO_RANGE"), e.getMessage());
    }

    @Test
    void badSizesAndShellCharacters_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FioJob(Strategy.NONE, FILE, 4095, 4096));
        assertThrows(IllegalArgumentException.class, () -> new FioJob(Strategy.NONE, FILE, 6000, 4096));
        assertThrows(IllegalArgumentException.class, () -> new FioJob(Strategy.NONE, FILE, 4096, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FioJob(Strategy.NONE, Path.of("/tmp/a b;rm"), 4096, 4096));
        assertTrue(e.getMessage().contains("file"), e.getMessage());
    }
}
