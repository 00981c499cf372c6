package org.jfallocate.cli;

/**
 * Sizes as util-linux's {@code strtosize()} (lib/strutils.c) reads them, so that every string
 * fallocate(1) accepts means the same number of bytes here, quirks included:
 * <ul>
 * <li>a C integer ({@code strtoumax} base 0: leading blanks, an optional {@code +}, {@code 0x}
 *     hex and {@code 0} octal); a {@code -} anywhere before the digits is rejected;</li>
 * <li>a suffix {@code K M G T P E Z Y} (or lower case) alone or with {@code iB} for powers of
 *     1024, with {@code B} for powers of 1000: {@code 1K}, {@code 1KiB}, {@code 1KB};</li>
 * <li>a decimal fraction before a suffix, added digit by digit with integer division as the C
 *     code does: {@code 0.5MiB} is 524288, {@code 1.999K} is 2150, {@code 1.25G} is
 *     1342177279; a fraction without a suffix ({@code 1.5}) is rejected.</li>
 * </ul>
 * The result is an unsigned 64-bit value in a {@code long}: fallocate(1) stores it in a signed
 * {@code loff_t}, so values of 2^63 and above come out negative and are then refused as invalid.
 */
final class SizeParser {
    private static final String SUFFIXES = "KMGTPEZY";
    private static final String SUFFIXES_LOWER = "kmgtpezy";
    private static final long UINTMAX_MAX = -1L;

    private SizeParser() {
    }

    /** A string that is no size as util-linux reads it. */
    static final class NotASize extends Exception {
        private static final long serialVersionUID = 1L;

        NotASize(String input) {
            super("not a size: '" + input + "'", null, false, false);
        }
    }

    /**
     * The size in bytes, as an unsigned 64-bit value.
     *
     * @throws NotASize when strtosize() would return an error
     */
    static long parse(String str) throws NotASize {
        if (str == null || str.isEmpty()) {
            throw new NotASize(String.valueOf(str));
        }
        Cursor c = new Cursor(str);
        int p = c.skipSpaces(0);
        if (c.at(p) == '-') {
            throw new NotASize(str);
        }
        Conversion whole = c.strtoumax(0);
        if (whole == null) {
            throw new NotASize(str);
        }
        long x = whole.value;
        p = whole.end;
        if (c.at(p) == 0) {
            return x;
        }
        long frac = 0;
        int fracZeros = 0;
        int base;
        while (true) { // check_suffix in the C code
            if (c.at(p) == 0) {
                // "1.0": the C code reads past the string here; every build refuses it.
                throw new NotASize(str);
            }
            if (c.at(p + 1) == 'i' && (c.at(p + 2) == 'B' || c.at(p + 2) == 'b') && c.at(p + 3) == 0) {
                base = 1024;
            } else if ((c.at(p + 1) == 'B' || c.at(p + 1) == 'b') && c.at(p + 2) == 0) {
                base = 1000;
            } else if (c.at(p + 1) != 0) {
                if (frac == 0 && c.at(p) == '.') {
                    int f = p + 1;
                    while (c.at(f) == '0') {
                        fracZeros++;
                        f++;
                    }
                    int end;
                    if (c.at(f) >= '1' && c.at(f) <= '9') {
                        Conversion fc = c.strtoumax(f);
                        if (fc == null) {
                            throw new NotASize(str);
                        }
                        frac = fc.value;
                        end = fc.end;
                    } else {
                        end = f;
                    }
                    if (frac != 0 && c.at(end) == 0) {
                        throw new NotASize(str); // a fraction without a suffix
                    }
                    p = end;
                    continue;
                }
                throw new NotASize(str);
            } else {
                base = 1024;
            }
            break;
        }
        int pwr = SUFFIXES.indexOf(c.at(p)) + 1;
        if (pwr == 0) {
            pwr = SUFFIXES_LOWER.indexOf(c.at(p)) + 1;
        }
        if (pwr == 0 || c.at(p) == 0) {
            throw new NotASize(str);
        }
        long[] scaled = {x};
        boolean overflow = !scaleByPower(scaled, base, pwr);
        x = scaled[0];
        if (frac != 0) {
            x += fractionBytes(frac, fracZeros, base, pwr);
        }
        if (overflow) {
            throw new NotASize(str);
        }
        return x;
    }

    // The C loop: the fraction's digits from the last one back, each adding frac_base / (div / digit).
    private static long fractionBytes(long frac, int fracZeros, int base, int pwr) {
        long fracDiv = 10;
        long fracPoz = 1;
        long[] fracBase = {1};
        scaleByPower(fracBase, base, pwr);
        while (Long.compareUnsigned(fracDiv, frac) < 0) {
            if (Long.compareUnsigned(fracDiv, Long.divideUnsigned(UINTMAX_MAX, 10)) <= 0) {
                fracDiv *= 10;
            } else {
                frac = Long.divideUnsigned(frac, 10);
            }
        }
        for (int i = 0; i < fracZeros; i++) {
            if (Long.compareUnsigned(fracDiv, Long.divideUnsigned(UINTMAX_MAX, 10)) <= 0) {
                fracDiv *= 10;
            } else {
                frac = Long.divideUnsigned(frac, 10);
            }
        }
        long added = 0;
        do {
            long seg = Long.remainderUnsigned(frac, 10);
            long segDiv = Long.divideUnsigned(fracDiv, fracPoz);
            frac = Long.divideUnsigned(frac, 10);
            fracPoz *= 10;
            if (seg != 0 && Long.divideUnsigned(segDiv, seg) != 0) {
                added += Long.divideUnsigned(fracBase[0], Long.divideUnsigned(segDiv, seg));
            }
        } while (frac != 0);
        return added;
    }

    // do_scale_by_power: false on overflow, leaving the value where it stopped.
    private static boolean scaleByPower(long[] x, int base, int power) {
        while (power-- > 0) {
            if (Long.compareUnsigned(Long.divideUnsigned(UINTMAX_MAX, base), x[0]) < 0) {
                return false;
            }
            x[0] *= base;
        }
        return true;
    }

    private record Conversion(long value, int end) {
    }

    /** C string access: 0 past the end, as at a NUL. */
    private record Cursor(String s) {
        char at(int i) {
            return i < s.length() ? s.charAt(i) : 0;
        }

        int skipSpaces(int i) {
            while (" \t\n\u000b\f\r".indexOf(at(i)) >= 0 && at(i) != 0) {
                i++;
            }
            return i;
        }

        /** strtoumax(s + from, &end, 0); null when nothing was converted or on overflow (ERANGE). */
        Conversion strtoumax(int from) {
            int i = skipSpaces(from);
            boolean negative = false;
            if (at(i) == '+' || at(i) == '-') {
                negative = at(i) == '-';
                i++;
            }
            int radix = 10;
            if (at(i) == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X') && Character.digit(at(i + 2), 16) >= 0) {
                radix = 16;
                i += 2;
            } else if (at(i) == '0') {
                radix = 8;
            }
            int start = i;
            long value = 0;
            boolean overflow = false;
            while (at(i) != 0 && Character.digit(at(i), radix) >= 0 && at(i) < 128) {
                int d = Character.digit(at(i), radix);
                long limit = Long.divideUnsigned(UINTMAX_MAX - d, radix);
                if (Long.compareUnsigned(value, limit) > 0) {
                    overflow = true;
                }
                value = value * radix + d;
                i++;
            }
            if (i == start) {
                return null;
            }
            if (overflow) {
                return null;
            }
            return new Conversion(negative ? -value : value, i);
        }
    }
}
