package org.jfallocate.internal;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real system calls, except on one descriptor, where fallocate, posix_fallocate,
 * ftruncate and pread give the answers a test scripted, in turn, before going to the kernel again.
 * Installed as {@link Syscalls#current()} until closed; calls on any other descriptor go
 * to the kernel, so tests running beside it are not disturbed.
 */
public final class FaultySyscalls implements Syscalls, AutoCloseable {
    /** A scripted answer: return this errno without calling the kernel. */
    private record Fail(int errno) {
    }

    /** A scripted answer: do the first half of the range for real, then return this errno. */
    private record HalfThenFail(int errno) {
    }

    private final Syscalls real = LibC.INSTANCE;
    private final int fd;
    private final Deque<Object> fallocate = new ArrayDeque<>();
    private final Deque<Object> posixFallocate = new ArrayDeque<>();
    private final Deque<Object> ftruncate = new ArrayDeque<>();
    private final Deque<Object> pread = new ArrayDeque<>();
    private final AtomicInteger preadCalls = new AtomicInteger();
    private final AtomicInteger fallocateCalls = new AtomicInteger();
    private final AtomicInteger posixFallocateCalls = new AtomicInteger();
    private final AtomicInteger ftruncateCalls = new AtomicInteger();
    private final AtomicInteger statxCalls = new AtomicInteger();

    private FaultySyscalls(int fd) {
        this.fd = fd;
    }

    /**
     * Installs faults on {@code fd}; close the result to go back to the kernel alone.
     *
     * @param fd the descriptor whose calls are scripted
     * @return the installed calls, with no faults scripted yet
     */
    public static FaultySyscalls installOn(int fd) {
        FaultySyscalls faulty = new FaultySyscalls(fd);
        Syscalls.Installed.current = faulty;
        return faulty;
    }

    /** The next fallocate calls on the descriptor return these errnos, one each. */
    public FaultySyscalls failFallocate(int... errnos) {
        for (int e : errnos) {
            fallocate.add(new Fail(e));
        }
        return this;
    }

    /** The next posix_fallocate calls on the descriptor return these errors, one each. */
    public FaultySyscalls failPosixFallocate(int... errnos) {
        for (int e : errnos) {
            posixFallocate.add(new Fail(e));
        }
        return this;
    }

    /** The next posix_fallocate allocates the first half of its range, then returns errno. */
    public FaultySyscalls posixFallocateHalfThen(int errno) {
        posixFallocate.add(new HalfThenFail(errno));
        return this;
    }

    /** The next ftruncate calls on the descriptor return these errnos, one each. */
    public FaultySyscalls failFtruncate(int... errnos) {
        for (int e : errnos) {
            ftruncate.add(new Fail(e));
        }
        return this;
    }

    /** The next pread calls on the descriptor return these errnos, one each. */
    public FaultySyscalls failPread(int... errnos) {
        for (int e : errnos) {
            pread.add(new Fail(e));
        }
        return this;
    }

    /** pread calls that reached this object for the descriptor, scripted or real. */
    public int preadCalls() {
        return preadCalls.get();
    }

    /** fallocate calls that reached this object for the descriptor, scripted or real. */
    public int fallocateCalls() {
        return fallocateCalls.get();
    }

    /** posix_fallocate calls that reached this object for the descriptor, scripted or real. */
    public int posixFallocateCalls() {
        return posixFallocateCalls.get();
    }

    /** ftruncate calls that reached this object for the descriptor, scripted or real. */
    public int ftruncateCalls() {
        return ftruncateCalls.get();
    }

    /** statx calls on the descriptor (AT_EMPTY_PATH) that reached this object; never scripted. */
    public int statxCalls() {
        return statxCalls.get();
    }

    @Override
    public void close() {
        Syscalls.Installed.current = real;
    }

    @Override
    public int fallocate(int fd, int mode, long offset, long len) {
        if (fd != this.fd) {
            return real.fallocate(fd, mode, offset, len);
        }
        fallocateCalls.incrementAndGet();
        Object next;
        synchronized (this) {
            next = fallocate.poll();
        }
        return next instanceof Fail f ? f.errno() : real.fallocate(fd, mode, offset, len);
    }

    @Override
    public int posixFallocate(int fd, long offset, long len) {
        if (fd != this.fd) {
            return real.posixFallocate(fd, offset, len);
        }
        posixFallocateCalls.incrementAndGet();
        Object next;
        synchronized (this) {
            next = posixFallocate.poll();
        }
        if (next instanceof Fail f) {
            return f.errno();
        }
        if (next instanceof HalfThenFail h) {
            int first = real.posixFallocate(fd, offset, len / 2);
            return first != 0 ? first : h.errno();
        }
        return real.posixFallocate(fd, offset, len);
    }

    @Override
    public int ftruncate(int fd, long length) {
        if (fd != this.fd) {
            return real.ftruncate(fd, length);
        }
        ftruncateCalls.incrementAndGet();
        Object next;
        synchronized (this) {
            next = ftruncate.poll();
        }
        return next instanceof Fail f ? f.errno() : real.ftruncate(fd, length);
    }

    @Override
    public int open(MemorySegment path, int flags, int mode) {
        return real.open(path, flags, mode);
    }

    @Override
    public int close(int fd) {
        return real.close(fd);
    }

    @Override
    public long lseek(int fd, long offset, int whence) {
        return real.lseek(fd, offset, whence);
    }

    @Override
    public long pread(int fd, MemorySegment buf, long count, long offset) {
        if (fd != this.fd) {
            return real.pread(fd, buf, count, offset);
        }
        preadCalls.incrementAndGet();
        Object next;
        synchronized (this) {
            next = pread.poll();
        }
        return next instanceof Fail f ? -f.errno() : real.pread(fd, buf, count, offset);
    }

    @Override
    public int statx(int dirfd, MemorySegment path, int flags, int mask, MemorySegment buf) {
        if (dirfd == fd) {
            statxCalls.incrementAndGet();
        }
        return real.statx(dirfd, path, flags, mask, buf);
    }

    @Override
    public int fstatfs(int fd, MemorySegment buf) {
        return real.fstatfs(fd, buf);
    }

    @Override
    public int statfs(MemorySegment path, MemorySegment buf) {
        return real.statfs(path, buf);
    }

    @Override
    public int ioctl(int fd, long request, MemorySegment arg) {
        return real.ioctl(fd, request, arg);
    }
}
