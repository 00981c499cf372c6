package org.jfallocate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A failed {@code fallocate(2)} or {@code posix_fallocate(3)} call. The message names the
 * operation, the file (path when known, and fd), the mode, offset, length, the errno's name
 * and text, and what it usually means:
 * <pre>
 * fallocate(/data/wal fd=7, PUNCH_HOLE|KEEP_SIZE, offset=0, len=4096) failed:
 *     EOPNOTSUPP (Operation not supported): this filesystem (tmpfs) does not support this mode
 * </pre>
 * Errors that callers handle differently have their own types:
 * {@link UnsupportedModeException} and {@link NoSpaceException}.
 */
public class FallocateException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The call that failed. */
    private final Operation operation;
    private final transient Path path;
    /** The descriptor the call was made on. */
    private final int fd;
    private final transient FallocateMode mode;
    /** The offset argument. */
    private final long offset;
    /** The len argument. */
    private final long length;
    /** The raw error number. */
    private final int errno;

    FallocateException(CallSite call, int errno, String hint) {
        super(call.describe(call.operation, call.mode, call.offset, call.length)
                + " failed: " + Errno.nameOf(errno) + " (" + Errno.textOf(errno) + ")"
                + (hint == null ? "" : ": " + hint));
        this.operation = call.operation;
        this.path = call.path;
        this.fd = call.fd;
        this.mode = call.mode;
        this.offset = call.offset;
        this.length = call.length;
        this.errno = errno;
    }

    /** {@return the call that failed} */
    public Operation operation() {
        return operation;
    }

    /**
     * The file's path: the one the call was given, else the descriptor's as
     * {@code /proc/self/fd/N} showed it when the call failed; empty without /proc.
     *
     * @return the path, when known
     */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** {@return the file descriptor the call was made on} */
    public int fd() {
        return fd;
    }

    /** {@return the mode of the call; {@link FallocateMode#ALLOCATE} for posix_fallocate} */
    public FallocateMode mode() {
        return mode;
    }

    /** {@return the offset argument, in bytes} */
    public long offset() {
        return offset;
    }

    /** {@return the len argument, in bytes} */
    public long length() {
        return length;
    }

    /** {@return the error number the call reported} */
    public int errnoValue() {
        return errno;
    }

    /** {@return the error as a constant, or null for an errno jfallocate does not know} */
    public Errno errno() {
        return Errno.of(errno);
    }

    /** The parts of a call that a failure message names; built only when a call fails. */
    record CallSite(Operation operation, Path path, int fd, FallocateMode mode, long offset, long length) {
        String describe(Operation op, FallocateMode m, long off, long len) {
            String file = (path == null ? "" : path + " ") + "fd=" + fd;
            String modePart = op == Operation.FALLOCATE ? ", " + m : "";
            return op.cName() + "(" + file + modePart + ", offset=" + off + ", len=" + len + ")";
        }
    }
}
