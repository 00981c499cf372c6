package org.jfallocate;

/** How {@link Fallocate#preallocate} reserved the space. */
public enum Preallocation {
    /** fallocate(2) mode 0: the filesystem allocated the blocks (usually as unwritten extents). */
    FALLOCATE,
    /**
     * The filesystem has no fallocate, so posix_fallocate(3) emulated it: glibc wrote a zero
     * byte into every block of the range that read as zero. Slower, writes real data, and not
     * safe against another process writing the same range at the same time.
     */
    POSIX_FALLOCATE_EMULATION
}
