package org.jfallocate;

/**
 * A range of bytes in a file, {@code [offset, offset + length)}.
 *
 * @param offset the first byte, {@code >= 0}
 * @param length the number of bytes, {@code >= 0}
 */
public record ByteRange(long offset, long length) {
    /**
     * A range, checked.
     *
     * @throws IllegalArgumentException if offset or length is negative, or their sum overflows
     */
    public ByteRange {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, was " + length);
        }
        if (offset > Long.MAX_VALUE - length) {
            throw new IllegalArgumentException("offset + length must not overflow, was offset=" + offset
                    + " + length=" + length);
        }
    }

    /** {@return the byte after the range, {@code offset + length}} */
    public long end() {
        return offset + length;
    }

    /**
     * {@return whether {@code other} lies wholly inside this range}
     *
     * @param other the range to look for in this one
     */
    public boolean contains(ByteRange other) {
        return other.offset >= offset && other.end() <= end();
    }

    /**
     * {@return whether the two ranges share at least one byte}
     *
     * @param other the range to compare with
     */
    public boolean overlaps(ByteRange other) {
        return other.offset < end() && offset < other.end();
    }

    /** {@code [offset, end)}, e.g. {@code [4096, 8192)}. */
    @Override
    public String toString() {
        return "[" + offset + ", " + end() + ")";
    }
}
