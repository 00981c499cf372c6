package org.jfallocate.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * {@code statx(2)}: size, allocated blocks and identity of a file. statx is used rather than
 * fstat because its struct has one layout on every architecture.
 */
public final class Statx {
    private Statx() {
    }

    private static final int AT_FDCWD = -100;
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int STATX_BASIC_STATS = 0x7ff;
    private static final long STRUCT_SIZE = 256;

    /**
     * What jfallocate reads from struct statx; {@code blocks} are 512-byte units. A failed
     * call gives {@code errno > 0} and zeros elsewhere.
     */
    public record Result(long size, long blocks, int blockSize, int mode, long inode, int devMajor, int devMinor,
                         int errno) {
        /** Whether statx failed ({@link #errno()} says why). */
        public boolean failed() {
            return errno != 0;
        }

        /** Bytes allocated on disk (st_blocks × 512). */
        public long allocatedBytes() {
            return blocks * 512;
        }

        /** Whether this is a regular file (S_IFREG). */
        public boolean isRegularFile() {
            return (mode & 0xF000) == 0x8000;
        }
    }

    // "" for AT_EMPTY_PATH, made once: statx only reads it.
    private static final MemorySegment EMPTY_PATH = Arena.global().allocateFrom("");

    /**
     * A buffer for {@link #ofFd(int, MemorySegment)}, to be reused call after call.
     *
     * @param arena where it lives
     * @return a struct statx buffer
     */
    public static MemorySegment buffer(Arena arena) {
        return arena.allocate(STRUCT_SIZE, 8);
    }

    /**
     * statx of an open descriptor into a caller's buffer ({@link #buffer}), allocating nothing;
     * read it with {@link #size}, {@link #allocatedBytes}, {@link #inode}, {@link #devMajor}, {@link #devMinor}.
     *
     * @return 0, or the errno
     */
    public static int ofFd(int fd, MemorySegment buf) {
        return Syscalls.current().statx(fd, EMPTY_PATH, AT_EMPTY_PATH, STATX_BASIC_STATS, buf);
    }

    /** stx_size of a filled buffer. */
    public static long size(MemorySegment buf) {
        return buf.get(JAVA_LONG, 40);
    }

    /** stx_blocks × 512 of a filled buffer. */
    public static long allocatedBytes(MemorySegment buf) {
        return buf.get(JAVA_LONG, 48) * 512;
    }

    /** stx_ino of a filled buffer. */
    public static long inode(MemorySegment buf) {
        return buf.get(JAVA_LONG, 32);
    }

    /** stx_dev_major of a filled buffer. */
    public static int devMajor(MemorySegment buf) {
        return buf.get(JAVA_INT, 136);
    }

    /** stx_dev_minor of a filled buffer. */
    public static int devMinor(MemorySegment buf) {
        return buf.get(JAVA_INT, 140);
    }

    /** statx of an open descriptor. */
    public static Result ofFd(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            return call(fd, arena.allocateFrom(""), AT_EMPTY_PATH, arena);
        }
    }

    /** statx of a path (symlinks followed). */
    public static Result ofPath(String path) {
        try (Arena arena = Arena.ofConfined()) {
            return call(AT_FDCWD, arena.allocateFrom(path), 0, arena);
        }
    }

    private static Result call(int dirfd, MemorySegment path, int flags, Arena arena) {
        MemorySegment buf = arena.allocate(STRUCT_SIZE, 8);
        int errno = Syscalls.current().statx(dirfd, path, flags, STATX_BASIC_STATS, buf);
        if (errno != 0) {
            return new Result(0, 0, 0, 0, 0, 0, 0, errno);
        }
        return new Result(
                buf.get(JAVA_LONG, 40),                       // stx_size
                buf.get(JAVA_LONG, 48),                       // stx_blocks
                buf.get(JAVA_INT, 4),                         // stx_blksize
                Short.toUnsignedInt(buf.get(JAVA_SHORT, 28)), // stx_mode
                buf.get(JAVA_LONG, 32),                       // stx_ino
                buf.get(JAVA_INT, 136),                       // stx_dev_major
                buf.get(JAVA_INT, 140),                       // stx_dev_minor
                0);
    }
}
