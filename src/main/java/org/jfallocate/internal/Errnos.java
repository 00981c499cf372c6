package org.jfallocate.internal;

import org.jfallocate.Errno;

/** errno values as compile-time constants for switches, and "NAME (text)" for messages. */
public final class Errnos {
    private Errnos() {
    }

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int ENXIO = 6;
    public static final int EACCES = 13;
    public static final int EEXIST = 17;
    public static final int ENOTTY = 25;
    public static final int ENOSPC = 28;
    public static final int ENOSYS = 38;
    public static final int EOPNOTSUPP = 95;

    /** "EOPNOTSUPP (Operation not supported)". */
    public static String describe(int errno) {
        return Errno.nameOf(errno) + " (" + Errno.textOf(errno) + ")";
    }
}
