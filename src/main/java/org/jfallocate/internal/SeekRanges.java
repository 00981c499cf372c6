package org.jfallocate.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A file's data ranges through {@code lseek(2)}'s SEEK_DATA and SEEK_HOLE. A filesystem
 * without hole tracking reports the whole file as data, as lseek(2) allows. Unwritten
 * (preallocated) extents usually count as holes here: they read as zeros.
 */
public final class SeekRanges {
    private SeekRanges() {
    }

    static final int SEEK_SET = 0;
    static final int SEEK_CUR = 1;
    /** lseek(2)'s whence for the next data at or after the offset. */
    public static final int SEEK_DATA = 3;
    /** lseek(2)'s whence for the next hole at or after the offset (the end of the file is one). */
    public static final int SEEK_HOLE = 4;

    /** One data range: {@code [offset, offset + length)}. */
    public record Range(long offset, long length) {
    }

    /** The data ranges, or the errno of the lseek that failed. */
    public record Result(List<Range> data, int errno) {
    }

    /**
     * The data ranges of the file behind {@code fd}, in order. Moves the descriptor's file
     * offset: the caller owns the descriptor or restores the offset ({@link #position}).
     */
    public static Result dataRanges(int fd) {
        Syscalls os = Syscalls.current();
        List<Range> data = new ArrayList<>();
        long pos = 0;
        while (true) {
            long start = os.lseek(fd, pos, SEEK_DATA);
            if (start < 0) {
                int errno = (int) -start;
                // ENXIO: no data at or after pos, the normal end of the walk.
                return errno == Errnos.ENXIO ? new Result(List.copyOf(data), 0) : new Result(List.of(), errno);
            }
            long end = os.lseek(fd, start, SEEK_HOLE);
            if (end < 0) {
                int errno = (int) -end;
                // ENXIO here: the file shrank between the two calls; what was seen is all there is.
                return errno == Errnos.ENXIO ? new Result(List.copyOf(data), 0) : new Result(List.of(), errno);
            }
            if (end <= start) {
                return new Result(List.copyOf(data), 0);
            }
            data.add(new Range(start, end - start));
            pos = end;
        }
    }

    /** The descriptor's file offset, or -errno. */
    public static long position(int fd) {
        return Syscalls.current().lseek(fd, 0, SEEK_CUR);
    }

    /** Sets the descriptor's file offset back to {@code pos}; false if lseek failed. */
    public static boolean restore(int fd, long pos) {
        return Syscalls.current().lseek(fd, pos, SEEK_SET) == pos;
    }
}
