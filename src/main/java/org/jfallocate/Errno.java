package org.jfallocate;

/**
 * The Linux error numbers jfallocate reports, with their C names and glibc's text. The
 * numbers are the generic Linux ones, the same on x86_64 and aarch64. An errno not listed
 * here is reported by number ({@link #nameOf(int)}).
 */
public enum Errno {
    /** Operation not permitted: immutable, append-only or sealed file. */
    EPERM(1, "Operation not permitted"),
    /** No such file or directory. */
    ENOENT(2, "No such file or directory"),
    /** Interrupted system call; jfallocate retries these calls instead of reporting it. */
    EINTR(4, "Interrupted system call"),
    /** Input/output error, e.g. a filesystem that was shut down. */
    EIO(5, "Input/output error"),
    /** No such device or address; lseek's SEEK_DATA/SEEK_HOLE at end of file. */
    ENXIO(6, "No such device or address"),
    /** Bad file descriptor: closed, or not open for writing. */
    EBADF(9, "Bad file descriptor"),
    /** Resource temporarily unavailable. */
    EAGAIN(11, "Resource temporarily unavailable"),
    /** Cannot allocate memory. */
    ENOMEM(12, "Cannot allocate memory"),
    /** Permission denied. */
    EACCES(13, "Permission denied"),
    /** File exists. */
    EEXIST(17, "File exists"),
    /** No such device: the descriptor is not a regular file or directory. */
    ENODEV(19, "No such device"),
    /** Not a directory. */
    ENOTDIR(20, "Not a directory"),
    /** Is a directory. */
    EISDIR(21, "Is a directory"),
    /** Invalid argument: bad offset or length, or an alignment the mode requires. */
    EINVAL(22, "Invalid argument"),
    /** Too many open files. */
    EMFILE(24, "Too many open files"),
    /** Inappropriate ioctl for device. */
    ENOTTY(25, "Inappropriate ioctl for device"),
    /** Text file busy: the file is an active swap file. */
    ETXTBSY(26, "Text file busy"),
    /** File too large: offset + len is beyond the filesystem's maximum file size. */
    EFBIG(27, "File too large"),
    /** No space left on device. */
    ENOSPC(28, "No space left on device"),
    /** Illegal seek: the descriptor is a pipe or FIFO. */
    ESPIPE(29, "Illegal seek"),
    /** Read-only file system. */
    EROFS(30, "Read-only file system"),
    /** File name too long. */
    ENAMETOOLONG(36, "File name too long"),
    /** Function not implemented: the kernel has no fallocate(2) at all (a filesystem without it says EOPNOTSUPP). */
    ENOSYS(38, "Function not implemented"),
    /** Too many levels of symbolic links. */
    ELOOP(40, "Too many levels of symbolic links"),
    /** Value too large for defined data type. */
    EOVERFLOW(75, "Value too large for defined data type"),
    /** Operation not supported: the filesystem does not support this mode, or has no fallocate at all (ext2). */
    EOPNOTSUPP(95, "Operation not supported"),
    /** Disk quota exceeded. */
    EDQUOT(122, "Disk quota exceeded");

    private static final Errno[] BY_NUMBER = byNumber();

    private final int number;
    private final String text;

    Errno(int number, String text) {
        this.number = number;
        this.text = text;
    }

    /** The error number, e.g. 95 for EOPNOTSUPP. */
    public int number() {
        return number;
    }

    /** glibc's text for the error, as strerror(3) gives it. */
    public String text() {
        return text;
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

    /** The C name of an error number ("EOPNOTSUPP"), or "errno N" when unknown. */
    public static String nameOf(int number) {
        Errno e = of(number);
        return e != null ? e.name() : "errno " + number;
    }

    /** glibc's text for an error number, or "Unknown error N" as strerror(3) says it. */
    public static String textOf(int number) {
        Errno e = of(number);
        return e != null ? e.text : "Unknown error " + number;
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
