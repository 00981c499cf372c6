package org.jfallocate;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One extent of a file as the FIEMAP ioctl reports it: a run of the file's bytes stored
 * contiguously on the device.
 *
 * @param logicalOffset  where the extent starts in the file, in bytes
 * @param physicalOffset where it starts on the device, in bytes (meaningless with {@link ExtentFlag#UNKNOWN})
 * @param length         its length in bytes
 * @param flags          its flags, unmodifiable, in the order of {@link ExtentFlag}
 */
public record Extent(long logicalOffset, long physicalOffset, long length, Set<ExtentFlag> flags) {
    /** An extent; the flags are copied. */
    public Extent {
        // An EnumSet keeps the flags in their C order, so toString is stable between runs.
        EnumSet<ExtentFlag> copy = EnumSet.noneOf(ExtentFlag.class);
        copy.addAll(flags);
        flags = Collections.unmodifiableSet(copy);
    }

    /**
     * {@return whether the extent has {@code flag}}
     *
     * @param flag the flag to look for
     */
    public boolean has(ExtentFlag flag) {
        return flags.contains(flag);
    }

    /** {@return whether the extent is allocated but never written ({@link ExtentFlag#UNWRITTEN}): it reads as zeros} */
    public boolean isUnwritten() {
        return flags.contains(ExtentFlag.UNWRITTEN);
    }

    /** {@return the file's bytes this extent maps} */
    public ByteRange logicalRange() {
        return new ByteRange(logicalOffset, length);
    }
}
