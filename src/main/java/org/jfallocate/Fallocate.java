package org.jfallocate;

import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Objects;
import org.jfallocate.internal.ChannelFds;
import org.jfallocate.internal.PathFiles;

/**
 * {@code fallocate(2)}, {@code posix_fallocate(3)} and a portable {@link #preallocate} on a
 * file given as a {@link FileChannel}, a {@link Path}, a {@link FileDescriptor} or an int fd.
 *
 * <p>Every method checks its arguments in Java first ({@code offset >= 0}, {@code len > 0},
 * {@code offset + len} without overflow, a valid {@link FallocateMode}) and throws
 * {@link IllegalArgumentException} naming the argument and the rule. A call the kernel
 * refuses throws a {@link FallocateException} (or its {@link UnsupportedModeException} and
 * {@link NoSpaceException}) whose message names the call, the file, the mode, the range and
 * the errno. EINTR is retried. errno is captured per call and per thread.
 *
 * <p>A {@code Path} is opened read-write with {@code O_CLOEXEC} and closed before the
 * method returns; it is created (mode 0666 less the umask) only by the calls that allocate
 * from nothing: {@link FallocateMode#ALLOCATE}, {@link FallocateMode#WRITE_ZEROES},
 * {@code posixFallocate} and {@code preallocate}. A {@code FileChannel}'s descriptor is
 * reached through JDK internals, which needs the JVM flag
 * {@code --add-opens=java.base/sun.nio.ch=org.jfallocate} (or {@code =ALL-UNNAMED} on the
 * class path); without it those overloads throw an {@link UnsupportedOperationException}
 * that names the flag. A channel must not be closed by another thread during a call.
 *
 * @see <a href="https://man7.org/linux/man-pages/man2/fallocate.2.html">fallocate(2)</a>
 * @see <a href="https://man7.org/linux/man-pages/man3/posix_fallocate.3.html">posix_fallocate(3)</a>
 */
public final class Fallocate {
    private Fallocate() {
    }

    /**
     * fallocate(2) on a channel opened for writing. The channel's position is unchanged.
     *
     * @param channel an open channel with WRITE access, from {@code FileChannel.open} or a stream
     * @param mode    what to do; see {@link FallocateMode}
     * @param offset  the first byte of the range, {@code >= 0}
     * @param len     the length of the range in bytes, {@code > 0}
     * @throws IllegalArgumentException for a bad offset, len or fd, naming the rule
     * @throws ClosedChannelException   if the channel is closed
     * @throws UnsupportedModeException if the filesystem does not support the mode (EOPNOTSUPP), or the
     *                                  kernel has no fallocate(2) at all (ENOSYS)
     * @throws NoSpaceException         if the filesystem is out of space (ENOSPC)
     * @throws FallocateException       for any other error the kernel reports
     * @throws UnsupportedOperationException if not on Linux, or the JVM flag above is missing
     */
    public static void fallocate(FileChannel channel, FallocateMode mode, long offset, long len) throws IOException {
        NativeCall.fallocate(fdOf(channel), null, mode, offset, len);
    }

