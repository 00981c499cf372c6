package org.jfallocate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds which fallocate(2) modes a directory's filesystem supports by trying each one on a
 * scratch file in that directory. Asking the kernel is the only reliable way: support
 * depends on the filesystem, its mount and mkfs options and the kernel version, and no
 * system call reports it.
 *
 * <p>The scratch file ({@code .jfallocate-probe-*}) holds four units of real data, a unit
 * being 64 KiB or the filesystem block size if larger; each mode is tried on the second
 * unit, a block-aligned range inside the data, so COLLAPSE_RANGE and INSERT_RANGE succeed
 * where they are supported. The file is rewritten before each mode and always removed
 * afterwards, also when a call throws. Probing writes under 3 MiB and takes milliseconds.
 *
 * <p>A refused call is reported with the errno it gave, whatever it is: usually EOPNOTSUPP,
 * but on a nearly full filesystem ENOSPC can stand where the mode would otherwise work.
 */
public final class ModeProbe {
    private ModeProbe() {
    }

    private static final int MIN_UNIT = 64 * 1024;

    /** The modes probed, by the names of {@link FallocateMode}'s constants, in table order. */
    public static final Map<String, FallocateMode> MODES = orderedModes();

    private static Map<String, FallocateMode> orderedModes() {
        Map<String, FallocateMode> m = new LinkedHashMap<>();
        m.put("ALLOCATE", FallocateMode.ALLOCATE);
        m.put("KEEP_SIZE", FallocateMode.KEEP_SIZE);
        m.put("PUNCH_HOLE", FallocateMode.PUNCH_HOLE);
        m.put("COLLAPSE_RANGE", FallocateMode.COLLAPSE_RANGE);
        m.put("ZERO_RANGE", FallocateMode.ZERO_RANGE);
        m.put("ZERO_RANGE_KEEP_SIZE", FallocateMode.ZERO_RANGE_KEEP_SIZE);
        m.put("INSERT_RANGE", FallocateMode.INSERT_RANGE);
        m.put("UNSHARE_RANGE", FallocateMode.UNSHARE_RANGE);
        m.put("UNSHARE_RANGE_KEEP_SIZE", FallocateMode.UNSHARE_RANGE_KEEP_SIZE);
        m.put("WRITE_ZEROES", FallocateMode.WRITE_ZEROES);
        return Collections.unmodifiableMap(m);
    }

    /**
     * Tries every mode in {@link #MODES}, then posix_fallocate(3), in {@code dir}.
     *
     * @param dir a writable directory on the filesystem to probe
     * @return what worked and the errno of what did not
     * @throws NotDirectoryException if {@code dir} is not a directory
     * @throws IOException           if the scratch file cannot be created or written (its removal is still attempted)
     */
    public static ModeSupport probe(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir must not be null");
        if (!Files.isDirectory(dir)) {
            throw new NotDirectoryException(dir.toString());
        }
        FileSystemInfo fs = FileSystemInfo.of(dir);
        long unit = Math.max(MIN_UNIT, fs.blockSize());
        byte[] content = content(Math.toIntExact(4 * unit));
        Path scratch = Files.createTempFile(dir, ".jfallocate-probe-", null);
        try {
            List<ModeSupport.Result> results = new ArrayList<>();
            for (var e : MODES.entrySet()) {
                Files.write(scratch, content, StandardOpenOption.TRUNCATE_EXISTING);
                results.add(new ModeSupport.Result(e.getKey(), e.getValue(), errnoOf(scratch, e.getValue(), unit)));
            }
            Files.write(scratch, content, StandardOpenOption.TRUNCATE_EXISTING);
            int posixErrno = posixErrno(scratch, 4 * unit, unit);
            boolean allocates = results.get(0).supported(); // ALLOCATE: glibc emulates exactly when it fails
            ModeSupport.PosixFallocate posix = posixErrno != 0 ? ModeSupport.PosixFallocate.FAILED
                    : allocates ? ModeSupport.PosixFallocate.NATIVE : ModeSupport.PosixFallocate.EMULATED;
            return new ModeSupport(dir, fs, results, posix, posixErrno);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    // 0 when the mode worked on [unit, 2 * unit), else its errno.
    private static int errnoOf(Path file, FallocateMode mode, long unit) throws IOException {
        try {
            Fallocate.fallocate(file, mode, unit, unit);
            return 0;
        } catch (FallocateException e) {
            return e.errnoValue();
        }
    }

    private static int posixErrno(Path file, long offset, long len) throws IOException {
        try {
            Fallocate.posixFallocate(file, offset, len);
            return 0;
        } catch (FallocateException e) {
            return e.errnoValue();
        }
    }

    // Non-zero bytes, so that no filesystem can store them as a hole.
    private static byte[] content(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (1 + i % 251);
        }
        return b;
    }
}
