package org.jfallocate.internal.jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.FlightRecorder;
import org.jfallocate.Errno;
import org.jfallocate.internal.Statx;

/**
 * Fills and commits {@link FallocateEvent}s around a call. Callers check {@link #enabled()}
 * first and come here only when it is true, so that a JVM that does not record pays one
 * branch per call: no statx, no readlink, no event object, not even JFR's classes loaded.
 */
public final class FallocateEvents {
    private FallocateEvents() {
    }

    /**
     * Whether a recording wants {@code jfallocate.Fallocate} events now. Until JFR is started
     * this is one read of a volatile boolean: the event class is not even loaded, since
     * loading an event class costs JFR's bytecode instrumentation (a few hundred ms).
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

    /**
     * Takes the "before" figures and starts the clock; call just before the C call.
     *
     * @param path the caller's path, or null to look it up through /proc/self/fd
     */
    public static FallocateEvent begin(String operation, int fd, Path path, String modeNames, int modeValue,
                                       long offset, long length) {
        FallocateEvent event = new FallocateEvent();
        event.operation = operation;
        event.fd = fd;
        event.path = path != null ? path.toAbsolutePath().toString() : pathOfFd(fd);

        event.mode = modeNames;
        event.modeValue = modeValue;
        event.offset = offset;
        event.length = length;
        Statx.Result before = Statx.ofFd(fd);
        event.sizeBefore = before.failed() ? -1 : before.size();
        event.allocatedBefore = before.failed() ? -1 : before.allocatedBytes();
        event.begin();
        return event;
    }

    /**
     * Stops the clock, takes the "after" figures and commits; call just after the C call,
     * once its errno has been read (the statx here overwrites this thread's errno).
     *
     * @param errno 0 for success, else the call's error number
     */
    public static void commit(FallocateEvent event, int errno) {
        event.end();
        if (!event.shouldCommit()) {
            return;
        }
        Statx.Result after = Statx.ofFd(event.fd);
        event.sizeAfter = after.failed() ? -1 : after.size();
        event.allocatedAfter = after.failed() ? -1 : after.allocatedBytes();
        event.errno = errno;
        event.result = errno == 0 ? "0" : Errno.nameOf(errno);
        event.commit();
    }

    private static String pathOfFd(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(fd))).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null; // closed, or no /proc: the fd still identifies the file within the recording
        }
    }
}
