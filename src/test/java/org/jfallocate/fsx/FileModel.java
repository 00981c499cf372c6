package org.jfallocate.fsx;

import java.util.Arrays;

/**
 * What a file should hold, by fallocate(2)'s manual: its bytes (zeros past the end, always)
 * and its size, with each operation's effect applied the way the kernel must apply it.
 * Callers keep every range inside {@link #capacity()}.
 */
final class FileModel {
    private final byte[] bytes;
    private int size;

    FileModel(int capacity) {
        this.bytes = new byte[capacity];
    }

    int capacity() {
        return bytes.length;
    }

    int size() {
        return size;
    }

    /** The expected content, {@code [0, size)}. */
    byte[] content() {
        return Arrays.copyOf(bytes, size);
    }

    void write(int offset, byte[] data) {
        System.arraycopy(data, 0, bytes, offset, data.length);
        size = Math.max(size, offset + data.length);
    }

    /** ftruncate: shrinking drops the tail, growing reads back zeros. */
    void truncate(int newSize) {
        if (newSize < size) {
            Arrays.fill(bytes, newSize, size, (byte) 0);
        }
        size = newSize;
    }

    /** Mode 0 (and UNSHARE): bytes unchanged; the size grows to cover the range unless KEEP_SIZE. */
    void allocate(int offset, int len, boolean keepSize) {
        if (!keepSize) {
            size = Math.max(size, offset + len);
        }
    }

    /** PUNCH_HOLE (always with KEEP_SIZE): the range inside the file reads back zeros. */
    void punchHole(int offset, int len) {
        zeroWithinSize(offset, len);
    }

    /** ZERO_RANGE (and WRITE_ZEROES): zeros, and the size grows to cover the range unless KEEP_SIZE. */
    void zeroRange(int offset, int len, boolean keepSize) {
        zeroWithinSize(offset, len);
        allocate(offset, len, keepSize);
    }

    /** COLLAPSE_RANGE: the range disappears, what follows moves down; {@code offset + len < size}. */
    void collapse(int offset, int len) {
        System.arraycopy(bytes, offset + len, bytes, offset, size - offset - len);
        Arrays.fill(bytes, size - len, size, (byte) 0);
        size -= len;
    }

    /** INSERT_RANGE: a hole of {@code len} zeros opens at offset, what follows moves up; {@code offset < size}. */
    void insert(int offset, int len) {
        System.arraycopy(bytes, offset, bytes, offset + len, size - offset);
        Arrays.fill(bytes, offset, offset + len, (byte) 0);
        size += len;
    }

    private void zeroWithinSize(int offset, int len) {
        int end = Math.min(size, offset + len);
        if (offset < end) {
            Arrays.fill(bytes, offset, end, (byte) 0);
        }
    }
}
