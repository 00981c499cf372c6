package org.jfallocate.cli;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * One open file as the C tool holds it: an int descriptor from open(2), lseek(2) with
 * SEEK_DATA/SEEK_HOLE, and pread(2). The binding's public API takes this int fd, so the CLI
 * needs no JDK internals (no --add-opens), only native access, which its jar's manifest grants.
 */
final class PosixFile implements AutoCloseable {
    static final int O_RDONLY = 0;
    static final int O_RDWR = 02;
    static final int O_CREAT = 0100;
    private static final int O_CLOEXEC = 02000000;
    private static final int SEEK_DATA = 3;
    private static final int SEEK_HOLE = 4;
    static final int EINTR = 4;
    static final int ENXIO = 6;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout ERRNO_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = ERRNO_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    private static final MethodHandle OPEN = handle("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), CAPTURE, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE);
    private static final MethodHandle LSEEK = handle("lseek",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT), CAPTURE);
    private static final MethodHandle PREAD = handle("pread",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG), CAPTURE);

    private final String name;
    private final int fd;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment errno = arena.allocate(ERRNO_LAYOUT);

    private PosixFile(String name, int fd) {
        this.name = name;
        this.fd = fd;
    }

    // Restricted: the jar's manifest grants native access (Enable-Native-Access: ALL-UNNAMED).
    @SuppressWarnings("restricted")
    private static MethodHandle handle(String function, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(function)
                .orElseThrow(() -> new LinkageError("the C library has no symbol '" + function + "'"));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    /**
     * open(2) with mode 0666 less the umask, as util-linux does.
     *
     * @throws CliFailure "cannot open NAME: errno text"
     */
    static PosixFile open(String name, int flags) throws CliFailure {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment err = call.allocate(ERRNO_LAYOUT);
            MemorySegment path = call.allocateFrom(name);
            int fd;
            do {
                fd = (int) OPEN.invokeExact(err, path, flags | O_CLOEXEC, 0666);
            } while (fd < 0 && errnoOf(err) == EINTR);
            if (fd < 0) {
                throw CliFailure.errno("cannot open " + name, errnoOf(err));
            }
            return new PosixFile(name, fd);
        } catch (CliFailure e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("open downcall failed", t);
        }
    }

    int fd() {
        return fd;
    }

    String name() {
        return name;
    }

    /** The next data at or after {@code offset}, or -1 when there is none before the end (ENXIO). */
    long seekData(long offset) throws CliFailure {
        return seek(offset, SEEK_DATA);
    }

    /** The next hole at or after {@code offset} (the end of the file counts as one), or -1 past the end. */
    long seekHole(long offset) throws CliFailure {
        return seek(offset, SEEK_HOLE);
    }

    private long seek(long offset, int whence) throws CliFailure {
        long r;
        try {
            r = (long) LSEEK.invokeExact(errno, fd, offset, whence);
        } catch (Throwable t) {
            throw new AssertionError("lseek downcall failed", t);
        }
        if (r < 0) {
            int e = errnoOf(errno);
            if (e == ENXIO) {
                return -1;
            }
            throw CliFailure.errno("seek on " + name + " failed", e);
        }
        return r;
    }

    /** pread(2) of up to {@code len} bytes into {@code buf}; 0 at the end of the file. */
    long pread(MemorySegment buf, long len, long offset) throws CliFailure {
        long r;
        do {
            try {
                r = (long) PREAD.invokeExact(errno, fd, buf, len, offset);
            } catch (Throwable t) {
                throw new AssertionError("pread downcall failed", t);
            }
        } while (r < 0 && errnoOf(errno) == EINTR);
        if (r < 0) {
            throw CliFailure.errno(name + ": read failed", errnoOf(errno));
        }
        return r;
    }

    private static int errnoOf(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    @Override
    public void close() throws CliFailure {
        try {
            int r = (int) CLOSE.invokeExact(errno, fd);
            // EINTR on close still releases the descriptor on Linux: never retry.
            if (r != 0 && errnoOf(errno) != EINTR) {
                throw CliFailure.errno("write failed: " + name, errnoOf(errno));
            }
        } catch (CliFailure e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("close downcall failed", t);
        } finally {
            arena.close();
        }
    }
}
