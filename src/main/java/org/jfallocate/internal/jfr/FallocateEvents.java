package org.jfallocate.internal.jfr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import jdk.jfr.FlightRecorder;
import org.jfallocate.internal.FdPaths;
import org.jfallocate.internal.Statx;

/**
 * Fills and commits {@link FallocateEvent}s around a call. Callers check {@link #enabled()}
 * first and come here only when it is true, so that a JVM that does not record pays one
 * branch per call: no statx, no readlink, no event object.
 *
 * <p>With the event on, a call costs the event object and its commit; the strings
 * (operation, mode names, result) are constants. A bare descriptor's path is read from
 * /proc once per (descriptor, file) and then reused, which costs one statx(2) per call to
 * tell that the descriptor still names that file; a caller that gives its path (the
 * {@code Path} overloads, {@code FallocateFile}) saves it. The {@code sizes} setting adds
 * a statx before and after the call ({@link FileSizesSetting}), and the stack trace a walk
 * of the stack; both are off unless a recording asks ({@link FallocateEvent}).
 */
public final class FallocateEvents {
    private FallocateEvents() {
    }

    /**
     * Whether a recording wants {@code jfallocate.Fallocate} events now. Until a recording
     * exists this asks only {@link FlightRecorder#isInitialized()}, which loads that one
     * class of jdk.jfr and starts nothing; the event class is loaded, and registered by JFR
     * (a few hundred ms of bytecode instrumentation), only once the recorder is initialized.
     *
     * @return true when the next call should be an event
     */
    public static boolean enabled() {
        return FlightRecorder.isInitialized() && Probe.EVENT.isEnabled();
    }

    // isEnabled() reads only the event class's static configuration, never the instance,
    // so one shared instance answers it for every thread without allocating. Asking
    // EventType.getEventType instead would register the event and start JFR's machinery.
    private static final class Probe {
        static final FallocateEvent EVENT = new FallocateEvent();
    }

    // One statx buffer and one empty path per thread: no arena per call.
    private static final ThreadLocal<MemorySegment> STATX_BUFFER = ThreadLocal.withInitial(() -> Statx.buffer(Arena.ofAuto()));

    /** The path last read from /proc for a descriptor, and the file it was then. */
    private record KnownPath(int fd, long inode, int devMajor, int devMinor, String path) {
    }

    // One entry: a writer calls on one file again and again. Stale after a rename of that
    // file, which the field's description says.
    private static volatile KnownPath lastPath;

    /**
     * Takes the "before" figures, if the recording wants them, and starts the clock; call
     * just before the C call.
     *
     * @param operation what the event calls the call, a constant
     * @param fd        the descriptor
     * @param path      the caller's path, or null to look it up through /proc/self/fd
     * @param modeNames the mode's names, e.g. {@code PUNCH_HOLE|KEEP_SIZE}
     * @param modeValue the mode's C value
     * @param offset    the call's offset
     * @param length    the call's length
     * @return the started event, to give to {@link #commit}
     */
    public static FallocateEvent begin(String operation, int fd, Path path, String modeNames, int modeValue,
                                       long offset, long length) {
        FallocateEvent event = new FallocateEvent();
        event.operation = operation;
        event.fd = fd;
        event.mode = modeNames;
        event.modeValue = modeValue;
        event.offset = offset;
        event.length = length;
        boolean sizes = FileSizesSetting.wanted();
        event.sizesTaken = sizes;
        // One statx serves both the sizes and, for a bare descriptor, the path's (dev, inode) check.
        MemorySegment buf = sizes || path == null ? STATX_BUFFER.get() : null;
        boolean stated = buf != null && Statx.ofFd(fd, buf) == 0;
        event.sizeBefore = sizes && stated ? Statx.size(buf) : -1;
        event.allocatedBefore = sizes && stated ? Statx.allocatedBytes(buf) : -1;
        if (path != null) {
            event.path = path.toAbsolutePath().toString();
        } else {
            event.path = stated ? pathOf(fd, buf) : null;
        }
        event.begin();
        return event;
    }

    /**
     * Stops the clock, takes the "after" figures if {@link #begin} took the "before" ones,
     * and commits; call just after the C call.
     *
     * @param event the event {@link #begin} returned
     * @param errno 0 for success, else the call's error number
     * @param errnoName the errno's name, e.g. {@code EOPNOTSUPP}, or "0" for success
     */
    public static void commit(FallocateEvent event, int errno, String errnoName) {
        event.end();
        if (!event.shouldCommit()) {
            return;
        }
        if (event.sizesTaken) {
            MemorySegment buf = STATX_BUFFER.get();
            boolean ok = Statx.ofFd(event.fd, buf) == 0;
            event.sizeAfter = ok ? Statx.size(buf) : -1;
            event.allocatedAfter = ok ? Statx.allocatedBytes(buf) : -1;
        } else {
            event.sizeAfter = -1;
            event.allocatedAfter = -1;
        }
        event.errno = errno;
        event.result = errnoName;
        event.commit();
    }

    // The /proc path of this descriptor, reused while it still names the same file (dev, inode).
    private static String pathOf(int fd, MemorySegment statx) {
        long inode = Statx.inode(statx);
        int major = Statx.devMajor(statx);
        int minor = Statx.devMinor(statx);
        KnownPath known = lastPath;
        if (known != null && known.fd == fd && known.inode == inode && known.devMajor == major && known.devMinor == minor) {
            return known.path;
        }
        Path p = FdPaths.pathOf(fd);
        String path = p == null ? null : p.toString();
        lastPath = new KnownPath(fd, inode, major, minor, path);
        return path;
    }
}
