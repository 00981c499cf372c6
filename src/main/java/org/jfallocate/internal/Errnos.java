package org.jfallocate.internal;

/**
 * The one table of the Linux error numbers jfallocate knows: number, C name and glibc's
 * text, each written once, here. The numbers are the generic Linux ones, the same on x86_64
 * and aarch64. The public {@code org.jfallocate.Errno} enum is the typed view of this table
 * (its constants take their numbers and texts from here); code inside the binding uses the
 * int constants, which switches accept, and imports nothing from the API.
 */
public final class Errnos {
    private Errnos() {
    }

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int ENXIO = 6;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int ENOTDIR = 20;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int EMFILE = 24;
    public static final int ENOTTY = 25;
    public static final int ETXTBSY = 26;
    public static final int EFBIG = 27;
    public static final int ENOSPC = 28;
    public static final int ESPIPE = 29;
    public static final int EROFS = 30;
    public static final int ENAMETOOLONG = 36;
    public static final int ENOSYS = 38;
    public static final int ELOOP = 40;
    public static final int EOVERFLOW = 75;
    public static final int EOPNOTSUPP = 95;
    public static final int EDQUOT = 122;

    private static final String[] NAMES = new String[EDQUOT + 1];
    private static final String[] TEXTS = new String[EDQUOT + 1];

    static {
        define(EPERM, "EPERM", "Operation not permitted");
        define(ENOENT, "ENOENT", "No such file or directory");
        define(EINTR, "EINTR", "Interrupted system call");
        define(EIO, "EIO", "Input/output error");
        define(ENXIO, "ENXIO", "No such device or address");
        define(EBADF, "EBADF", "Bad file descriptor");
        define(EAGAIN, "EAGAIN", "Resource temporarily unavailable");
        define(ENOMEM, "ENOMEM", "Cannot allocate memory");
        define(EACCES, "EACCES", "Permission denied");
        define(EEXIST, "EEXIST", "File exists");
        define(ENODEV, "ENODEV", "No such device");
        define(ENOTDIR, "ENOTDIR", "Not a directory");
        define(EISDIR, "EISDIR", "Is a directory");
        define(EINVAL, "EINVAL", "Invalid argument");
        define(EMFILE, "EMFILE", "Too many open files");
        define(ENOTTY, "ENOTTY", "Inappropriate ioctl for device");
        define(ETXTBSY, "ETXTBSY", "Text file busy");
        define(EFBIG, "EFBIG", "File too large");
        define(ENOSPC, "ENOSPC", "No space left on device");
        define(ESPIPE, "ESPIPE", "Illegal seek");
        define(EROFS, "EROFS", "Read-only file system");
        define(ENAMETOOLONG, "ENAMETOOLONG", "File name too long");
        define(ENOSYS, "ENOSYS", "Function not implemented");
        define(ELOOP, "ELOOP", "Too many levels of symbolic links");
        define(EOVERFLOW, "EOVERFLOW", "Value too large for defined data type");
        define(EOPNOTSUPP, "EOPNOTSUPP", "Operation not supported");
        define(EDQUOT, "EDQUOT", "Disk quota exceeded");
    }

    private static void define(int number, String name, String text) {
        NAMES[number] = name;
        TEXTS[number] = text;
    }

    /** Whether this table has the number. */
    public static boolean known(int errno) {
        return errno > 0 && errno < NAMES.length && NAMES[errno] != null;
    }

    /** The C name ("EOPNOTSUPP"), or "errno N" when unknown. */
    public static String name(int errno) {
        return known(errno) ? NAMES[errno] : "errno " + errno;
    }

    /** glibc's text ("Operation not supported"), or "Unknown error N" as strerror(3) says it. */
    public static String text(int errno) {
        return known(errno) ? TEXTS[errno] : "Unknown error " + errno;
    }

    /** "EOPNOTSUPP (Operation not supported)", for messages. */
    public static String describe(int errno) {
        return name(errno) + " (" + text(errno) + ")";
    }
}
