package org.jfallocate;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import org.jfallocate.internal.Errnos;
import org.jfallocate.internal.SyscallFailure;

/**
 * The Linux error numbers jfallocate reports, with their C names and glibc's text: the
 * table for any code that turns an errno into words, a command-line tool's messages
 * included. The numbers are the generic Linux ones, the same on x86_64 and aarch64. An
 * errno not listed here is reported by number ({@link #nameOf(int)}, {@link #textOf(int)}).
 */
public enum Errno {
    /** Operation not permitted: an immutable or sealed file, or an append-only one for every mode but 0 and KEEP_SIZE. */
    EPERM(Errnos.EPERM),
    /** No such file or directory. */
    ENOENT(Errnos.ENOENT),
    /** Interrupted system call; jfallocate retries these calls instead of reporting it. */
    EINTR(Errnos.EINTR),
    /** Input/output error, e.g. a filesystem that was shut down. */
    EIO(Errnos.EIO),
    /** No such device or address; lseek's SEEK_DATA/SEEK_HOLE at end of file. */
    ENXIO(Errnos.ENXIO),
    /** Bad file descriptor: closed, or not open for writing. */
    EBADF(Errnos.EBADF),
    /** Resource temporarily unavailable. */
    EAGAIN(Errnos.EAGAIN),
    /** Cannot allocate memory. */
    ENOMEM(Errnos.ENOMEM),
    /** Permission denied. */
    EACCES(Errnos.EACCES),
    /** File exists. */
    EEXIST(Errnos.EEXIST),
    /** No such device: the descriptor is not a regular file or directory. */
    ENODEV(Errnos.ENODEV),
    /** Not a directory. */
    ENOTDIR(Errnos.ENOTDIR),
    /** Is a directory. */
    EISDIR(Errnos.EISDIR),
    /** Invalid argument: bad offset or length, or an alignment the mode requires. */
    EINVAL(Errnos.EINVAL),
    /** Too many open files. */
    EMFILE(Errnos.EMFILE),
    /** Inappropriate ioctl for device. */
    ENOTTY(Errnos.ENOTTY),
    /** Text file busy: the file is an active swap file. */
    ETXTBSY(Errnos.ETXTBSY),
    /** File too large: offset + len is beyond the filesystem's maximum file size. */
    EFBIG(Errnos.EFBIG),
    /** No space left on device. */
    ENOSPC(Errnos.ENOSPC),
    /** Illegal seek: the descriptor is a pipe or FIFO. */
    ESPIPE(Errnos.ESPIPE),
    /** Read-only file system. */
    EROFS(Errnos.EROFS),
    /** File name too long. */
    ENAMETOOLONG(Errnos.ENAMETOOLONG),
    /** Function not implemented: the kernel has no fallocate(2) at all (a filesystem without it says EOPNOTSUPP). */
    ENOSYS(Errnos.ENOSYS),
    /** Too many levels of symbolic links. */
    ELOOP(Errnos.ELOOP),
    /** Value too large for defined data type. */
    EOVERFLOW(Errnos.EOVERFLOW),
    /** Operation not supported: the filesystem does not support this mode, or has no fallocate at all (ext2). */
    EOPNOTSUPP(Errnos.EOPNOTSUPP),
    /** Disk quota exceeded. */
    EDQUOT(Errnos.EDQUOT);

    private static final Errno[] BY_NUMBER = byNumber();

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    /** {@return the error number, e.g. 95 for EOPNOTSUPP} */
    public int number() {
        return number;
    }

    /** {@return glibc's text for the error, as strerror(3) gives it} */
    public String text() {
        return Errnos.text(number);
    }

    /**
     * The constant for an error number, or null when jfallocate does not know it.
     *
     * @param number an errno value
     * @return the constant, or null
     */
    public static Errno of(int number) {
        return number > 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }

    /**
     * The error number behind an exception jfallocate threw: a {@link FallocateException}, or
     * the {@link java.nio.file.FileSystemException} (NoSuchFileException, AccessDeniedException,
     * ...) of a failed open, close, stat, seek, read or ftruncate. The exception's type alone
     * is not enough to word a message: AccessDeniedException stands for both EACCES and EPERM.
     *
     * @param failure an exception, of any origin
     * @return its errno, or empty when it does not come from a failed system call of jfallocate
     */
    public static OptionalInt numberOf(IOException failure) {
        if (failure instanceof FallocateException f) {
            return OptionalInt.of(f.errnoValue());
        }
        if (failure instanceof SyscallFailure.Carrier c) {
            return OptionalInt.of(c.errnoValue());
        }
        return OptionalInt.empty();
    }

    /**
     * The error behind an exception jfallocate threw, as a constant; see {@link #numberOf(IOException)}.
     *
     * @param failure an exception, of any origin
     * @return its errno, or empty when it carries none or one this enum does not list
     */
    public static Optional<Errno> of(IOException failure) {
        OptionalInt n = numberOf(failure);
        return n.isPresent() ? Optional.ofNullable(of(n.getAsInt())) : Optional.empty();
    }

    /**
     * {@return the C name of an error number ("EOPNOTSUPP"), or "errno N" when unknown}
     *
     * @param number an errno value
     */
    public static String nameOf(int number) {
        return Errnos.name(number);
    }

    /**
     * {@return glibc's text for an error number, or "Unknown error N" as strerror(3) says it}
     *
     * @param number an errno value
     */
    public static String textOf(int number) {
        return Errnos.text(number);
    }

    private static Errno[] byNumber() {
        int max = 0;
        for (Errno e : values()) {
            max = Math.max(max, e.number);
        }
        Errno[] table = new Errno[max + 1];
        for (Errno e : values()) {
            table[e.number] = e;
        }
        return table;
    }
}
