package org.jfallocate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import org.jfallocate.internal.Errnos;
import org.jfallocate.internal.LibC;
import org.jfallocate.internal.PathFiles;
import org.jfallocate.internal.SeekRanges;
import org.jfallocate.internal.SyscallFailure;
import org.jfallocate.internal.Syscalls;

/**
 * A file opened by jfallocate itself, owning its descriptor, for any number of
 * fallocate(2), posix_fallocate(3), ftruncate(2), statx(2), lseek(2) and pread(2) calls:
 * <pre>{@code
 * try (FallocateFile file = FallocateFile.open(wal, StandardOpenOption.CREATE)) {
 *     ReserveAhead reserve = file.reserveAhead(64 << 20, 16 << 20, ReserveAhead.Fallback.SKIP);
 *     reserve.ensure(written);                 // before each write at 'written'
 *     ...
 *     file.trim(written);                      // at the end: give back what was not written
 * }
 * }</pre>
 *
 * <p>It needs no {@code --add-opens}: the descriptor comes from the binding's own
 * {@code open(2)}, always with {@code O_CLOEXEC} (a child process never inherits it), not
 * from a {@link FileChannel}'s internals. And unlike the {@code Path} overloads of
 * {@link Fallocate}, the file is opened once, not on every call.
 *
 * <p><b>No descriptor reuse.</b> A raw int fd can be closed by another thread while a call
 * on it is in progress, and the number given to a file opened meanwhile: the call then
 * allocates, punches or truncates the wrong file. A {@code FallocateFile} counts the calls in
 * progress; {@link #close()} marks it closed at once (later calls throw
 * {@link ClosedChannelException}) and closes the descriptor only after the calls in progress
 * have returned, so its number cannot be reused under them. Every method may be called from
 * any thread.
 */
public final class FallocateFile implements AutoCloseable {
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 01;
    private static final int O_RDWR = 02;
    private static final int O_CREAT = 0100;
    private static final int O_EXCL = 0200;
    private static final int O_TRUNC = 01000;
    // The sign bit of 'state': set by close(); the other bits count the calls in progress.
    private static final int CLOSED = Integer.MIN_VALUE;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(FallocateFile.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int fd;
    private final Path path;
    private final String openMode;
    @SuppressWarnings("unused") // read and written through STATE
    private volatile int state;

    private FallocateFile(int fd, Path path, String openMode) {
        this.fd = fd;
        this.path = path;
        this.openMode = openMode;
    }

    /**
     * Opens a file with {@code open(2)} and {@code O_CLOEXEC}. The options are those of
     * {@link FileChannel#open(Path, OpenOption...)}, of which these are supported:
     * {@link StandardOpenOption#READ READ} and {@link StandardOpenOption#WRITE WRITE}
     * ({@code O_RDONLY}, {@code O_WRONLY}, or {@code O_RDWR} for both; with neither, the file
     * is opened read-write as util-linux fallocate(1) opens it),
     * {@link StandardOpenOption#CREATE CREATE} ({@code O_CREAT}, mode 0666 less the umask),
     * {@link StandardOpenOption#CREATE_NEW CREATE_NEW} ({@code O_CREAT|O_EXCL}) and
     * {@link StandardOpenOption#TRUNCATE_EXISTING TRUNCATE_EXISTING} ({@code O_TRUNC}).
     *
     * <p>Open it for writing to change it: fallocate(2) and ftruncate(2) need a descriptor
     * open for writing. posix_fallocate(3)'s emulation (where the filesystem has no
     * fallocate, as on ext2) also reads the file: on a descriptor opened write-only it fails
     * with EBADF once the file holds data. {@code APPEND} is refused: that emulation cannot
     * write where it must on an {@code O_APPEND} descriptor.
     *
     * @param path    the file
     * @param options how to open it; none means read-write, without creating it
     * @return the open file, to be closed by the caller
     * @throws IllegalArgumentException        for an option that is not supported, naming it
     * @throws java.nio.file.NoSuchFileException      if the file does not exist and is not to be created
     * @throws java.nio.file.FileAlreadyExistsException with CREATE_NEW, if it exists
     * @throws java.nio.file.AccessDeniedException    if the file may not be opened this way (EACCES, EPERM)
     * @throws FileSystemException             for any other error of open(2), naming the errno
     * @throws IOException                     for other I/O errors
     * @throws UnsupportedOperationException   if native calls are not possible here (not Linux)
     */
    public static FallocateFile open(Path path, OpenOption... options) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(options, "options must not be null");
        LibC.requireAvailable();
        boolean read = false;
        boolean write = false;
        int flags = 0;
        for (OpenOption option : options) {
            if (option == StandardOpenOption.READ) {
                read = true;
            } else if (option == StandardOpenOption.WRITE) {
                write = true;
            } else if (option == StandardOpenOption.CREATE) {
                flags |= O_CREAT;
            } else if (option == StandardOpenOption.CREATE_NEW) {
                flags |= O_CREAT | O_EXCL;
            } else if (option == StandardOpenOption.TRUNCATE_EXISTING) {
                flags |= O_TRUNC;
            } else {
                throw new IllegalArgumentException("options must be READ, WRITE, CREATE, CREATE_NEW or "
                        + "TRUNCATE_EXISTING, was " + option);
            }
        }
        String openMode;
        if (read == write) {
            flags |= O_RDWR;
            openMode = "O_RDWR";
        } else if (write) {
            flags |= O_WRONLY;
            openMode = "O_WRONLY";
        } else {
            flags |= O_RDONLY;
            openMode = "O_RDONLY";
        }
        return new FallocateFile(PathFiles.open(path, flags), path, openMode);
    }

