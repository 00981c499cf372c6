package org.jfallocate;

import java.io.IOException;
import java.util.Objects;

/**
 * Keeps space reserved ahead of an appending writer, as RocksDB's {@code PrepareWrite} does:
 * before each write, {@link #ensure(long)} checks that at least {@code ahead} bytes beyond
 * the write position are reserved, and when they are not, reserves up to the next multiple of
 * {@code step} with one fallocate(2) {@link FallocateMode#KEEP_SIZE} call, from where the
 * last reservation ended. The file's size is left to the writes, so readers never see the
 * reserved space; {@link FallocateFile#trim(long)} gives back what was reserved and not
 * written. Most calls make no system call at all: one in {@code step / write size} does.
 *
 * <p>Where fallocate is missing (EOPNOTSUPP from a filesystem such as ext2, ENOSYS from a kernel without it) the caller's
 * {@link Fallback} decides; the first refusal settles it, and fallocate is not tried again.
 *
 * <p>Made by {@link FallocateFile#reserveAhead}. Not safe for use by several threads at once:
 * it belongs to the one writer that owns the write position.
 */
public final class ReserveAhead {
    /** What {@link #ensure(long)} does where the filesystem cannot reserve without writing. */
    public enum Fallback {
        /** Throw the {@link UnsupportedModeException}: the caller wants a reservation or nothing. */
        FAIL,
        /** Reserve nothing and say so through {@link #isReserving()}; writes still work, unreserved. */
        SKIP,
        /**
         * Reserve with posix_fallocate(3)'s emulation, which writes zeros into every block and
         * so <em>grows the file</em> to the reserved end: readers see zeros past the written
         * data until the writer calls {@link FallocateFile#trim(long)} at its written end.
         * Slow (every block is written once more) and needs a descriptor open for reading too.
         */
        EMULATE_GROWING_FILE
    }

    private final FallocateFile file;
    private final long ahead;
    private final long step;
    private final Fallback fallback;
    private long reservedEnd;
    private long calls;
    private boolean emulating;
    private boolean skipping;

    ReserveAhead(FallocateFile file, long ahead, long step, Fallback fallback) {
        if (ahead <= 0) {
            throw new IllegalArgumentException("ahead must be > 0, was " + ahead);
        }
        if (step <= 0) {
            throw new IllegalArgumentException("step must be > 0, was " + step);
        }
        this.file = file;
        this.ahead = ahead;
        this.step = step;
        this.fallback = Objects.requireNonNull(fallback, "fallback must not be null");
    }

    /**
     * Makes sure {@code [position, position + ahead)} is reserved, with one call at most.
     * Call it before writing at {@code position}.
     *
     * @param position the write position: the offset of the next write, {@code >= 0}
     * @return the end of the reserved space: a multiple of step, at least
     *         {@code position + ahead}, except where {@link #isReserving()} is false
     * @throws IllegalArgumentException if position is negative, or position + ahead overflows
     * @throws UnsupportedModeException with {@link Fallback#FAIL}, where the filesystem has no fallocate
     * @throws NoSpaceException         if the filesystem is out of space
     * @throws FallocateException       for any other error of the call
     * @throws java.nio.channels.ClosedChannelException if the file is closed
     */
    public long ensure(long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, was " + position);
        }
        if (position > Long.MAX_VALUE - ahead - step) {
            throw new IllegalArgumentException("position + ahead must stay below 2^63 - step, was position="
                    + position + " + ahead=" + ahead);
        }
        long needed = position + ahead;
        if (needed <= reservedEnd || skipping) {
            return reservedEnd;
        }
        // Nothing before the step holding 'position' needs reserving: it has been written.
        long from = Math.max(reservedEnd, position - position % step);
        long end = ((needed + step - 1) / step) * step;
        if (emulating) {
            file.posixFallocate(from, end - from);
        } else {
            try {
                file.fallocate(FallocateMode.KEEP_SIZE, from, end - from);
            } catch (UnsupportedModeException e) {
                switch (fallback) {
                    case FAIL -> throw e;
                    case SKIP -> {
                        skipping = true;
                        return reservedEnd;
                    }
                    case EMULATE_GROWING_FILE -> {
                        emulating = true;
                        file.posixFallocate(from, end - from);
                    }
                }
            }
        }
        calls++;
        reservedEnd = end;
        return end;
    }

    /**
     * Where the reserved space ends: 0 until the first reservation.
     *
     * @return the end offset of the last reservation
     */
    public long reservedEnd() {
        return reservedEnd;
    }

    /**
     * How many reservations {@link #ensure(long)} has made (one system call each, plus the
     * one refused call where the filesystem has no fallocate).
     *
     * @return the number of successful reserving calls
     */
    public long calls() {
        return calls;
    }

    /**
     * Whether reservations are being made: false once {@link Fallback#SKIP} took effect.
     *
     * @return false where the filesystem has no fallocate and the fallback is SKIP
     */
    public boolean isReserving() {
        return !skipping;
    }

    /**
     * Whether reservations grow the file: true once {@link Fallback#EMULATE_GROWING_FILE}
     * took effect.
     *
     * @return true where posix_fallocate's emulation does the reserving
     */
    public boolean growsFile() {
        return emulating;
    }
}
