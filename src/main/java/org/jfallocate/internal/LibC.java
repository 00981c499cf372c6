package org.jfallocate.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The {@link Syscalls} through FFM downcalls into the C library, each function declared
 * once. errno is captured in this thread's segment ({@link ErrnoCapture}) and returned;
 * turning it into exceptions is the caller's job.
 */
public final class LibC implements Syscalls {
    /** The one instance; {@link Syscalls#current()} is how callers reach it. */
    static final LibC INSTANCE = new LibC();

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
    // ssize_t pread(int fd, void *buf, size_t count, off_t offset);
    private static final MethodHandle PREAD = Downcalls.handle("pread",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG), ERRNO);
    // int ioctl(int fd, unsigned long request, ... /* void *arg */);
    private static final MethodHandle IOCTL = Downcalls.handle("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), ERRNO, Linker.Option.firstVariadicArg(2));

    /** Throws when native calls cannot work on this platform; cheap enough for every call. */
    public static void requireAvailable() {
        if (Downcalls.UNAVAILABLE_REASON != null) {
            throw new UnsupportedOperationException(Downcalls.UNAVAILABLE_REASON);
        }
    }

    @Override
    public int fallocate(int fd, int mode, long offset, long len) {
        MemorySegment errno = ErrnoCapture.state();
        try {
            return (int) FALLOCATE.invokeExact(errno, fd, mode, offset, len) == 0 ? 0 : ErrnoCapture.errno(errno);
        } catch (Throwable t) {
            throw bug("fallocate", t);
        }
    }

    @Override
    public int posixFallocate(int fd, long offset, long len) {
        try {
            return (int) POSIX_FALLOCATE.invokeExact(fd, offset, len);
        } catch (Throwable t) {
            throw bug("posix_fallocate", t);
        }
    }

    @Override
    public int ftruncate(int fd, long length) {
        MemorySegment errno = ErrnoCapture.state();
        try {
            return (int) FTRUNCATE.invokeExact(errno, fd, length) == 0 ? 0 : ErrnoCapture.errno(errno);
        } catch (Throwable t) {
            throw bug("ftruncate", t);
        }
    }

    @Override
    public int open(MemorySegment path, int flags, int mode) {
        MemorySegment errno = ErrnoCapture.state();
        try {
            int fd = (int) OPEN.invokeExact(errno, path, flags, mode);
            return fd >= 0 ? fd : -ErrnoCapture.errno(errno);
        } catch (Throwable t) {
            throw bug("open", t);
        }
    }

    @Override
    public int close(int fd) {
        MemorySegment errno = ErrnoCapture.state();
        try {
            return (int) CLOSE.invokeExact(errno, fd) == 0 ? 0 : ErrnoCapture.errno(errno);
        } catch (Throwable t) {
            throw bug("close", t);
        }
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        MemorySegment errno = ErrnoCapture.state();
        try {
            long at = (long) LSEEK.invokeExact(errno, fd, offset, whence);
            return at >= 0 ? at : -ErrnoCapture.errno(errno);
        } catch (Throwable t) {
            throw bug("lseek", t);
        }
    }

    @Override
    public long pread(int fd, MemorySegment buf, long count, long offset) {
        MemorySegment errno = ErrnoCapture.state();
        try {
            long n = (long) PREAD.invokeExact(errno, fd, buf, count, offset);
            return n >= 0 ? n : -ErrnoCapture.errno(errno);
        } catch (Throwable t) {
            throw bug("pread", t);
        }
    }

    @Override
    public int statx(int dirfd, MemorySegment path, int flags, int mask, MemorySegment buf) {
        MemorySegment errno = ErrnoCapture.state();
        try {
            return (int) STATX.invokeExact(errno, dirfd, path, flags, mask, buf) == 0 ? 0 : ErrnoCapture.errno(errno);
        } catch (Throwable t) {
            throw bug("statx", t);
        }
    }

    @Override
    public int fstatfs(int fd, MemorySegment buf) {
        MemorySegment errno = ErrnoCapture.state();
        try {
            return (int) FSTATFS.invokeExact(errno, fd, buf) == 0 ? 0 : ErrnoCapture.errno(errno);
        } catch (Throwable t) {
            throw bug("fstatfs", t);
        }
    }

    @Override
    public int statfs(MemorySegment path, MemorySegment buf) {
        MemorySegment errno = ErrnoCapture.state();
        try {
            return (int) STATFS.invokeExact(errno, path, buf) == 0 ? 0 : ErrnoCapture.errno(errno);
        } catch (Throwable t) {
            throw bug("statfs", t);
        }
    }

    @Override
    public int ioctl(int fd, long request, MemorySegment arg) {
        MemorySegment errno = ErrnoCapture.state();
        try {
            return (int) IOCTL.invokeExact(errno, fd, request, arg) == 0 ? 0 : ErrnoCapture.errno(errno);
        } catch (Throwable t) {
            throw bug("ioctl", t);
        }
    }

    // invokeExact declares Throwable; with the types above only a binding bug can throw.
    private static AssertionError bug(String function, Throwable t) {
        return new AssertionError("jfallocate bug: the downcall to " + function + " threw", t);
    }
}