    /**
     * fallocate(2) on this file; see {@link Fallocate#fallocate(FileChannel, FallocateMode, long, long)}.
     *
     * @param mode   what to do
     * @param offset the first byte of the range, {@code >= 0}
     * @param len    the length of the range in bytes, {@code > 0}
     * @throws IllegalArgumentException for a bad offset or len, naming the rule
     * @throws ClosedChannelException   if this file is closed
     * @throws UnsupportedModeException if the filesystem does not support the mode (EOPNOTSUPP),
     *                                  or the kernel has no fallocate at all (ENOSYS)
     * @throws NoSpaceException         if the filesystem is out of space (ENOSPC)
     * @throws FallocateException       for any other error the kernel reports
     */
    public void fallocate(FallocateMode mode, long offset, long len) throws IOException {
        acquire();
        try {
            NativeCall.fallocate(fd, path, mode, offset, len);
        } finally {
            release();
        }
    }

    /**
     * posix_fallocate(3) on this file; see {@link Fallocate#posixFallocate(FileChannel, long, long)}.
     *
     * @param offset the first byte of the range, {@code >= 0}
     * @param len    the length of the range in bytes, {@code > 0}
     * @throws IllegalArgumentException for a bad offset or len, naming the rule
     * @throws ClosedChannelException   if this file is closed
     * @throws NoSpaceException         if the filesystem is out of space
     * @throws FallocateException       for any other error the call returns
     */
    public void posixFallocate(long offset, long len) throws IOException {
        acquire();
        try {
            NativeCall.posixFallocate(fd, path, offset, len);
        } finally {
            release();
        }
    }

    /**
     * fallocate(2) mode 0, or posix_fallocate(3)'s emulation where the filesystem has no
     * fallocate; see {@link Fallocate#preallocate(FileChannel, long, long)}. Either way the
     * file grows to cover the range.
     *
     * @param offset the first byte of the range, {@code >= 0}
     * @param len    the length of the range in bytes, {@code > 0}
     * @return which of the two did the work
     * @throws IllegalArgumentException for a bad offset or len, naming the rule
     * @throws ClosedChannelException   if this file is closed
     * @throws NoSpaceException         if the filesystem is out of space
     * @throws FallocateException       for any other error
     */
    public Preallocation preallocate(long offset, long len) throws IOException {
        acquire();
        try {
            return Fallocate.preallocate(fd, path, offset, len);
        } finally {
            release();
        }
    }

