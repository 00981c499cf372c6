package org.jfallocate;

import java.util.EnumSet;
import java.util.Set;

/**
 * The flags of a FIEMAP extent ({@code fe_flags} in {@code linux/fiemap.h}), with their C
 * names and values.
 *
 * @see <a href="https://docs.kernel.org/filesystems/fiemap.html">Fiemap ioctl</a>
 */
public enum ExtentFlag {
    /** The last extent of the file. */
    LAST("FIEMAP_EXTENT_LAST", 0x1),
    /** The data's location is unknown; {@code physicalOffset} is meaningless. */
    UNKNOWN("FIEMAP_EXTENT_UNKNOWN", 0x2),
    /** Delayed allocation: written to the page cache, no blocks chosen yet (also sets UNKNOWN). */
    DELALLOC("FIEMAP_EXTENT_DELALLOC", 0x4),
    /** The data is compressed or otherwise encoded; it cannot be read from the device directly. */
    ENCODED("FIEMAP_EXTENT_ENCODED", 0x8),
    /** The data is encrypted on the device. */
    DATA_ENCRYPTED("FIEMAP_EXTENT_DATA_ENCRYPTED", 0x80),
    /** The extent's offsets are not block-aligned. */
    NOT_ALIGNED("FIEMAP_EXTENT_NOT_ALIGNED", 0x100),
    /** The data lives in a metadata block (inline data). */
    DATA_INLINE("FIEMAP_EXTENT_DATA_INLINE", 0x200),
    /** The data is packed into a block shared with other files' tails. */
    DATA_TAIL("FIEMAP_EXTENT_DATA_TAIL", 0x400),
    /** Allocated but never written: reads return zeros. What fallocate(2) leaves behind. */
    UNWRITTEN("FIEMAP_EXTENT_UNWRITTEN", 0x800),
    /** Made by merging per-block records; the filesystem does not track extents (ext2's block maps). */
    MERGED("FIEMAP_EXTENT_MERGED", 0x1000),
    /** The blocks are shared with another file or snapshot (reflink). */
    SHARED("FIEMAP_EXTENT_SHARED", 0x2000);

    private final String cName;
    private final int value;

    ExtentFlag(String cName, int value) {
        this.cName = cName;
        this.value = value;
    }

    /** {@return the C name, e.g. {@code FIEMAP_EXTENT_UNWRITTEN}} */
    public String cName() {
        return cName;
    }

    /** {@return the bit in {@code fe_flags}} */
    public int value() {
        return value;
    }

    /**
     * The known flags set in {@code feFlags}; bits this library does not know are ignored.
     *
     * @param feFlags the {@code fe_flags} of one extent
     * @return the flags, a new mutable set
     */
    public static Set<ExtentFlag> decode(int feFlags) {
        Set<ExtentFlag> set = EnumSet.noneOf(ExtentFlag.class);
        for (ExtentFlag f : values()) {
            if ((feFlags & f.value) != 0) {
                set.add(f);
            }
        }
        return set;
    }
}
