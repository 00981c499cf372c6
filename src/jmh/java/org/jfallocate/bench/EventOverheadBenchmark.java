package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;
import org.jfallocate.internal.PathFiles;
import org.jfallocate.internal.Syscalls;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the {@code jfallocate.Fallocate} flight-recorder event costs a call: with no recording,
 * with a recording that leaves the event off, and with the event on, by default and with each
 * of its costly settings (sizes, stack trace); against the bare downcall, which has no event
 * support at all.
 *
 * <p>The call is fallocate(KEEP_SIZE) over a range of a tmpfs file that is already allocated:
 * the kernel has nothing to do, so what is left is the call's own overhead, which is what the
 * event adds to. Each variant runs in its own fork, so a recording started by one cannot
 * leave JFR's machinery warm for another.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class EventOverheadBenchmark {
    private static final long LEN = 4096; // one page: the cheapest call, so that overhead shows

    /** A 1 MiB file in {@code dir} (a tmpfs: the runner picks it), fully allocated, open read-write for the whole trial. */
    @State(Scope.Thread)
    public static class AllocatedFile {
        @Param("/dev/shm")
        public String dir;

        Path file;
        int fd;
        Syscalls os;

        @Setup(Level.Trial)
        public void open() throws IOException {
            file = Files.createTempFile(Path.of(dir), "jfallocate-event-overhead", ".dat");
            fd = PathFiles.openForWrite(file, false);
            os = Syscalls.current();
            int errno = os.fallocate(fd, FallocateMode.ALLOCATE.value(), 0, 1 << 20);
            if (errno != 0) {
                throw new IOException("setup: fallocate failed, errno " + errno);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            PathFiles.close(fd, file);
            Files.deleteIfExists(file);
        }
    }

    /**
     * A running in-memory recording. {@code eventOn} enables the event with no threshold and
     * its default settings (no sizes, no stack trace), as {@code -XX:StartFlightRecording}
     * would, plus the sizes or a stack trace when asked; otherwise it is disabled.
     * In memory so that millions of events a second do not fill the disk.
     */
    @State(Scope.Benchmark)
    public static class RecordingRunning {
        Recording recording;

        void start(boolean eventOn) {
            start(eventOn, false, false);
        }

        void start(boolean eventOn, boolean sizes, boolean stackTrace) {
            recording = new Recording();
            recording.setToDisk(false);
            if (eventOn) {
                var settings = recording.enable("jfallocate.Fallocate").withThreshold(Duration.ZERO);
                if (sizes) {
                    settings.with("sizes", "true");
                }
                if (stackTrace) {
                    settings.withStackTrace();
                }
            } else {
                recording.disable("jfallocate.Fallocate");
                recording.enable("jdk.ThreadSleep"); // something else is recorded: JFR is live
            }
            recording.start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            recording.close();
        }
    }

    /** Recording with the event on. */
    @State(Scope.Benchmark)
    public static class EventOn extends RecordingRunning {
        @Setup(Level.Trial)
        public void start() {
            start(true);
        }
    }

    /** Recording with the event on and its sizes asked for. */
    @State(Scope.Benchmark)
    public static class EventOnWithSizes extends RecordingRunning {
        @Setup(Level.Trial)
        public void start() {
            start(true, true, false);
        }
    }

    /** Recording with the event on and its stack trace asked for. */
    @State(Scope.Benchmark)
    public static class EventOnWithStackTrace extends RecordingRunning {
        @Setup(Level.Trial)
        public void start() {
            start(true, false, true);
        }
    }

    /** Recording, but with the event off. */
    @State(Scope.Benchmark)
    public static class EventOff extends RecordingRunning {
        @Setup(Level.Trial)
        public void start() {
            start(false);
        }
    }

    /** The baseline: the bare downcall with errno capture, no checks, no event support. */
    @Benchmark
    public int withoutEventSupport(AllocatedFile f) {
        return f.os.fallocate(f.fd, FallocateMode.KEEP_SIZE.value(), 0, LEN);
    }

    /** The library's call in a JVM that records nothing. */
    @Benchmark
    public void eventDisabled_noRecording(AllocatedFile f) throws IOException {
        Fallocate.fallocate(f.fd, FallocateMode.KEEP_SIZE, 0, LEN);
    }

    /** The library's call while a recording runs that does not want the event. */
    @Benchmark
    public void eventDisabled_otherRecording(AllocatedFile f, EventOff recording) throws IOException {
        Fallocate.fallocate(f.fd, FallocateMode.KEEP_SIZE, 0, LEN);
    }

    /**
     * The library's call recorded with the event's defaults: the event write, and one statx
     * that tells the bare descriptor's cached path is still its file's.
     */
    @Benchmark
    public void eventEnabled(AllocatedFile f, EventOn recording) throws IOException {
        Fallocate.fallocate(f.fd, FallocateMode.KEEP_SIZE, 0, LEN);
    }

    /** The same with the sizes a recording may ask for: a statx before and after the call. */
    @Benchmark
    public void eventEnabled_withSizes(AllocatedFile f, EventOnWithSizes recording) throws IOException {
        Fallocate.fallocate(f.fd, FallocateMode.KEEP_SIZE, 0, LEN);
    }

    /** The same with the stack trace a recording may ask for: what walking the stack adds. */
    @Benchmark
    public void eventEnabled_withStackTrace(AllocatedFile f, EventOnWithStackTrace recording) throws IOException {
        Fallocate.fallocate(f.fd, FallocateMode.KEEP_SIZE, 0, LEN);
    }
}
