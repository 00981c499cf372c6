package org.jfallocate;

/** Which call jfallocate made: the name used in messages and in flight-recorder events. */
public enum Operation {
    /** {@code fallocate(2)}: the system call, with a mode. */
    FALLOCATE("fallocate"),
    /**
     * {@code posix_fallocate(3)}: glibc's call, which uses fallocate(2) mode 0 and, where the
     * filesystem lacks it, emulates by writing a zero byte into every block of the range.
     */
    POSIX_FALLOCATE("posix_fallocate");

    private final String cName;

    Operation(String cName) {
        this.cName = cName;
    }

    /** {@return the C function's name, e.g. "posix_fallocate"} */
    public String cName() {
        return cName;
    }
}
