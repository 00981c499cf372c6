package org.jfallocate.faults;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The few C calls the fault tests need and the binding does not: memfd with seals, pipes,
 * thread ids and signals to one thread. Test code only; failures throw with the errno.
 */
final class TestNative {
    private TestNative() {
    }

    static final int MFD_CLOEXEC = 1;
    static final int MFD_ALLOW_SEALING = 2;
    static final int F_ADD_SEALS = 1033;
    static final int F_SEAL_GROW = 4;
    static final int F_SEAL_WRITE = 8;
    /** HotSpot's suspend/resume signal: its handler ignores one it did not ask for, so it is safe to send. */
    static final int SIGUSR2 = 12;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final long ERRNO_OFFSET = Linker.Option.captureStateLayout()
            .byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle MEMFD_CREATE = handle("memfd_create",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), ERRNO);
    private static final MethodHandle FCNTL_INT = handle("fcntl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), ERRNO, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle PIPE2 = handle("pipe2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), ERRNO);
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SYSTEM = handle("system", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle GETTID = handle("gettid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETPID = handle("getpid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle TGKILL = handle("tgkill",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), ERRNO);

    private static MethodHandle handle(String name, FunctionDescriptor fd, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new LinkageError("C library has no " + name));
        return LINKER.downcallHandle(symbol, fd, options);
    }

    /** memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING). */
    static int memfdCreate(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(Linker.Option.captureStateLayout());
            int fd = (int) MEMFD_CREATE.invokeExact(errno, arena.allocateFrom(name), MFD_CLOEXEC | MFD_ALLOW_SEALING);
            return check("memfd_create", fd, errno);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** fcntl(fd, F_ADD_SEALS, seals). */
    static void addSeals(int fd, int seals) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(Linker.Option.captureStateLayout());
            check("fcntl(F_ADD_SEALS)", (int) FCNTL_INT.invokeExact(errno, fd, F_ADD_SEALS, seals), errno);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** fcntl(fd, F_DUPFD, atLeast): a copy of fd numbered atLeast or higher. */
    static int dupAtLeast(int fd, int atLeast) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(Linker.Option.captureStateLayout());
            return check("fcntl(F_DUPFD)", (int) FCNTL_INT.invokeExact(errno, fd, 0, atLeast), errno);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** pipe2(fds, O_CLOEXEC): {read end, write end}. */
    static int[] pipe() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(Linker.Option.captureStateLayout());
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            check("pipe2", (int) PIPE2.invokeExact(errno, fds, 02000000), errno);
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void close(int fd) {
        try {
            int r = (int) CLOSE.invokeExact(fd);
            if (r != 0) {
                throw new IllegalStateException("close(" + fd + ") failed");
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * system(3): runs a shell command in a child that inherits every descriptor not marked
     * close-on-exec (unlike ProcessBuilder, whose launcher closes them all); the wait status.
     */
    static int system(String command) {
        try (Arena arena = Arena.ofConfined()) {
            return (int) SYSTEM.invokeExact(arena.allocateFrom(command));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The kernel's id of the calling thread. */
    static int gettid() {
        try {
            return (int) GETTID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int getpid() {
        try {
            return (int) GETPID.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Sends {@code signal} to one thread of this process; false if the thread is gone. */
    static boolean tgkill(int tid, int signal) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(Linker.Option.captureStateLayout());
            return (int) TGKILL.invokeExact(errno, getpid(), tid, signal) == 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int check(String call, int result, MemorySegment errno) {
        if (result < 0) {
            throw new IllegalStateException(call + " failed: errno " + errno.get(JAVA_INT, ERRNO_OFFSET));
        }
        return result;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError(t);
    }
}
