package org.jfallocate.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code FS_IOC_FIEMAP} ioctl: a file's extents with their flags. A file can have more
 * extents than one buffer holds, so the call is repeated from the end of the last extent
 * returned until one carries {@code FIEMAP_EXTENT_LAST}.
 *
 * @see <a href="https://docs.kernel.org/filesystems/fiemap.html">Fiemap ioctl</a>
 */
public final class Fiemap {
    private Fiemap() {
    }

    /** {@code _IOWR('f', 11, struct fiemap)}. */
    static final long FS_IOC_FIEMAP = 0xC020660BL;
    /** Flush dirty data first, so delayed allocations are mapped rather than reported as DELALLOC. */
    static final int FIEMAP_FLAG_SYNC = 0x1;
    private static final long FIEMAP_MAX_OFFSET = -1L; // ~0ULL: to the end of the file

    // struct fiemap: u64 fm_start, u64 fm_length, u32 fm_flags, u32 fm_mapped_extents,
    // u32 fm_extent_count, u32 fm_reserved, then struct fiemap_extent fm_extents[].
    private static final long HEADER_SIZE = 32;
    private static final long FM_START = 0;
    private static final long FM_LENGTH = 8;
    private static final long FM_FLAGS = 16;
    private static final long FM_MAPPED_EXTENTS = 20;
    private static final long FM_EXTENT_COUNT = 24;
    // struct fiemap_extent: u64 fe_logical, u64 fe_physical, u64 fe_length, u64 fe_reserved64[2],
    // u32 fe_flags, u32 fe_reserved[3].
    private static final long EXTENT_SIZE = 56;
    private static final long FE_LOGICAL = 0;
    private static final long FE_PHYSICAL = 8;
    private static final long FE_LENGTH = 16;
    private static final long FE_FLAGS = 40;

    /** Extents per call: 512 × 56 bytes = 28 KiB of buffer. */
    static final int EXTENTS_PER_CALL = 512;

    /** FIEMAP_EXTENT_LAST: the file's last extent. */
    private static final int FIEMAP_EXTENT_LAST = 0x1;

    /** One struct fiemap_extent as the kernel gave it; the API turns it into an {@code Extent}. */
    public record RawExtent(long logical, long physical, long length, int flags) {
    }

    /** The extents, or the errno when the ioctl failed (EOPNOTSUPP on tmpfs, for example). */
    public record Result(List<RawExtent> extents, int errno) {
        /** Whether the ioctl worked. */
        public boolean ok() {
            return errno == 0;
        }
    }

    /** All extents of the file behind {@code fd}, in logical order. */
    public static Result extents(int fd) {
        return extents(fd, EXTENTS_PER_CALL);
    }

    static Result extents(int fd, int perCall) {
        Syscalls os = Syscalls.current();
        List<RawExtent> extents = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(HEADER_SIZE + EXTENT_SIZE * perCall, 8);
            long start = 0;
            while (true) {
                buf.fill((byte) 0);
                buf.set(JAVA_LONG, FM_START, start);
                buf.set(JAVA_LONG, FM_LENGTH, FIEMAP_MAX_OFFSET);
                buf.set(JAVA_INT, FM_FLAGS, FIEMAP_FLAG_SYNC);
                buf.set(JAVA_INT, FM_EXTENT_COUNT, perCall);
                int errno = os.ioctl(fd, FS_IOC_FIEMAP, buf);
                if (errno != 0) {
                    if (errno == Errnos.EINTR) {
                        continue;
                    }
                    return new Result(List.of(), errno);
                }
                int mapped = buf.get(JAVA_INT, FM_MAPPED_EXTENTS);
                boolean last = false;
                for (int i = 0; i < mapped; i++) {
                    long at = HEADER_SIZE + EXTENT_SIZE * i;
                    int flags = buf.get(JAVA_INT, at + FE_FLAGS);
                    extents.add(new RawExtent(buf.get(JAVA_LONG, at + FE_LOGICAL), buf.get(JAVA_LONG, at + FE_PHYSICAL),
                            buf.get(JAVA_LONG, at + FE_LENGTH), flags));
                    last |= (flags & FIEMAP_EXTENT_LAST) != 0;
                }
                // Fewer extents than asked for also means the end: some filesystems never set LAST.
                if (mapped == 0 || last || mapped < perCall) {
                    return new Result(List.copyOf(extents), 0);
                }
                RawExtent tail = extents.getLast();
                start = tail.logical() + tail.length();
            }
        }
    }
}
