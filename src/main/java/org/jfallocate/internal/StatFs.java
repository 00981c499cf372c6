package org.jfallocate.internal;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** {@code statfs(2)} and {@code fstatfs(2)}: the filesystem's magic number, block size and space. */
public final class StatFs {
    private StatFs() {
    }

    private static final long STRUCT_SIZE = 120; // struct statfs on 64-bit Linux (x86_64, aarch64)

    /** What jfallocate reads from struct statfs; counts are in {@code blockSize} units. */
    public record Result(long magic, long blockSize, long blocks, long freeBlocks, long availableBlocks) {
    }

    /** statfs of a path; null with errno left in {@code errnoState} on failure. */
    public static Result ofPath(MemorySegment errnoState, String path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(STRUCT_SIZE, 8);
            return LibC.statfs(errnoState, arena.allocateFrom(path), buf) == 0 ? read(buf) : null;
        }
    }

    /** fstatfs of an open descriptor; null with errno left in {@code errnoState} on failure. */
    public static Result ofFd(MemorySegment errnoState, int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(STRUCT_SIZE, 8);
            return LibC.fstatfs(errnoState, fd, buf) == 0 ? read(buf) : null;
        }
    }

    private static Result read(MemorySegment buf) {
        return new Result(
                buf.get(JAVA_LONG, 0),   // f_type
                buf.get(JAVA_LONG, 8),   // f_bsize
                buf.get(JAVA_LONG, 16),  // f_blocks
                buf.get(JAVA_LONG, 24),  // f_bfree
                buf.get(JAVA_LONG, 32)); // f_bavail
    }
}
