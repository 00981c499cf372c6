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

    /** Whether the extent has {@code flag}. */
    public boolean has(ExtentFlag flag) {
        return flags.contains(flag);
    }

    /** Allocated but never written ({@link ExtentFlag#UNWRITTEN}): reads as zeros. */
    public boolean isUnwritten() {
        return flags.contains(ExtentFlag.UNWRITTEN);
    }

    /** The file's bytes this extent maps. */
    public ByteRange logicalRange() {
        return new ByteRange(logicalOffset, length);
    }
}
