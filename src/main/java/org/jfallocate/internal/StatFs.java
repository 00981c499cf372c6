package org.jfallocate.internal;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** {@code statfs(2)} and {@code fstatfs(2)}: the filesystem's magic number, block size and space. */
public final class StatFs {
    private StatFs() {
    }

    private static final long STRUCT_SIZE = 120; // struct statfs on 64-bit Linux (x86_64, aarch64)

    /**
     * What jfallocate reads from struct statfs; counts are in {@code blockSize} units. A
     * failed call gives {@code errno > 0} and zeros elsewhere.
     */
    public record Result(long magic, long blockSize, long blocks, long freeBlocks, long availableBlocks, int errno) {
        /** Whether the call failed ({@link #errno()} says why). */
        public boolean failed() {
            return errno != 0;
        }
    }

    /** statfs of a path. */
    public static Result ofPath(String path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(STRUCT_SIZE, 8);
            return read(Syscalls.current().statfs(arena.allocateFrom(path), buf), buf);
        }
    }

    /** fstatfs of an open descriptor. */
    public static Result ofFd(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(STRUCT_SIZE, 8);
            return read(Syscalls.current().fstatfs(fd, buf), buf);
        }
    }

    private static Result read(int errno, MemorySegment buf) {
        if (errno != 0) {
            return new Result(0, 0, 0, 0, 0, errno);
        }
        return new Result(
                buf.get(JAVA_LONG, 0),   // f_type
                buf.get(JAVA_LONG, 8),   // f_bsize
                buf.get(JAVA_LONG, 16),  // f_blocks
                buf.get(JAVA_LONG, 24),  // f_bfree
                buf.get(JAVA_LONG, 32),  // f_bavail
                0);
    }
}
