package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jfallocate.FileLayout;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Test;

/** The rotating log on a real filesystem, with small segments: it rotates, and the preparer runs apart. */
class RotatingLogTest {
    private static final int RECORD = 4096;
    private static final long SEGMENT = 64 * RECORD;

    private static Path dir(String name) {
        return TestFilesystems.ofType("ext4").orElse(TestFilesystems.all().get(0)).freshDir(name);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void segmentsRotate_eachPreparedByTheStrategyOnAnotherThread() throws Exception {
        Path dir = dir("rotating");
        LogSpec spec = new LogSpec(Strategy.FALLOCATE, SEGMENT, RECORD, WritePath.FDATASYNC_16, 1 << 20);
        try (RotatingLog log = new RotatingLog(dir, spec)) {
            log.append(3 * 64 + 10); // into the fourth segment
            assertEquals(3, log.switches());
            assertTrue(log.prepared() >= 3, "the fourth segment was ready: " + log.prepared());
            assertNotNull(log.preparerThread());
            assertNotEquals(Thread.currentThread().getName(), log.preparerThread());
            assertTrue(log.preparerThread().startsWith("segment-preparer-"), log.preparerThread());
            assertTrue(log.currentSegment().getFileName().toString().endsWith("000003"), log.currentSegment().toString());
            // The next one is prepared with the strategy (FALLOCATE: full size, blocks allocated)
            // and the retired ones are gone: at most the current and the next.
            Thread.sleep(200);
            List<Path> files = files(dir);
            assertTrue(files.size() <= 2, files.toString());
            Path next = dir.resolve("segment-000004");
            assertTrue(files.contains(next), files.toString());
            FileLayout prepared = FileLayout.of(next);
            assertEquals(SEGMENT, prepared.size());
            assertTrue(prepared.allocatedBytes() >= SEGMENT, prepared.toString());
            long records = log.latencies().getTotalCount();
            assertEquals(3 * 64 + 10, records, "one latency per record, switches included");
        }
        assertEquals(List.of(), files(dir), "closing removes every segment");
    }

    @Test
    void recycled_overwritesTheRetiredSegmentsInPlace() throws Exception {
        Path dir = dir("recycled");
        LogSpec spec = new LogSpec(Strategy.RECYCLED, SEGMENT, RECORD, WritePath.FDATASYNC_16, 1 << 20);
        try (RotatingLog log = new RotatingLog(dir, spec)) {
            Object first = Files.getAttribute(log.currentSegment(), "unix:ino");
            log.append(64 + 1); // second segment
            Object second = Files.getAttribute(log.currentSegment(), "unix:ino");
            log.append(64); // third: the first one, renamed
            Object third = Files.getAttribute(log.currentSegment(), "unix:ino");
            assertNotEquals(first, second);
            assertEquals(first, third, "the retired segment is renamed and overwritten, not replaced");
            assertEquals(2, log.switches());
            assertEquals(SEGMENT, Files.size(log.currentSegment()), "a recycled segment keeps its full size");
        }
    }
}
