package org.jfallocate.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The C functions jfallocate calls, each declared once. Methods return what C returns;
 * turning that into exceptions is the caller's job. Handles that set errno take this
 * thread's capture segment ({@link ErrnoCapture#state()}) as their first argument.
 */
public final class LibC {
    private LibC() {
    }

    private static final Linker.Option ERRNO = ErrnoCapture.OPTION;

    // int fallocate(int fd, int mode, off_t offset, off_t len); sets errno. Linux 2.6.23.
    private static final MethodHandle FALLOCATE = Downcalls.handle("fallocate",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), ERRNO);
    // int posix_fallocate(int fd, off_t offset, off_t len); returns the error, leaves errno alone.
    private static final MethodHandle POSIX_FALLOCATE = Downcalls.handle("posix_fallocate",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    // int open(const char *path, int flags, ... /* mode_t mode */);
    private static final MethodHandle OPEN = Downcalls.handle("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), ERRNO, Linker.Option.firstVariadicArg(2));
    // int close(int fd);
    private static final MethodHandle CLOSE = Downcalls.handle("close",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO);
    // int ftruncate(int fd, off_t length);
    private static final MethodHandle FTRUNCATE = Downcalls.handle("ftruncate",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), ERRNO);
    // int statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buf); glibc 2.28.
    private static final MethodHandle STATX = Downcalls.handle("statx",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), ERRNO);
    // int fstatfs(int fd, struct statfs *buf);
    private static final MethodHandle FSTATFS = Downcalls.handle("fstatfs",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), ERRNO);
    // int statfs(const char *path, struct statfs *buf);
    private static final MethodHandle STATFS = Downcalls.handle("statfs",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), ERRNO);
    // off_t lseek(int fd, off_t offset, int whence);
    private static final MethodHandle LSEEK = Downcalls.handle("lseek",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT), ERRNO);
    // int ioctl(int fd, unsigned long request, ... /* void *arg */);
    private static final MethodHandle IOCTL = Downcalls.handle("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), ERRNO, Linker.Option.firstVariadicArg(2));

    /** Throws when native calls cannot work on this platform; cheap enough for every call. */
    public static void requireAvailable() {
        if (Downcalls.UNAVAILABLE_REASON != null) {
            throw new UnsupportedOperationException(Downcalls.UNAVAILABLE_REASON);
        }
    }

    public static int fallocate(MemorySegment errno, int fd, int mode, long offset, long len) {
        try {
            return (int) FALLOCATE.invokeExact(errno, fd, mode, offset, len);
        } catch (Throwable t) {
            throw bug("fallocate", t);
        }
    }

    public static int posixFallocate(int fd, long offset, long len) {
        try {
            return (int) POSIX_FALLOCATE.invokeExact(fd, offset, len);
        } catch (Throwable t) {
            throw bug("posix_fallocate", t);
        }
    }

    public static int open(MemorySegment errno, MemorySegment path, int flags, int mode) {
        try {
            return (int) OPEN.invokeExact(errno, path, flags, mode);
        } catch (Throwable t) {
            throw bug("open", t);
        }
    }

    public static int close(MemorySegment errno, int fd) {
        try {
            return (int) CLOSE.invokeExact(errno, fd);
        } catch (Throwable t) {
            throw bug("close", t);
        }
    }

    public static int ftruncate(MemorySegment errno, int fd, long length) {
        try {
            return (int) FTRUNCATE.invokeExact(errno, fd, length);
        } catch (Throwable t) {
            throw bug("ftruncate", t);
        }
    }

    public static int statx(MemorySegment errno, int dirfd, MemorySegment path, int flags, int mask, MemorySegment buf) {
        try {
            return (int) STATX.invokeExact(errno, dirfd, path, flags, mask, buf);
        } catch (Throwable t) {
            throw bug("statx", t);
        }
    }

    public static int fstatfs(MemorySegment errno, int fd, MemorySegment buf) {
        try {
            return (int) FSTATFS.invokeExact(errno, fd, buf);
        } catch (Throwable t) {
            throw bug("fstatfs", t);
        }
    }

    public static int statfs(MemorySegment errno, MemorySegment path, MemorySegment buf) {
        try {
            return (int) STATFS.invokeExact(errno, path, buf);
        } catch (Throwable t) {
            throw bug("statfs", t);
        }
    }

    public static long lseek(MemorySegment errno, int fd, long offset, int whence) {
        try {
            return (long) LSEEK.invokeExact(errno, fd, offset, whence);
        } catch (Throwable t) {
            throw bug("lseek", t);
        }
    }

    public static int ioctl(MemorySegment errno, int fd, long request, MemorySegment arg) {
        try {
            return (int) IOCTL.invokeExact(errno, fd, request, arg);
        } catch (Throwable t) {
            throw bug("ioctl", t);
        }
    }

    // invokeExact declares Throwable; with the types above only a binding bug can throw.
    private static AssertionError bug(String function, Throwable t) {
        return new AssertionError("jfallocate bug: the downcall to " + function + " threw", t);
    }
}
