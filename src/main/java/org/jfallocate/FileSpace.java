package org.jfallocate;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Objects;
import org.jfallocate.internal.ChannelFds;
import org.jfallocate.internal.LibC;
import org.jfallocate.internal.Statx;
import org.jfallocate.internal.SyscallFailure;

/**
 * A file's logical size and the space really allocated to it, from {@code statx(2)}.
 * After {@code fallocate(KEEP_SIZE)} the allocation grows and the size does not; after
 * {@code PUNCH_HOLE} the allocation shrinks.
 *
 * @param size           the logical size in bytes (st_size)
 * @param allocatedBytes bytes allocated on disk (st_blocks × 512), including preallocated, unwritten blocks
 * @param blockSize      the preferred I/O block size (st_blksize), usually the filesystem block size
 */
public record FileSpace(long size, long allocatedBytes, int blockSize) {

    /**
     * The space of a file by path (symlinks followed).
     *
     * @param path the file
     * @return its size and allocation
     * @throws IOException if statx fails, naming the path and the errno
     */
    public static FileSpace of(Path path) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        LibC.requireAvailable();
        Statx.Result r = Statx.ofPath(path.toAbsolutePath().toString());
        if (r.failed()) {
            throw SyscallFailure.of(path.toString(), "statx", r.errno());
        }
        return from(r);
    }

    /**
     * The space of the file behind an open channel (needs the same JVM flag as
     * {@link Fallocate#fallocate(FileChannel, FallocateMode, long, long)}).
     *
     * @param channel an open channel
     * @return its size and allocation
     * @throws IOException if statx fails
     */
    public static FileSpace of(FileChannel channel) throws IOException {
        Objects.requireNonNull(channel, "channel must not be null");
        return of(ChannelFds.fdOf(channel));
    }

    /**
     * The space of the file behind an open descriptor.
     *
     * @param fd an open descriptor
     * @return its size and allocation
     * @throws IOException if statx fails, naming the fd and the errno
     */
    public static FileSpace of(int fd) throws IOException {
        LibC.requireAvailable();
        Statx.Result r = Statx.ofFd(fd);
        if (r.failed()) {
            throw SyscallFailure.of("fd=" + fd, "statx", r.errno());
        }
        return from(r);
    }

    private static FileSpace from(Statx.Result r) {
        return new FileSpace(r.size(), r.allocatedBytes(), r.blockSize());
    }
}