    /**
     * fallocate(2) on a file by path: opened (created for ALLOCATE and WRITE_ZEROES only),
     * used and closed within this call.
     *
     * @param path   the file
     * @param mode   what to do
     * @param offset the first byte of the range, {@code >= 0}
     * @param len    the length of the range in bytes, {@code > 0}
     * @throws java.nio.file.NoSuchFileException if the file does not exist and the mode does not create it
     * @throws java.nio.file.FileSystemException if the file cannot be opened for writing
     * @throws UnsupportedModeException if the filesystem does not support the mode
     * @throws NoSpaceException         if the filesystem is out of space
     * @throws FallocateException       for any other error the kernel reports
     * @throws IllegalArgumentException for a bad offset or len, naming the rule
     */
    public static void fallocate(Path path, FallocateMode mode, long offset, long len) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        NativeCall.checkArguments(0, mode, offset, len);
        int fd = PathFiles.openForWrite(path, mode.createsFile());
        try {
            NativeCall.fallocate(fd, path, mode, offset, len);
        } finally {
            PathFiles.close(fd, path);
        }
    }

    /**
     * fallocate(2) on a descriptor object, e.g. from a {@code FileOutputStream}.
     * Needs the same JVM flag as the {@code FileChannel} overload.
     *
     * @param fd     an open descriptor with write access
     * @param mode   what to do
     * @param offset the first byte of the range, {@code >= 0}
     * @param len    the length of the range in bytes, {@code > 0}
     * @throws IllegalArgumentException if the descriptor is not open, or for a bad offset or len
     * @throws FallocateException       (or a subtype) for an error the kernel reports
     */
    public static void fallocate(FileDescriptor fd, FallocateMode mode, long offset, long len) throws IOException {
        NativeCall.fallocate(ChannelFds.fdOf(Objects.requireNonNull(fd, "fd must not be null")), null, mode, offset, len);
    }

    /**
     * fallocate(2) on a raw descriptor number.
     *
     * @param fd     an open descriptor with write access, {@code >= 0}
     * @param mode   what to do
     * @param offset the first byte of the range, {@code >= 0}
     * @param len    the length of the range in bytes, {@code > 0}
     * @throws IllegalArgumentException for a negative fd, or a bad offset or len
     * @throws FallocateException       (or a subtype) for an error the kernel reports
     */
    public static void fallocate(int fd, FallocateMode mode, long offset, long len) throws IOException {
        NativeCall.fallocate(fd, null, mode, offset, len);
    }

    /**
     * posix_fallocate(3) on a channel: allocate the range, growing the file if needed. Where
     * the filesystem has no fallocate(2), glibc emulates it by writing a zero byte into
     * every block of the range that reads as zero, so it reads the file too: the emulation
     * needs a descriptor open for reading and writing, not opened with APPEND (EBADF). On a
     * write-only descriptor it fails with EBADF as soon as the range covers data already in
     * the file. Errors come back as the result, not through errno; they are reported the same
     * way as fallocate's.
     *
     * @param channel an open channel with READ and WRITE access, not APPEND
     * @param offset  the first byte of the range, {@code >= 0}
     * @param len     the length of the range in bytes, {@code > 0}
     * @throws NoSpaceException    if the filesystem is out of space
     * @throws FallocateException  for any other error
     */
    public static void posixFallocate(FileChannel channel, long offset, long len) throws IOException {
        NativeCall.posixFallocate(fdOf(channel), null, offset, len);
    }

    /**
     * posix_fallocate(3) on a file by path, created if missing.
     *
     * @param path   the file
     * @param offset the first byte of the range, {@code >= 0}
     * @param len    the length of the range in bytes, {@code > 0}
     * @throws FallocateException (or a subtype) for an error the call reports
     */
    public static void posixFallocate(Path path, long offset, long len) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        NativeCall.checkArguments(0, FallocateMode.ALLOCATE, offset, len);
        int fd = PathFiles.openForWrite(path, true);
        try {
            NativeCall.posixFallocate(fd, path, offset, len);
        } finally {
            PathFiles.close(fd, path);
        }
    }

    /**
     * posix_fallocate(3) on a descriptor object.
     *
     * @param fd     an open descriptor with write access
     * @param offset the first byte of the range, {@code >= 0}
     * @param len    the length of the range in bytes, {@code > 0}
     * @throws FallocateException (or a subtype) for an error the call reports
     */
    public static void posixFallocate(FileDescriptor fd, long offset, long len) throws IOException {
        NativeCall.posixFallocate(ChannelFds.fdOf(Objects.requireNonNull(fd, "fd must not be null")), null, offset, len);
    }

    /**
     * posix_fallocate(3) on a raw descriptor number.
     *
     * @param fd     an open descriptor with write access, {@code >= 0}
     * @param offset the first byte of the range, {@code >= 0}
     * @param len    the length of the range in bytes, {@code > 0}
     * @throws FallocateException (or a subtype) for an error the call reports
     */
    public static void posixFallocate(int fd, long offset, long len) throws IOException {
        NativeCall.posixFallocate(fd, null, offset, len);
    }

    /**
     * Reserve the range the fastest way this filesystem allows, growing the file if needed:
     * fallocate(2) mode 0, and where the filesystem does not support it (EOPNOTSUPP: ext2, for
     * example) or the kernel lacks it (ENOSYS), posix_fallocate(3)'s emulation, which writes a zero byte into every
     * block of the range. Afterwards the range is allocated either way.
     *
     * @param channel an open channel with WRITE access
     * @param offset  the first byte of the range, {@code >= 0}
     * @param len     the length of the range in bytes, {@code > 0}
     * @return which of the two did the work
     * @throws NoSpaceException   if the filesystem is out of space
     * @throws FallocateException for any other error
     */
    public static Preallocation preallocate(FileChannel channel, long offset, long len) throws IOException {
        return preallocate(fdOf(channel), null, offset, len);
    }

    /**
     * {@link #preallocate(FileChannel, long, long)} on a file by path, created if missing.
     *
     * @param path   the file
     * @param offset the first byte of the range, {@code >= 0}
     * @param len    the length of the range in bytes, {@code > 0}
     * @return which strategy did the work
     * @throws FallocateException (or a subtype) for an error the calls report
     */
    public static Preallocation preallocate(Path path, long offset, long len) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        NativeCall.checkArguments(0, FallocateMode.ALLOCATE, offset, len);
        int fd = PathFiles.openForWrite(path, true);
        try {
            return preallocate(fd, path, offset, len);
        } finally {
            PathFiles.close(fd, path);
        }
    }

    /**
     * {@link #preallocate(FileChannel, long, long)} on a raw descriptor number.
     *
     * @param fd     an open descriptor with write access, {@code >= 0}
     * @param offset the first byte of the range, {@code >= 0}
     * @param len    the length of the range in bytes, {@code > 0}
     * @return which strategy did the work
     * @throws FallocateException (or a subtype) for an error the calls report
     */
    public static Preallocation preallocate(int fd, long offset, long len) throws IOException {
        return preallocate(fd, null, offset, len);
    }

    static Preallocation preallocate(int fd, Path path, long offset, long len) throws IOException {
        try {
            NativeCall.fallocate(fd, path, FallocateMode.ALLOCATE, offset, len, "preallocate:fallocate");
            return Preallocation.FALLOCATE;
        } catch (UnsupportedModeException e) {
            NativeCall.posixFallocate(fd, path, offset, len, "preallocate-fallback:posix_fallocate");
            return Preallocation.POSIX_FALLOCATE_EMULATION;
        }
    }

    private static int fdOf(FileChannel channel) throws ClosedChannelException {
        Objects.requireNonNull(channel, "channel must not be null");
        if (!channel.isOpen()) {
            throw new ClosedChannelException();
        }
        return ChannelFds.fdOf(channel);
    }
}
