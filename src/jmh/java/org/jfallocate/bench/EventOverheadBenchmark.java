package org.jfallocate.bench;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;
import org.jfallocate.internal.ErrnoCapture;
import org.jfallocate.internal.LibC;
import org.jfallocate.internal.PathFiles;
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
 * with a recording that leaves the event off, and with the event on; against the bare
 * downcall, which has no event support at all.
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
        MemorySegment errnoState;

        @Setup(Level.Trial)
        public void open() throws IOException {
            file = Files.createTempFile(Path.of(dir), "jfallocate-event-overhead", ".dat");
            fd = PathFiles.openForWrite(file, false);
            errnoState = ErrnoCapture.state();
            if (LibC.fallocate(errnoState, fd, FallocateMode.ALLOCATE.value(), 0, 1 << 20) != 0) {
                throw new IOException("setup: fallocate failed, errno " + ErrnoCapture.errno(errnoState));
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
     * its default stack trace, as {@code -XX:StartFlightRecording} would; otherwise it is disabled.
     * In memory so that millions of events a second do not fill the disk.
     */
    @State(Scope.Benchmark)
    public static class RecordingRunning {
        Recording recording;

        void start(boolean eventOn) {
            recording = new Recording();
            recording.setToDisk(false);
            if (eventOn) {
                recording.enable("jfallocate.Fallocate").withThreshold(Duration.ZERO).withStackTrace();
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
        return LibC.fallocate(f.errnoState, f.fd, FallocateMode.KEEP_SIZE.value(), 0, LEN);
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

    /** The library's call recorded: two statx calls, a stack trace and the event write. */
    @Benchmark
    public void eventEnabled(AllocatedFile f, EventOn recording) throws IOException {
        Fallocate.fallocate(f.fd, FallocateMode.KEEP_SIZE, 0, LEN);
    }
}
