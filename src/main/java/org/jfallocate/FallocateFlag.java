package org.jfallocate;

/**
 * The flags of {@code fallocate(2)}'s {@code mode} argument, with their C names, values and
 * the Linux version that added each ({@code linux/falloc.h}). Most callers want a ready
 * {@link FallocateMode} instead; these are its parts.
 *
 * @see <a href="https://man7.org/linux/man-pages/man2/fallocate.2.html">fallocate(2)</a>
 */
public enum FallocateFlag {
    /**
     * {@code FALLOC_FL_KEEP_SIZE} (0x01, Linux 2.6.23): allocate or zero without changing the
     * file size, even when the range reaches past the end of the file.
     */
    KEEP_SIZE(0x01, "2.6.23"),
    /**
     * {@code FALLOC_FL_PUNCH_HOLE} (0x02, Linux 2.6.38): deallocate the range; it then reads
     * as zeros. Must be combined with {@link #KEEP_SIZE}.
     */
    PUNCH_HOLE(0x02, "2.6.38"),
    /**
     * {@code FALLOC_FL_NO_HIDE_STALE} (0x04): reserved. No mainline filesystem implements it
     * and the kernel rejects it; jfallocate rejects it before the call.
     */
    NO_HIDE_STALE(0x04, "reserved"),
    /**
     * {@code FALLOC_FL_COLLAPSE_RANGE} (0x08, Linux 3.15): remove the range and shift the rest
     * of the file down by {@code len}; the file shrinks by {@code len}. Offset and length
     * must be multiples of the filesystem block size and the range must end before EOF.
     * Takes no other flag.
     */
    COLLAPSE_RANGE(0x08, "3.15"),
    /**
     * {@code FALLOC_FL_ZERO_RANGE} (0x10, Linux 3.15): make the range read as zeros, allocated
     * (usually as unwritten extents); grows the file unless {@link #KEEP_SIZE} is given.
     */
    ZERO_RANGE(0x10, "3.15"),
    /**
     * {@code FALLOC_FL_INSERT_RANGE} (0x20, Linux 4.1): insert a hole of {@code len} bytes at
     * {@code offset}, shifting the rest of the file up; the file grows by {@code len}.
     * Block-aligned, offset before EOF, takes no other flag.
     */
    INSERT_RANGE(0x20, "4.1"),
    /**
     * {@code FALLOC_FL_UNSHARE_RANGE} (0x40, Linux 4.9): give the range private copies of
     * blocks shared with other files (reflinks), so later writes cannot fail for lack of space.
     */
    UNSHARE_RANGE(0x40, "4.9"),
    /**
     * {@code FALLOC_FL_WRITE_ZEROES} (0x80, Linux 6.17): allocate the range as written zeros,
     * using the device's write-zeroes (unmap) command, so that later writes need no extent
     * conversion. Needs device support; takes no {@link #KEEP_SIZE}.
     */
    WRITE_ZEROES(0x80, "6.17");

    private final int value;
    private final String since;

    FallocateFlag(int value, String since) {
        this.value = value;
        this.since = since;
    }

    /** {@return the flag's value in C, e.g. 0x02 for {@code FALLOC_FL_PUNCH_HOLE}} */
    public int value() {
        return value;
    }

    /** {@return the Linux version that added the flag, e.g. "3.15", or "reserved"} */
    public String since() {
        return since;
    }

    /** {@return the C macro name, e.g. {@code FALLOC_FL_PUNCH_HOLE}} */
    public String cName() {
        return "FALLOC_FL_" + name();
    }
}
