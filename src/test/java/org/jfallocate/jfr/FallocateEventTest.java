package org.jfallocate.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import jdk.jfr.DataAmount;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateFile;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileSpace;
import org.jfallocate.Preallocation;
import org.jfallocate.internal.FaultySyscalls;
import org.jfallocate.testing.FileBytes;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real calls on real files, recorded in-process, dumped, and read back with
 * {@link RecordingFile}: every field of every {@code jfallocate.Fallocate} event is checked
 * against what the test itself saw happen (sizes from {@code Files.size}, allocation from
 * {@link FileSpace}, the errno from the exception). The sizes are there when the recording
 * asks for them ({@code sizes=true}), and only then.
 */
class FallocateEventTest {
    private static final String EVENT = "jfallocate.Fallocate";
    private static final String SIZES = "sizes";
    private static final int MIB = 1 << 20;

    @TempDir
    Path dumps;

    /** What the test saw around one call, to compare with the event it produced. */
    private record Seen(String operation, String path, FallocateMode mode, long offset, long length,
                        FileSpace before, FileSpace after, Errno errno, Instant start, Instant end) {
    }

    /** A call the test makes; returns the errno it failed with, or null. */
    private interface Call {
        Errno run() throws Exception;
    }

    private static Seen observe(String operation, Path file, FallocateMode mode, long offset, long length, Call call)
            throws Exception {
        FileSpace before = FileSpace.of(file);
        assertEquals(Files.size(file), before.size());
        Instant start = Instant.now();
        Errno errno = call.run();
        Instant end = Instant.now();
        FileSpace after = FileSpace.of(file);
        assertEquals(Files.size(file), after.size());
        return new Seen(operation, file.toRealPath().toString(), mode, offset, length, before, after, errno, start, end);
    }

    private static Errno failsWith(Call call) throws Exception {
        try {
            call.run();
        } catch (FallocateException e) {
            return e.errno();
        }
        throw new AssertionError("expected the call to fail");
    }

    @Test
    void everyCall_growthPunchUnsupportedAndPosix_isAnEventWithWhatTheCallDidToTheFile() throws Exception {
        Path dir = TestFilesystems.ofType("tmpfs").map(fs -> fs.freshDir("jfr-events")).orElse(null);
        assumeTrue(dir != null, TestFilesystems.whyMissing("tmpfs"));
        Path file = dir.resolve("data");
        Files.createFile(file);

        List<Seen> seen;
        List<RecordedEvent> events;
        try (Recording recording = new Recording()) {
            recording.enable(EVENT).withThreshold(java.time.Duration.ZERO).withStackTrace().with(SIZES, "true");
            recording.start();
            seen = List.of(
                    // Growth by allocation, by path: 0 -> 1 MiB, all of it allocated.
                    observe("fallocate", file, FallocateMode.ALLOCATE, 0, MIB, () -> {
                        Fallocate.fallocate(file, FallocateMode.ALLOCATE, 0, MIB);
                        return null;
                    }),
                    // A hole through a channel (no path given: the event finds it via /proc/self/fd).
                    observe("fallocate", file, FallocateMode.PUNCH_HOLE, 64 * 1024, 128 * 1024, () -> {
                        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                            Fallocate.fallocate(ch, FallocateMode.PUNCH_HOLE, 64 * 1024, 128 * 1024);
                        }
                        return null;
                    }),
                    // tmpfs has no COLLAPSE_RANGE: a failed call is an event too.
                    observe("fallocate", file, FallocateMode.COLLAPSE_RANGE, 0, 4096, () -> failsWith(() -> {
                        Fallocate.fallocate(file, FallocateMode.COLLAPSE_RANGE, 0, 4096);
                        return null;
                    })),
                    // posix_fallocate growing the file past its end: 1 MiB -> 3 MiB.
                    observe("posix_fallocate", file, FallocateMode.ALLOCATE, MIB, 2 * MIB, () -> {
                        Fallocate.posixFallocate(file, MIB, 2 * MIB);
                        return null;
                    }));
            recording.stop();
            Path dump = dumps.resolve("calls.jfr");
            recording.dump(dump);
            events = eventsOnFile(dump, file);
        }

