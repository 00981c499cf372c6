package org.jfallocate.internal;

import java.lang.foreign.MemorySegment;

/**
 * The system calls jfallocate makes, one method each, each made once: retrying EINTR is the
 * caller's job, so that a test can check it does. The one implementation outside tests is
 * {@link LibC} (FFM downcalls into the C library); tests swap in one that fails a call with
 * any errno ({@link #current()}).
 *
 * <p>errno is returned, not left in thread state: 0 or the error number for calls that
 * return a status, the value ({@code >= 0}) or {@code -errno} for those that return one.
 */
public interface Syscalls {
    /** fallocate(2): 0, or errno. */
    int fallocate(int fd, int mode, long offset, long len);

    /** posix_fallocate(3): 0, or the error it returns (it does not set errno). */
    int posixFallocate(int fd, long offset, long len);

    /** ftruncate(2): 0, or errno. */
    int ftruncate(int fd, long length);

    /** open(2) of a NUL-terminated path: the descriptor, or -errno. */
    int open(MemorySegment path, int flags, int mode);

    /** close(2): 0, or errno. */
    int close(int fd);

    /** lseek(2): the resulting offset, or -errno. */
    long lseek(int fd, long offset, int whence);

    /** pread(2) of up to {@code count} bytes into native memory: the bytes read (0 at the end), or -errno. */
    long pread(int fd, MemorySegment buf, long count, long offset);

    /** statx(2) into a 256-byte buffer: 0, or errno. */
    int statx(int dirfd, MemorySegment path, int flags, int mask, MemorySegment buf);

    /** fstatfs(2) into a struct statfs buffer: 0, or errno. */
    int fstatfs(int fd, MemorySegment buf);

    /** statfs(2) of a NUL-terminated path: 0, or errno. */
    int statfs(MemorySegment path, MemorySegment buf);

    /** ioctl(2) with a pointer argument: 0, or errno. */
    int ioctl(int fd, long request, MemorySegment arg);

    /**
     * The implementation in use: {@link LibC}, unless a test replaced it. A plain static
     * read: the JIT sees one receiver type and inlines the call as if it were static.
     */
    static Syscalls current() {
        return Installed.current;
    }

    /** Where {@link #current()} is kept; replaced only by tests in this package. */
    final class Installed {
        private Installed() {
        }

        static Syscalls current = LibC.INSTANCE;
    }
}
