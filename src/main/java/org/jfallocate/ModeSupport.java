package org.jfallocate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ModeProbe} found a directory's filesystem can do: for each
 * {@link FallocateMode} whether fallocate(2) worked, and the errno where it did not; and
 * whether posix_fallocate(3) is native or emulated by glibc.
 *
 * <p>{@link #toTable()} prints one line per mode, the mode's name then {@code yes}, or
 * {@code no} and the errno's name:
 * <pre>
 * ALLOCATE no EOPNOTSUPP
 * PUNCH_HOLE yes
 * ...
 * POSIX_FALLOCATE emulated
 * </pre>
 *
 * @param directory   the directory probed
 * @param fileSystem  its filesystem
 * @param results     each probed mode's name and errno (0 when it worked), in probe order
 * @param posix       how posix_fallocate(3) behaved
 * @param posixErrno  the errno posix_fallocate returned, 0 unless {@code posix} is {@link PosixFallocate#FAILED}
 */
public record ModeSupport(Path directory, FileSystemInfo fileSystem, List<Result> results, PosixFallocate posix,
                          int posixErrno) {

    /** How posix_fallocate(3) works on a filesystem. */
    public enum PosixFallocate {
        /** Through the filesystem's fallocate(2): fast, allocates unwritten extents. */
        NATIVE,
        /** The filesystem has no fallocate(2); glibc writes a zero byte into every block instead. */
        EMULATED,
        /** It failed; see {@link ModeSupport#posixErrno()}. */
        FAILED
    }

    /**
     * One mode's outcome.
     *
     * @param name  the mode's name as {@link FallocateMode}'s constant, e.g. {@code PUNCH_HOLE}
     * @param mode  the mode
     * @param errno 0 when the call worked, else the errno it failed with
     */
    public record Result(String name, FallocateMode mode, int errno) {
        /** {@return whether the call worked} */
        public boolean supported() {
            return errno == 0;
        }

        /** {@return the mode's line, {@code PUNCH_HOLE yes} or {@code COLLAPSE_RANGE no EOPNOTSUPP}} */
        public String toLine() {
            return name + (errno == 0 ? " yes" : " no " + Errno.nameOf(errno));
        }
    }

    /** A probe's result; {@link ModeProbe#probe} is how these are made. */
    public ModeSupport {
        Objects.requireNonNull(directory, "directory must not be null");
        Objects.requireNonNull(fileSystem, "fileSystem must not be null");
        Objects.requireNonNull(posix, "posix must not be null");
        results = List.copyOf(results);
    }

    /**
     * Whether fallocate(2) with {@code mode} worked on this filesystem.
     *
     * @param mode a probed mode
     * @return true if the call succeeded
     * @throws IllegalArgumentException if the mode was not probed (a {@link FallocateMode#raw} one)
     */
    public boolean supports(FallocateMode mode) {
        return result(mode).supported();
    }

    /**
     * The errno fallocate(2) gave for {@code mode}, or empty when it worked. An errno this
     * library has no constant for is reported by {@link Result#errno()}.
     *
     * @param mode a probed mode
     * @return the errno, or empty
     * @throws IllegalArgumentException if the mode was not probed
     */
    public Optional<Errno> errno(FallocateMode mode) {
        int e = result(mode).errno();
        return e == 0 ? Optional.empty() : Optional.ofNullable(Errno.of(e));
    }

    /**
     * The outcome for {@code mode}.
     *
     * @param mode a probed mode
     * @return its result
     * @throws IllegalArgumentException if the mode was not probed
     */
    public Result result(FallocateMode mode) {
        Objects.requireNonNull(mode, "mode must not be null");
        for (Result r : results) {
            if (r.mode().equals(mode)) {
                return r;
            }
        }
        throw new IllegalArgumentException("mode " + mode + " was not probed; probed: "
                + results.stream().map(Result::name).toList());
    }

    /** {@return each probed mode by name, e.g. {@code "PUNCH_HOLE" -> true}, in probe order} */
    public Map<String, Boolean> asMap() {
        Map<String, Boolean> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.name(), r.supported()));
        return Collections.unmodifiableMap(map);
    }

    /**
     * One line per mode ({@code NAME yes} or {@code NAME no ERRNO}), then a
     * {@code POSIX_FALLOCATE} line saying {@code yes}, {@code emulated} or {@code no ERRNO};
     * lines end with {@code \n}.
     *
     * @return the table
     */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        for (Result r : results) {
            sb.append(r.toLine()).append('\n');
        }
        sb.append("POSIX_FALLOCATE ").append(switch (posix) {
            case NATIVE -> "yes";
            case EMULATED -> "emulated";
            case FAILED -> "no " + Errno.nameOf(posixErrno);
        }).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return directory + " (" + fileSystem.type() + ")\n" + toTable();
    }
}