        assertEquals(seen.size(), events.size(), "one event per call: " + events);
        for (int i = 0; i < seen.size(); i++) {
            assertEventMatches(seen.get(i), events.get(i));
        }
        // The calls did what the events say: growth, a 128 KiB hole, nothing, growth.
        assertEquals(MIB, seen.get(0).after().allocatedBytes());
        assertEquals(128 * 1024, seen.get(1).before().allocatedBytes() - seen.get(1).after().allocatedBytes());
        assertEquals(Errno.EOPNOTSUPP, seen.get(2).errno());
        assertEquals(3L * MIB, seen.get(3).after().size());
    }

    @Test
    void preallocateOnExt2_recordsTheRefusedFallocateAndTheFallbackThatDidTheWork() throws Exception {
        Path dir = TestFilesystems.ofType("ext2").map(fs -> fs.freshDir("jfr-fallback")).orElse(null);
        assumeTrue(dir != null, TestFilesystems.whyMissing("ext2"));
        Path file = dir.resolve("data");
        Files.createFile(file);

        Seen refused;
        Seen fallback;
        List<RecordedEvent> events;
        try (Recording recording = new Recording()) {
            recording.enable(EVENT).withThreshold(java.time.Duration.ZERO).with(SIZES, "true");
            recording.start();
            FileSpace before = FileSpace.of(file);
            Instant start = Instant.now();
            Preallocation how = Fallocate.preallocate(file, 0, 256 * 1024);
            Instant end = Instant.now();
            FileSpace after = FileSpace.of(file);
            assertEquals(Preallocation.POSIX_FALLOCATE_EMULATION, how);
            String path = file.toRealPath().toString();
            // Nothing changed between the refusal and the fallback, so the refusal's "after" is "before".
            refused = new Seen("preallocate:fallocate", path, FallocateMode.ALLOCATE, 0, 256 * 1024,
                    before, before, Errno.EOPNOTSUPP, start, end);
            fallback = new Seen("preallocate-fallback:posix_fallocate", path, FallocateMode.ALLOCATE, 0, 256 * 1024,
                    before, after, null, start, end);
            recording.stop();
            Path dump = dumps.resolve("fallback.jfr");
            recording.dump(dump);
            events = eventsOnFile(dump, file);
        }
        assertEquals(2, events.size(), events.toString());
        assertEventMatches(refused, events.get(0));
        assertEventMatches(fallback, events.get(1));
        assertTrue(fallback.after().allocatedBytes() >= 256 * 1024, "the fallback allocated the range");
    }

    // The path of a bare descriptor is read from /proc once and reused while the descriptor is on
    // the same file: a descriptor number reused for another file must get that file's path. With
    // the event's default settings: the (dev, inode) check needs no sizes.
    @Test
    void aDescriptorNumberReusedForAnotherFile_isRecordedWithTheOtherFilesPath() throws Exception {
        Path first = Files.createFile(dumps.resolve("first"));
        Path second = Files.createFile(dumps.resolve("second"));
        List<RecordedEvent> events;
        int firstFd;
        int secondFd;
        try (Recording recording = new Recording()) {
            recording.enable(EVENT).withThreshold(java.time.Duration.ZERO);
            recording.start();
            int fd = org.jfallocate.internal.PathFiles.openForWrite(first, false);
            firstFd = fd;
            Fallocate.fallocate(fd, FallocateMode.ALLOCATE, 0, 4096);
            Fallocate.fallocate(fd, FallocateMode.ALLOCATE, 0, 8192);
            org.jfallocate.internal.PathFiles.close(fd, first);
            fd = org.jfallocate.internal.PathFiles.openForWrite(second, false);
            secondFd = fd;
            Fallocate.fallocate(fd, FallocateMode.ALLOCATE, 0, 4096);
            org.jfallocate.internal.PathFiles.close(fd, second);
            recording.stop();
            Path dump = dumps.resolve("reuse.jfr");
            recording.dump(dump);
            events = RecordingFile.readAllEvents(dump).stream()
                    .filter(e -> e.getEventType().getName().equals(EVENT))
                    .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime))
                    .toList();
        }
        assertEquals(firstFd, secondFd, "the kernel gave the lowest free number again");
        assertEquals(List.of(first.toRealPath().toString(), first.toRealPath().toString(), second.toRealPath().toString()),
                events.stream().map(e -> e.getString("path")).toList());
        assertTrue(events.stream().allMatch(e -> e.getStackTrace() == null), "no stack trace unless asked for");
    }

    // The default event records the call without reading the file's sizes: no statx at all when
    // the caller gives the path, one (the path's check) for a bare descriptor, and -1 in the four
    // size fields. With sizes=true the same calls make one statx before and one after.
    @Test
    void byDefault_theEventRecordsTheCallButNotTheSizes_whichCostTwoStatxMore() throws Exception {
        Path file = Files.createFile(dumps.resolve("sizes"));
        try (FallocateFile handle = FallocateFile.open(file, StandardOpenOption.WRITE)) {
            int[] byDefault = statxCalls(handle, null);
            int[] withSizes = statxCalls(handle, "true");
            // {through the handle (path known), through the bare descriptor (path looked up)}
            assertEquals(List.of(0, 1), List.of(byDefault[0], byDefault[1]), "statx calls a call makes by default");
            assertEquals(List.of(2, 2), List.of(withSizes[0], withSizes[1]), "statx calls a call makes with sizes=true");
        }
        List<RecordedEvent> events = eventsOnFile(dumps.resolve("sizes-default.jfr"), file);
        assertEquals(2, events.size(), events.toString());
        String path = file.toRealPath().toString();
        for (RecordedEvent e : events) {
            assertEquals(path, e.getString("path"), e.toString());
            assertEquals("ALLOCATE", e.getString("mode"), e.toString());
            assertEquals("0", e.getString("result"), e.toString());
            for (String size : List.of("sizeBefore", "sizeAfter", "allocatedBefore", "allocatedAfter")) {
                assertEquals(-1, e.getLong(size), size + " is not read by default: " + e);
            }
        }
        List<RecordedEvent> sized = eventsOnFile(dumps.resolve("sizes-true.jfr"), file);
        assertEquals(List.of(12288L, 16384L), sized.stream().map(e -> e.getLong("sizeAfter")).toList());
        assertEquals(List.of(8192L, 12288L), sized.stream().map(e -> e.getLong("sizeBefore")).toList());
    }

    // Two calls, growing the file by 4 KiB each, one through the handle and one through its bare
    // descriptor, recorded with the given sizes value (null: the default); the statx calls each made.
    private int[] statxCalls(FallocateFile handle, String sizes) throws Exception {
        try (Recording recording = new Recording()) {
            var settings = recording.enable(EVENT).withThreshold(java.time.Duration.ZERO);
            if (sizes != null) {
                settings.with(SIZES, sizes);
            }
            recording.start();
            long end = Files.size(handle.path());
            int[] calls = new int[2];
            try (FaultySyscalls counting = FaultySyscalls.installOn(handle.fd())) {
                handle.fallocate(FallocateMode.ALLOCATE, end, 4096);
                calls[0] = counting.statxCalls();
                Fallocate.fallocate(handle.fd(), FallocateMode.ALLOCATE, end + 4096, 4096);
                calls[1] = counting.statxCalls() - calls[0];
            }
            recording.stop();
            recording.dump(dumps.resolve(sizes == null ? "sizes-default.jfr" : "sizes-" + sizes + ".jfr"));
            return calls;
        }
    }

    // JFR combines the recordings' values: one recording asking for the sizes is enough, and when
    // it stops the others go back to the default.
    @Test
    void sizesAreTakenWhileAnyRunningRecordingAsks() throws Exception {
        Path file = Files.createFile(dumps.resolve("combined"));
        try (Recording plain = new Recording()) {
            plain.enable(EVENT).withThreshold(java.time.Duration.ZERO);
            plain.start();
            try (Recording sized = new Recording()) {
                sized.enable(EVENT).withThreshold(java.time.Duration.ZERO).with(SIZES, "true");
                sized.start();
                Fallocate.fallocate(file, FallocateMode.ALLOCATE, 0, 4096);
                sized.stop();
            }
            Fallocate.fallocate(file, FallocateMode.ALLOCATE, 0, 8192);
            plain.stop();
            Path dump = dumps.resolve("combined.jfr");
            plain.dump(dump);
            assertEquals(List.of(4096L, -1L), eventsOnFile(dump, file).stream().map(e -> e.getLong("sizeAfter")).toList());
        }
    }

    @Test
    void withTheEventDisabled_callsRecordNothing() throws Exception {
        Path file = Files.createFile(dumps.resolve("quiet"));
        try (Recording recording = new Recording()) {
            recording.disable(EVENT);
            recording.start();
            Fallocate.fallocate(file, FallocateMode.ALLOCATE, 0, 64 * 1024);
            // A mode bit no kernel knows: refused (EOPNOTSUPP) on every filesystem, and still not recorded.
            assertThrows(FallocateException.class, () -> Fallocate.fallocate(file, FallocateMode.raw(0x4000_0000), 0, 4096));
            recording.stop();
            Path dump = dumps.resolve("quiet.jfr");
            recording.dump(dump);
            assertEquals(List.of(), eventsOnFile(dump, file));
        }
        assertEquals(64 * 1024, Files.size(file), "the call itself still happened");
    }

    @Test
    void theEventType_readsWellInMissionControl() throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable(EVENT);
            recording.start();
            Path file = Files.createFile(dumps.resolve("registered"));
            Fallocate.fallocate(file, FallocateMode.ALLOCATE, 0, 4096); // loads and registers the event class
            recording.stop();
        }
        EventType type = FlightRecorder.getFlightRecorder().getEventTypes().stream()
                .filter(t -> t.getName().equals(EVENT)).findFirst().orElseThrow();
        assertEquals("Fallocate", type.getLabel());
        assertEquals(List.of("Java Application", "jfallocate"), type.getCategoryNames());
        assertTrue(type.getDescription().startsWith("A fallocate(2) or posix_fallocate(3) call"), type.getDescription());
        for (String field : List.of("operation", "fd", "path", "mode", "modeValue", "offset", "length", "sizeBefore",
                "sizeAfter", "allocatedBefore", "allocatedAfter", "result", "errno")) {
            var f = type.getField(field);
            assertTrue(f != null && f.getLabel() != null, "field " + field + " has a label");
        }
        for (String bytes : List.of("offset", "length", "sizeBefore", "sizeAfter", "allocatedBefore", "allocatedAfter")) {
            DataAmount amount = type.getField(bytes).getAnnotation(DataAmount.class);
            assertTrue(amount != null && amount.value().equals(DataAmount.BYTES), bytes + " is shown in bytes");
        }
        // Mission Control lists the event's settings with their defaults: both costly ones off.
        var settings = type.getSettingDescriptors().stream()
                .collect(java.util.stream.Collectors.toMap(jdk.jfr.SettingDescriptor::getName, s -> s));
        assertEquals("false", settings.get(SIZES).getDefaultValue());
        assertEquals("File Sizes", settings.get(SIZES).getLabel());
        assertEquals("false", settings.get("stackTrace").getDefaultValue());
    }

    private static void assertEventMatches(Seen s, RecordedEvent e) {
        String what = s.operation() + " " + s.mode() + ": " + e;
        assertEquals(s.operation(), e.getString("operation"), what);
        assertTrue(e.getInt("fd") >= 0, what);
        assertEquals(s.path(), e.getString("path"), what);
        assertEquals(s.mode().toString(), e.getString("mode"), what);
        assertEquals(s.mode().value(), e.getInt("modeValue"), what);
        assertEquals(s.offset(), e.getLong("offset"), what);
        assertEquals(s.length(), e.getLong("length"), what);
        assertEquals(s.before().size(), e.getLong("sizeBefore"), what);
        assertEquals(s.after().size(), e.getLong("sizeAfter"), what);
        assertEquals(s.before().allocatedBytes(), e.getLong("allocatedBefore"), what);
        assertEquals(s.after().allocatedBytes(), e.getLong("allocatedAfter"), what);
        assertEquals(s.errno() == null ? "0" : s.errno().name(), e.getString("result"), what);
        assertEquals(s.errno() == null ? 0 : s.errno().number(), e.getInt("errno"), what);
        // The event's own duration is the call's: inside the window the test measured around it.
        assertTrue(!e.getStartTime().isBefore(s.start().minusMillis(1)) && !e.getEndTime().isAfter(s.end().plusMillis(1)),
                what);
        assertTrue(!e.getDuration().isNegative(), what);
    }

    /** This test's events, in order: those on {@code file}, from this thread. */
    private static List<RecordedEvent> eventsOnFile(Path dump, Path file) throws Exception {
        String path = file.toRealPath().toString();
        return RecordingFile.readAllEvents(dump).stream()
                .filter(e -> e.getEventType().getName().equals(EVENT))
                .filter(e -> path.equals(e.getString("path")))
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime))
                .toList();
    }
}
