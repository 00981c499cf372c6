package org.jfallocate.cli;

/**
 * Bytes as util-linux's {@code size_to_human_string(SIZE_SUFFIX_3LETTER | SIZE_SUFFIX_SPACE)}
 * writes them in fallocate's verbose messages: "1 KiB", "976.6 KiB", "0 B". Powers of 1024,
 * one rounded decimal at most, the C locale's decimal point.
 */
final class HumanSize {
    private static final String LETTERS = "BKMGTPE";

    private HumanSize() {
    }

    /** {@code bytes} is unsigned, as the C function's uint64_t. */
    static String format(long bytes) {
        int exp = exponent(bytes);
        char unit = LETTERS.charAt(exp == 0 ? 0 : exp / 10);
        String suffix = " " + unit + (unit != 'B' ? "iB" : "");
        long dec = exp == 0 ? bytes : bytes >>> exp;
        long frac = exp == 0 ? 0 : bytes & ((1L << exp) - 1);
        if (frac != 0) {
            // three digits after the point, then rounded to one
            if (Long.compareUnsigned(frac, Long.divideUnsigned(-1L, 1000)) >= 0) {
                frac = ((frac / 1024) * 1000) / (1L << (exp - 10));
            } else {
                frac = (frac * 1000) / (1L << exp);
            }
            frac = ((frac + 50) / 100) * 10;
            if (frac == 100) {
                dec++;
                frac = 0;
            }
        }
        if (frac == 0) {
            return dec + suffix;
        }
        String digits = String.format(java.util.Locale.ROOT, "%02d", frac);
        if (digits.endsWith("0")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        return dec + "." + digits + suffix;
    }

    // 2^exp is the unit: 0 for bytes, 10 for KiB ... 60 for EiB.
    private static int exponent(long n) {
        int shift = 10;
        for (; shift <= 60; shift += 10) {
            if (Long.compareUnsigned(n, 1L << shift) < 0) {
                break;
            }
        }
        return shift - 10;
    }
}
