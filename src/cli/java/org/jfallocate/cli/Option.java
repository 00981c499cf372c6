package org.jfallocate.cli;

import java.util.List;
import org.jfallocate.FallocateFlag;

/**
 * jfallocate's options, the one table of them, as util-linux's fallocate.c has {@code longopts[]}
 * and {@code excl[]}. The order is util-linux's {@code longopts[]} order, then jfallocate's own:
 * getopt_long lists the candidates of an ambiguous prefix in this order
 * ({@code option '--ver' is ambiguous; possibilities: '--version' '--verbose'}).
 */
enum Option {
    HELP('h', "help"),
    VERSION('V', "version"),
    KEEP_SIZE('n', "keep-size", FallocateFlag.KEEP_SIZE),
    PUNCH_HOLE('p', "punch-hole", FallocateFlag.PUNCH_HOLE, FallocateFlag.KEEP_SIZE),
    COLLAPSE_RANGE('c', "collapse-range", FallocateFlag.COLLAPSE_RANGE),
    DIG_HOLES('d', "dig-holes"),
    INSERT_RANGE('i', "insert-range", FallocateFlag.INSERT_RANGE),
    ZERO_RANGE('z', "zero-range", FallocateFlag.ZERO_RANGE),
    WRITE_ZEROES('w', "write-zeroes", FallocateFlag.WRITE_ZEROES),
    OFFSET('o', "offset", true),
    LENGTH('l', "length", true),
    POSIX('x', "posix"),
    VERBOSE('v', "verbose"),
    REPORT_HOLES('r', "report-holes"),
    // jfallocate's own, long only (letter 0)
    UNSHARE_RANGE('\0', "unshare-range", FallocateFlag.UNSHARE_RANGE),
    PROBE('\0', "probe", true),
    LAYOUT('\0', "layout"),
    FORMAT('\0', "format", true);

    /**
     * util-linux's {@code excl[]}: of each group, at most one option may be given. Those of later
     * util-linux (sorted; -w added in 2.42), plus -r (which changes nothing) with the operations
     * and --unshare-range as an operation that takes -n but not -x. The message lists a group in
     * this order.
     */
    static final List<List<Option>> EXCLUSIVE = List.of(
            List.of(COLLAPSE_RANGE, DIG_HOLES, INSERT_RANGE, PUNCH_HOLE, REPORT_HOLES, WRITE_ZEROES, POSIX, ZERO_RANGE,
                    UNSHARE_RANGE), // one operation; posix_fallocate takes none
            List.of(COLLAPSE_RANGE, INSERT_RANGE, KEEP_SIZE, WRITE_ZEROES, POSIX)); // no --keep-size with these

    private final char letter;
    private final String longName;
    private final boolean takesValue;
    private final List<FallocateFlag> flags;

    Option(char letter, String longName, FallocateFlag... flags) {
        this(letter, longName, false, flags);
    }

    Option(char letter, String longName, boolean takesValue, FallocateFlag... flags) {
        this.letter = letter;
        this.longName = longName;
        this.takesValue = takesValue;
        this.flags = List.of(flags);
    }

    /** The short letter, or 0 for a long-only option. */
    char letter() {
        return letter;
    }

    /** The long name, without "--". */
    String longName() {
        return longName;
    }

    /** Whether the option takes a value (getopt's required_argument). */
    boolean takesValue() {
        return takesValue;
    }

    /** The fallocate(2) flags the option asks for. */
    List<FallocateFlag> flags() {
        return flags;
    }

    /** The option of this short letter, or null when there is none (getopt's invalid option). */
    static Option ofLetter(char c) {
        for (Option o : values()) {
            if (o.letter == c && c != 0) {
                return o;
            }
        }
        return null;
    }
}