    /**
     * Sets the file's size to {@code size} with ftruncate(2), which also gives back every
     * block allocated beyond it, those reserved with {@link FallocateMode#KEEP_SIZE}
     * included: the way to release a reservation when a log is closed at its written end,
     * as RocksDB does. The two calls that look as if they would do it do not:
     * {@code PUNCH_HOLE} beyond the end of the file is ignored by ext4 (it punches only up
     * to the size), and {@code FileChannel.truncate(size())} does nothing at all, because
     * that method never calls ftruncate unless the new size is smaller than the current one.
     * A size greater than the current one grows the file with a hole.
     *
     * @param size the new size in bytes, {@code >= 0}: usually the end of the written data
     * @throws IllegalArgumentException if size is negative
     * @throws ClosedChannelException   if this file is closed
     * @throws FileSystemException      if ftruncate fails (EINVAL or EBADF on a descriptor not
     *                                  open for writing, EPERM on an append-only file...),
     *                                  naming the path and the errno
     */
    public void trim(long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + size);
        }
        acquire();
        try {
            Syscalls os = Syscalls.current();
            int e;
            do {
                e = os.ftruncate(fd, size);
            } while (e == Errnos.EINTR);
            if (e == 0) {
                return;
            }
            throw SyscallFailure.of(path.toString(), "ftruncate(fd=" + fd + ", " + size + ")", e);
        } finally {
            release();
        }
    }

    /**
     * The file's size and allocation now, from statx(2).
     *
     * @return its size and allocated bytes
     * @throws ClosedChannelException if this file is closed
     * @throws IOException            if statx fails, naming the errno
     */
    public FileSpace space() throws IOException {
        acquire();
        try {
            return FileSpace.of(fd);
        } finally {
            release();
        }
    }

    /**
     * The file's layout now: its data ranges and holes (lseek(2) SEEK_DATA/SEEK_HOLE) and
     * extents (FIEMAP). The descriptor's file offset is not changed.
     *
     * @return its layout
     * @throws ClosedChannelException if this file is closed
     * @throws IOException            if a system call fails, naming the errno
     */
    public FileLayout layout() throws IOException {
        acquire();
        try {
            return FileLayout.of(fd);
        } finally {
            release();
        }
    }

    /**
     * lseek(2) with SEEK_DATA: where the next data is at or after {@code offset}. Unlike
     * {@link #layout()}, this works on whatever was opened (a directory, a block device, a
     * character device), and the kernel answers as it does for each: a filesystem without
     * hole tracking, or a block device, reports data everywhere up to the size. It moves the
     * descriptor's file offset, which none of this class's other calls use.
     *
     * @param offset where to start looking, {@code >= 0}
     * @return the offset of the next data, or empty if there is none at or after
     *         {@code offset} (ENXIO: past the end, or only a hole follows)
     * @throws IllegalArgumentException if offset is negative
     * @throws ClosedChannelException   if this file is closed
     * @throws FileSystemException      if lseek fails otherwise (ESPIPE on a FIFO or socket,
     *                                  EINVAL where the file type has no SEEK_DATA), naming
     *                                  the call and the errno ({@link Errno#numberOf})
     */
    public OptionalLong seekData(long offset) throws IOException {
        return seek(offset, SeekRanges.SEEK_DATA, "SEEK_DATA");
    }

    /**
     * lseek(2) with SEEK_HOLE: where the next hole is at or after {@code offset}; the end of
     * the file counts as one. See {@link #seekData(long)} for the file types.
     *
     * @param offset where to start looking, {@code >= 0}
     * @return the offset of the next hole, or empty if {@code offset} is at or past the end
     *         (ENXIO)
     * @throws IllegalArgumentException if offset is negative
     * @throws ClosedChannelException   if this file is closed
     * @throws FileSystemException      if lseek fails otherwise, naming the call and the errno
     */
    public OptionalLong seekHole(long offset) throws IOException {
        return seek(offset, SeekRanges.SEEK_HOLE, "SEEK_HOLE");
    }

    private OptionalLong seek(long offset, int whence, String whenceName) throws IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        acquire();
        try {
            long at = Syscalls.current().lseek(fd, offset, whence);
            if (at >= 0) {
                return OptionalLong.of(at);
            }
            if (at == -Errnos.ENXIO) {
                return OptionalLong.empty();
            }
            throw SyscallFailure.of(path.toString(), "lseek(fd=" + fd + ", " + offset + ", " + whenceName + ")",
                    (int) -at);
        } finally {
            release();
        }
    }

    /**
     * pread(2): reads up to {@code dst.remaining()} bytes from {@code position} into
     * {@code dst}, as {@link FileChannel#read(ByteBuffer, long)} does: the buffer's position
     * advances by the bytes read, the descriptor's file offset does not move, and EINTR is
     * retried. The file must have been opened for reading (READ, or neither READ nor WRITE).
     *
     * @param dst      where the bytes go; a heap buffer is filled through a native copy
     * @param position the file offset to read from, {@code >= 0}
     * @return the number of bytes read, possibly 0 (a full buffer), or -1 when
     *         {@code position} is at or past the end of the file
     * @throws IllegalArgumentException if position is negative or dst is read-only
     * @throws ClosedChannelException   if this file is closed
     * @throws FileSystemException      if pread fails (EISDIR on a directory, EBADF on a
     *                                  descriptor opened write-only, EIO...), naming the call
     *                                  and the errno ({@link Errno#numberOf})
     */
    public int read(ByteBuffer dst, long position) throws IOException {
        Objects.requireNonNull(dst, "dst must not be null");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, was " + position);
        }
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("dst must not be a read-only buffer");
        }
        int want = dst.remaining();
        if (want == 0) {
            return 0;
        }
        acquire();
        try {
            long n;
            if (dst.isDirect()) {
                n = pread(MemorySegment.ofBuffer(dst), want, position);
            } else {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment bounce = arena.allocate(want);
                    n = pread(bounce, want, position);
                    if (n > 0) {
                        MemorySegment.ofBuffer(dst).copyFrom(bounce.asSlice(0, n));
                    }
                }
            }
            if (n < 0) {
                throw SyscallFailure.of(path.toString(), "pread(fd=" + fd + ", " + want + ", " + position + ")",
                        (int) -n);
            }
            if (n == 0) {
                return -1;
            }
            dst.position(dst.position() + (int) n);
            return (int) n;
        } finally {
            release();
        }
    }

    // One pread, EINTR retried: the bytes read or -errno.
    private long pread(MemorySegment buf, int count, long position) {
        Syscalls os = Syscalls.current();
        long n;
        do {
            n = os.pread(fd, buf, count, position);
        } while (n == -Errnos.EINTR);
        return n;
    }

    /**
     * Keeps at least {@code ahead} bytes reserved beyond a write position, in steps of
     * {@code step} bytes, with {@link FallocateMode#KEEP_SIZE}: RocksDB's PrepareWrite.
     *
     * @param ahead    how many bytes beyond the write position must stay reserved, {@code > 0}
     * @param step     the granularity of each reservation, {@code > 0}: larger means fewer calls
     * @param fallback what to do where the filesystem has no fallocate (ext2), chosen by the caller
     * @return the reservation, to be told the write position before each write
     * @throws IllegalArgumentException if ahead or step is not positive, or fallback is null
     */
    public ReserveAhead reserveAhead(long ahead, long step, ReserveAhead.Fallback fallback) {
        return new ReserveAhead(this, ahead, step, fallback);
    }

    /**
     * The descriptor's number, for messages and for calls this class does not make. It
     * stays valid only until {@link #close()}; a call on it is exposed to the reuse race that
     * this class's own methods are not.
     *
     * @return the int file descriptor
     */
    public int fd() {
        return fd;
    }

    /**
     * The path the file was opened with.
     *
     * @return the path as given to {@link #open}
     */
    public Path path() {
        return path;
    }

    /**
     * Whether {@link #close()} has not been called yet.
     *
     * @return true while the file is open
     */
    public boolean isOpen() {
        return (int) STATE.getVolatile(this) >= 0;
    }

    /**
     * Closes the descriptor, once the calls in progress on other threads have returned: this
     * waits for them. Later calls throw {@link ClosedChannelException}. Closing twice does
     * nothing.
     *
     * @throws FileSystemException if close(2) reports an error (EIO), naming the path
     */
    @Override
    public void close() throws IOException {
        int s;
        do {
            s = (int) STATE.getVolatile(this);
            if (s < 0) {
                return;
            }
        } while (!STATE.compareAndSet(this, s, s | CLOSED));
        for (int spins = 0; (int) STATE.getVolatile(this) != CLOSED; spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(100_000); // a posix_fallocate emulation can take seconds
            }
        }
        PathFiles.close(fd, path);
    }

    /**
     * For messages: the path, the fd number and how it was opened.
     *
     * @return e.g. {@code FallocateFile[/data/wal fd=7 O_RDWR]}, with "closed" once closed
     */
    @Override
    public String toString() {
        return "FallocateFile[" + path + " fd=" + fd + " " + openMode + (isOpen() ? "" : " closed") + "]";
    }

    // One atomic add each way: the cost of making close() wait for the calls in progress.
    private void acquire() throws ClosedChannelException {
        if ((int) STATE.getAndAdd(this, 1) < 0) {
            STATE.getAndAdd(this, -1);
            throw new ClosedChannelException();
        }
    }

    private void release() {
        STATE.getAndAdd(this, -1);
    }
}
