package org.jfallocate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Test files with recognisable content, and checks on byte ranges. */
public final class FileBytes {
    private FileBytes() {
    }

    /** Bytes where every position holds a value derived from its offset, never 0. */
    public static byte[] pattern(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (1 + (i * 31 + (i >>> 12)) % 251);
        }
        return b;
    }

    /** Writes {@link #pattern} of {@code length} bytes to {@code file} and returns it. */
    public static byte[] writePattern(Path file, int length) throws IOException {
        byte[] b = pattern(length);
        Files.write(file, b);
        return b;
    }

    /** True if {@code b[from, to)} is all zeros. */
    public static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code b[from, to)} as a new array. */
    public static byte[] slice(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, to);
    }
}
