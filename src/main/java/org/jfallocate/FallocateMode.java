package org.jfallocate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A valid {@code mode} for {@code fallocate(2)}: one operation, optionally with
 * {@link FallocateFlag#KEEP_SIZE}. The constants cover every combination the kernel accepts;
 * {@link #of} checks a hand-made combination against the manual's rules, and
 * {@link #raw(int)} passes flags newer than this library to the kernel unchecked.
 * Instances are immutable and compare by their C value.
 *
 * @see <a href="https://man7.org/linux/man-pages/man2/fallocate.2.html">fallocate(2)</a>
 */
public final class FallocateMode {
    // Declared before the constants below, which need them while the class initialises.
    // Flags that select the operation; at most one may be given (the kernel's FALLOC_FL_MODE_MASK).
    private static final Set<FallocateFlag> OPERATIONS = EnumSet.of(FallocateFlag.PUNCH_HOLE,
            FallocateFlag.COLLAPSE_RANGE, FallocateFlag.ZERO_RANGE, FallocateFlag.INSERT_RANGE,
            FallocateFlag.UNSHARE_RANGE, FallocateFlag.WRITE_ZEROES);
    private static final int KNOWN_BITS = knownBits();

    /** Mode 0: allocate the range; the file grows if the range reaches past its end. */
    public static final FallocateMode ALLOCATE = new FallocateMode(0, EnumSet.noneOf(FallocateFlag.class), true);
    /** Allocate the range without changing the file size (space reserved beyond EOF). */
    public static final FallocateMode KEEP_SIZE = of(FallocateFlag.KEEP_SIZE);
    /** Deallocate the range ({@code PUNCH_HOLE|KEEP_SIZE}, the only form the kernel accepts). */
    public static final FallocateMode PUNCH_HOLE = of(FallocateFlag.PUNCH_HOLE, FallocateFlag.KEEP_SIZE);
    /** Remove the range and shift the rest of the file down; block-aligned. */
    public static final FallocateMode COLLAPSE_RANGE = of(FallocateFlag.COLLAPSE_RANGE);
    /** Make the range read as zeros, allocated; the file grows if needed. */
    public static final FallocateMode ZERO_RANGE = of(FallocateFlag.ZERO_RANGE);
    /** Make the range read as zeros, allocated, without changing the file size. */
    public static final FallocateMode ZERO_RANGE_KEEP_SIZE = of(FallocateFlag.ZERO_RANGE, FallocateFlag.KEEP_SIZE);
    /** Insert a hole at offset, shifting the rest of the file up; block-aligned. */
    public static final FallocateMode INSERT_RANGE = of(FallocateFlag.INSERT_RANGE);
    /** Unshare blocks shared with other files (reflinks); the file grows if needed. */
    public static final FallocateMode UNSHARE_RANGE = of(FallocateFlag.UNSHARE_RANGE);
    /** Unshare blocks shared with other files without changing the file size. */
    public static final FallocateMode UNSHARE_RANGE_KEEP_SIZE = of(FallocateFlag.UNSHARE_RANGE, FallocateFlag.KEEP_SIZE);
    /** Allocate the range as written zeros through the device's write-zeroes command (Linux 6.17). */
    public static final FallocateMode WRITE_ZEROES = of(FallocateFlag.WRITE_ZEROES);

    private final int value;
    private final Set<FallocateFlag> flags;
    private final boolean checked;
    // Made once: messages and flight-recorder events ask for it on every call.
    private final String name;

    private FallocateMode(int value, Set<FallocateFlag> flags, boolean checked) {
        this.value = value;
        this.flags = Collections.unmodifiableSet(flags);
        this.checked = checked;
        this.name = describe(value, flags);
    }

    /**
     * The mode made of these flags, checked against fallocate(2)'s rules: at most one of
     * PUNCH_HOLE, COLLAPSE_RANGE, ZERO_RANGE, INSERT_RANGE, UNSHARE_RANGE, WRITE_ZEROES;
     * PUNCH_HOLE needs KEEP_SIZE; COLLAPSE_RANGE, INSERT_RANGE and WRITE_ZEROES take no
     * KEEP_SIZE; NO_HIDE_STALE is reserved. No flags at all is {@link #ALLOCATE}.
     *
     * @param flags the flags to combine; duplicates are ignored
     * @return the mode
     * @throws IllegalArgumentException naming the rule the combination breaks
     */
    public static FallocateMode of(FallocateFlag... flags) {
        EnumSet<FallocateFlag> set = EnumSet.noneOf(FallocateFlag.class);
        for (FallocateFlag flag : flags) {
            if (flag == null) {
                throw new IllegalArgumentException("flags must not contain null");
            }
            set.add(flag);
        }
        String broken = brokenRule(set);
        if (broken != null) {
            throw new IllegalArgumentException("mode " + names(set) + " is not valid: " + broken);
        }
        int value = 0;
        for (FallocateFlag flag : set) {
            value |= flag.value();
        }
        return new FallocateMode(value, set, true);
    }

    /**
     * A mode from its C value, passed to the kernel as it is: the escape hatch for flags
     * newer than this library. Known flags are decoded for messages; nothing is checked,
     * so the kernel has the last word (usually EINVAL or EOPNOTSUPP for a bad combination).
     *
     * @param value the {@code mode} argument of fallocate(2), any int
     * @return the mode
     */
    public static FallocateMode raw(int value) {
        EnumSet<FallocateFlag> set = EnumSet.noneOf(FallocateFlag.class);
        for (FallocateFlag flag : FallocateFlag.values()) {
            if ((value & flag.value()) != 0) {
                set.add(flag);
            }
        }
        return new FallocateMode(value, set, false);
    }

    // The rule a combination breaks, or null when it is one the kernel accepts.
    private static String brokenRule(Set<FallocateFlag> set) {
        if (set.contains(FallocateFlag.NO_HIDE_STALE)) {
            return "NO_HIDE_STALE is a reserved flag that no filesystem implements";
        }
        List<FallocateFlag> operations = new ArrayList<>();
        for (FallocateFlag flag : set) {
            if (OPERATIONS.contains(flag)) {
                operations.add(flag);
            }
        }
        if (operations.size() > 1) {
            return "at most one of PUNCH_HOLE, COLLAPSE_RANGE, ZERO_RANGE, INSERT_RANGE, UNSHARE_RANGE, "
                    + "WRITE_ZEROES may be given, found " + operations.size();
        }
        boolean keepSize = set.contains(FallocateFlag.KEEP_SIZE);
        if (set.contains(FallocateFlag.PUNCH_HOLE) && !keepSize) {
            return "PUNCH_HOLE must be combined with KEEP_SIZE";
        }
        for (FallocateFlag alone : List.of(FallocateFlag.COLLAPSE_RANGE, FallocateFlag.INSERT_RANGE)) {
            if (set.contains(alone) && set.size() > 1) {
                return alone + " takes no other flag";
            }
        }
        if (set.contains(FallocateFlag.WRITE_ZEROES) && keepSize) {
            return "WRITE_ZEROES takes no KEEP_SIZE";
        }
        return null;
    }

    private static int knownBits() {
        int bits = 0;
        for (FallocateFlag flag : FallocateFlag.values()) {
            bits |= flag.value();
        }
        return bits;
    }

    /** {@return the value passed to the kernel as fallocate(2)'s {@code mode}} */
    public int value() {
        return value;
    }

    /** {@return the known flags in this mode; empty for {@link #ALLOCATE}} */
    public Set<FallocateFlag> flags() {
        return flags;
    }

    /**
     * {@return whether this mode contains {@code flag}}
     *
     * @param flag the flag to look for
     */
    public boolean has(FallocateFlag flag) {
        return flags.contains(flag);
    }

    /** {@return whether the combination was checked: false for a mode made by {@link #raw(int)}} */
    public boolean isChecked() {
        return checked;
    }

    /**
     * Whether a call with this mode can create the file when given a {@code Path}: only the
     * modes that allocate from nothing do (ALLOCATE and WRITE_ZEROES), as in util-linux.
     *
     * @return true for ALLOCATE and WRITE_ZEROES
     */
    public boolean createsFile() {
        return value == 0 || value == FallocateFlag.WRITE_ZEROES.value();
    }

    /**
     * The flag names joined by '|' in C order, e.g. {@code PUNCH_HOLE|KEEP_SIZE}, or
     * {@code ALLOCATE} for 0; bits unknown to this library are shown in hex.
     */
    @Override
    public String toString() {
        return name;
    }

    private static String describe(int value, Set<FallocateFlag> flags) {
        if (value == 0) {
            return "ALLOCATE";
        }
        String known = names(flags);
        int unknown = value & ~KNOWN_BITS;
        if (unknown == 0) {
            return known;
        }
        String hex = "0x" + Integer.toHexString(unknown);
        return flags.isEmpty() ? hex : known + "|" + hex;
    }

    // C order puts the operation first: PUNCH_HOLE|KEEP_SIZE, as people write it.
    private static String names(Set<FallocateFlag> set) {
        if (set.isEmpty()) {
            return "ALLOCATE";
        }
        StringBuilder sb = new StringBuilder();
        for (FallocateFlag flag : set) {
            if (flag != FallocateFlag.KEEP_SIZE) {
                sb.append(sb.isEmpty() ? "" : "|").append(flag.name());
            }
        }
        if (set.contains(FallocateFlag.KEEP_SIZE)) {
            sb.append(sb.isEmpty() ? "" : "|").append(FallocateFlag.KEEP_SIZE.name());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FallocateMode other && other.value == value;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(value);
    }
}
