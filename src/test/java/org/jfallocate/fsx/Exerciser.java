package org.jfallocate.fsx;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateFlag;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileSpace;
import org.jfallocate.UnsupportedModeException;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;

/**
 * A randomized exerciser in the style of fstests' fsx: a long random sequence of writes,
 * truncates, every fallocate mode and posix_fallocate on one file, each applied also to a {@link FileModel};
 * after every step the real file's size and bytes must equal the model's. Most ranges are
 * block-aligned; some COLLAPSE/INSERT ranges are deliberately misaligned or reach the end of
 * the file, and must fail with EINVAL leaving the file as it was. Modes the filesystem does
 * not support must fail with EOPNOTSUPP, also changing nothing. Same seed, same sequence.
 *
 * <p>Run on every filesystem of the matrix: {@code make fsx SEED=... OPS=...}.
 */
public final class Exerciser {
    /** The largest the file gets: small enough to compare in full after every step. */
    static final int MAX_SIZE = 512 * 1024;
    private static final int HISTORY = 25;

    /** What the operations did, for the report. */
    public record Stats(String fs, long seed, int ops, Map<Kind, Integer> byKind, int refusedAsExpected,
                        Set<FallocateMode> unsupported) {
        @Override
        public String toString() {
            return String.format("%s: seed=%d ops=%d (expected refusals %d; unsupported here: %s) %s",
                    fs, seed, ops, refusedAsExpected, unsupported, byKind);
        }
    }

    /** The kinds of step, for counting. */
    public enum Kind { WRITE, TRUNCATE, ALLOCATE, KEEP_SIZE, PUNCH_HOLE, ZERO_RANGE, ZERO_RANGE_KEEP_SIZE, COLLAPSE_RANGE,
        INSERT_RANGE, UNSHARE_RANGE, WRITE_ZEROES, POSIX_FALLOCATE, MISALIGNED }

    private static final List<FallocateMode> MODES = List.of(FallocateMode.ALLOCATE, FallocateMode.KEEP_SIZE,
            FallocateMode.PUNCH_HOLE, FallocateMode.COLLAPSE_RANGE, FallocateMode.ZERO_RANGE,
            FallocateMode.ZERO_RANGE_KEEP_SIZE, FallocateMode.INSERT_RANGE, FallocateMode.UNSHARE_RANGE,
            FallocateMode.UNSHARE_RANGE_KEEP_SIZE, FallocateMode.WRITE_ZEROES);

    private final Path file;
    private final long seed;
    private final SplittableRandom random;
    private final FileModel model = new FileModel(MAX_SIZE);
    private final ArrayDeque<String> history = new ArrayDeque<>();
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private final Set<FallocateMode> unsupported;
    private final int block;
    private int refused;
    private int sabotageAt;
    private int step;

    private Exerciser(Path file, long seed, Set<FallocateMode> unsupported, int block) {
        this.file = file;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.unsupported = unsupported;
        this.block = block;
    }

    /** Runs {@code ops} random steps on a new file in {@code dir}; throws {@link ModelMismatch} at the first divergence. */
    public static Stats run(String fsName, Path dir, long seed, int ops) throws IOException {
        return run(fsName, dir, seed, ops, 0);
    }

    /**
     * As {@link #run(String, Path, long, int)}, but after step {@code sabotageAt} (if > 0) a
     * byte of the file is changed behind the model's back: proof that a divergence is caught.
     */
    static Stats run(String fsName, Path dir, long seed, int ops, int sabotageAt) throws IOException {
        Path file = dir.resolve("fsx-" + seed);
        Files.deleteIfExists(file);
        Files.createFile(file);
        Set<FallocateMode> unsupported = unsupportedModes(dir);
        Exerciser x = new Exerciser(file, seed, unsupported, FileSpace.of(file).blockSize());
        x.sabotageAt = sabotageAt;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            x.loop(raf, ops);
        } finally {
            Files.deleteIfExists(file);
        }
        return new Stats(fsName, seed, ops, x.counts, x.refused, unsupported);
    }

    private void loop(RandomAccessFile raf, int ops) throws IOException {
        try {
            steps(raf, ops);
        } catch (FallocateException e) {
            ModelMismatch m = mismatch("a call the model expects to succeed failed: " + e.getMessage());
            m.initCause(e);
            throw m;
        }
    }

    private void steps(RandomAccessFile raf, int ops) throws IOException {
        FileChannel ch = raf.getChannel();
        for (step = 1; step <= ops; step++) {
            int pick = random.nextInt(100);
            if (pick < 22) {
                write(ch);
            } else if (pick < 30) {
                truncate(raf);
            } else if (pick < 38) {
                fallocate(ch, FallocateMode.ALLOCATE, anyRange(true));
            } else if (pick < 44) {
                fallocate(ch, FallocateMode.KEEP_SIZE, anyRange(true));
            } else if (pick < 56) {
                fallocate(ch, FallocateMode.PUNCH_HOLE, anyRange(false));
            } else if (pick < 63) {
                fallocate(ch, FallocateMode.ZERO_RANGE, anyRange(true));
            } else if (pick < 68) {
                fallocate(ch, FallocateMode.ZERO_RANGE_KEEP_SIZE, anyRange(false));
            } else if (pick < 76) {
                collapse(ch);
            } else if (pick < 84) {
                insert(ch);
            } else if (pick < 87) {
                fallocate(ch, random.nextBoolean() ? FallocateMode.UNSHARE_RANGE : FallocateMode.UNSHARE_RANGE_KEEP_SIZE,
                        anyRange(true));
            } else if (pick < 89) {
                fallocate(ch, FallocateMode.WRITE_ZEROES, anyRange(true));
            } else if (pick < 93) {
                posixFallocate(ch, anyRange(true));
            } else {
                misaligned(ch);
            }
            if (step == sabotageAt) {
                ch.write(ByteBuffer.wrap(new byte[] {(byte) 0x5A}), model.size() / 2);
            }
            compare(ch);
        }
    }

    private void write(FileChannel ch) throws IOException {
        int offset = random.nextInt(Math.min(MAX_SIZE - 1, model.size() + 4 * block) + 1);
        int len = 1 + random.nextInt(Math.min(64 * 1024, MAX_SIZE - offset));
        byte[] data = new byte[len];
        random.nextBytes(data);
        for (int i = 0; i < len; i++) {
            data[i] |= 1; // never zero, so a stray hole always shows
        }
        note(Kind.WRITE, "write off=" + offset + " len=" + len);
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
            ch.write(buf, offset + buf.position());
        }
        model.write(offset, data);
    }

    private void truncate(RandomAccessFile raf) throws IOException {
        int newSize = random.nextInt(4) == 0 ? random.nextInt(MAX_SIZE + 1) : align(random.nextInt(MAX_SIZE + 1));
        note(Kind.TRUNCATE, "truncate size=" + newSize);
        raf.setLength(newSize);
        model.truncate(newSize);
    }

    // A range that stays inside MAX_SIZE; mostly block-aligned, near or past the end of the file now and then.
    private int[] anyRange(boolean mayGrow) {
        int reach = Math.min(MAX_SIZE - block, model.size() + (mayGrow ? 8 * block : block));
        int offset = random.nextInt(reach + 1);
        int len = 1 + random.nextInt(Math.min(96 * 1024, MAX_SIZE - offset));
        if (random.nextInt(10) < 7) {
            offset = align(offset);
            len = Math.max(block, align(len));
            len = Math.min(len, align(MAX_SIZE - offset));
        }
        return new int[] {offset, len};
    }

    private void fallocate(FileChannel ch, FallocateMode mode, int[] range) throws IOException {
        int offset = range[0];
        int len = range[1];
        note(kindOf(mode), mode + " off=" + offset + " len=" + len);
        if (unsupported.contains(mode)) {
            expectRefusal(ch, mode, offset, len, Errno.EOPNOTSUPP);
            return;
        }
        Fallocate.fallocate(ch, mode, offset, len);
        boolean keep = mode.has(FallocateFlag.KEEP_SIZE);
        if (mode.has(FallocateFlag.PUNCH_HOLE)) {
            model.punchHole(offset, len);
        } else if (mode.has(FallocateFlag.ZERO_RANGE) || mode.has(FallocateFlag.WRITE_ZEROES)) {
            model.zeroRange(offset, len, keep);
        } else {
            model.allocate(offset, len, keep); // mode 0, KEEP_SIZE, UNSHARE_RANGE: no byte changes
        }
    }

    private static Kind kindOf(FallocateMode mode) {
        for (FallocateFlag flag : List.of(FallocateFlag.PUNCH_HOLE, FallocateFlag.COLLAPSE_RANGE, FallocateFlag.INSERT_RANGE,
                FallocateFlag.UNSHARE_RANGE, FallocateFlag.WRITE_ZEROES)) {
            if (mode.has(flag)) {
                return Kind.valueOf(flag.name());
            }
        }
        if (mode.has(FallocateFlag.ZERO_RANGE)) {
            return mode.has(FallocateFlag.KEEP_SIZE) ? Kind.ZERO_RANGE_KEEP_SIZE : Kind.ZERO_RANGE;
        }
        return mode.has(FallocateFlag.KEEP_SIZE) ? Kind.KEEP_SIZE : Kind.ALLOCATE;
    }

    // posix_fallocate: fallocate(2) mode 0, or where that is unsupported (ext2, ...) glibc's
    // emulation, which writes a zero into each block that reads as zero: no byte may change.
    private void posixFallocate(FileChannel ch, int[] range) throws IOException {
        note(Kind.POSIX_FALLOCATE, "posix_fallocate off=" + range[0] + " len=" + range[1]);
        Fallocate.posixFallocate(ch, range[0], range[1]);
        model.allocate(range[0], range[1], false);
    }

    private void collapse(FileChannel ch) throws IOException {
        if (unsupported.contains(FallocateMode.COLLAPSE_RANGE)) {
            note(Kind.COLLAPSE_RANGE, "COLLAPSE_RANGE (unsupported) off=0 len=" + block);
            expectRefusal(ch, FallocateMode.COLLAPSE_RANGE, 0, block, Errno.EOPNOTSUPP);
            return;
        }
        int blocks = Math.max(1, model.size() / block);
        int first = random.nextInt(blocks);
        int count = 1 + random.nextInt(Math.min(32, blocks - first));
        int offset = first * block;
        int len = count * block;
        if (offset + len >= model.size()) { // the manual: the range must end before the end of the file
            note(Kind.COLLAPSE_RANGE, "COLLAPSE_RANGE reaching EOF off=" + offset + " len=" + len);
            expectRefusal(ch, FallocateMode.COLLAPSE_RANGE, offset, len, Errno.EINVAL);
            return;
        }
        note(Kind.COLLAPSE_RANGE, "COLLAPSE_RANGE off=" + offset + " len=" + len);
        Fallocate.fallocate(ch, FallocateMode.COLLAPSE_RANGE, offset, len);
        model.collapse(offset, len);
    }

    private void insert(FileChannel ch) throws IOException {
        int room = (MAX_SIZE - model.size()) / block;
        if (model.size() == 0 || room < 1 || unsupported.contains(FallocateMode.INSERT_RANGE)) {
            int atEnd = align(model.size() + block - 1); // the manual: offset must be before the end of the file
            note(Kind.INSERT_RANGE, "INSERT_RANGE at EOF off=" + atEnd + " len=" + block);
            expectRefusal(ch, FallocateMode.INSERT_RANGE, atEnd, block,
                    unsupported.contains(FallocateMode.INSERT_RANGE) ? Errno.EOPNOTSUPP : Errno.EINVAL);
            return;
        }
        int offset = align(random.nextInt(model.size()));
        int len = (1 + random.nextInt(Math.min(16, room))) * block;
        note(Kind.INSERT_RANGE, "INSERT_RANGE off=" + offset + " len=" + len);
        Fallocate.fallocate(ch, FallocateMode.INSERT_RANGE, offset, len);
        model.insert(offset, len);
    }

    // COLLAPSE or INSERT off block boundaries: EINVAL (EOPNOTSUPP where the mode is unsupported).
    private void misaligned(FileChannel ch) throws IOException {
        FallocateMode mode = random.nextBoolean() ? FallocateMode.COLLAPSE_RANGE : FallocateMode.INSERT_RANGE;
        int offset = align(random.nextInt(Math.max(1, model.size())));
        int len = block;
        if (random.nextBoolean()) {
            offset += 1 + random.nextInt(block - 1);
        } else {
            len += 1 + random.nextInt(block - 1);
        }
        note(Kind.MISALIGNED, mode + " misaligned off=" + offset + " len=" + len);
        expectRefusal(ch, mode, offset, len, unsupported.contains(mode) ? Errno.EOPNOTSUPP : Errno.EINVAL);
    }

    private void expectRefusal(FileChannel ch, FallocateMode mode, int offset, int len, Errno expected) throws IOException {
        try {
            Fallocate.fallocate(ch, mode, offset, len);
        } catch (FallocateException e) {
            if (e.errno() != expected) {
                throw mismatch("expected " + expected + " but got: " + e.getMessage());
            }
            refused++;
            return;
        }
        throw mismatch(mode + " off=" + offset + " len=" + len + " succeeded; expected " + expected);
    }

    private void compare(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size != model.size()) {
            throw mismatch("size is " + size + ", model says " + model.size());
        }
        ByteBuffer buf = ByteBuffer.allocate(model.size());
        while (buf.hasRemaining() && ch.read(buf, buf.position()) >= 0) {
            // read to the end
        }
        byte[] expected = model.content();
        int at = Arrays.mismatch(buf.array(), expected);
        if (at >= 0) {
            throw mismatch("byte " + at + " is " + buf.array()[at] + ", model says " + expected[at]
                    + " (block " + at / block + ")");
        }
    }

    private void note(Kind kind, String op) {
        counts.merge(kind, 1, Integer::sum);
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(step + ": " + op);
    }

    private ModelMismatch mismatch(String what) {
        return new ModelMismatch("fsx seed=" + seed + " step " + step + " on " + file + ": " + what
                + "\nlast steps:\n  " + String.join("\n  ", history)
                + "\nreplay: make fsx SEED=" + seed + " OPS=" + step);
    }

    private int align(int n) {
        return n / block * block;
    }

    // Which modes this filesystem refuses, asked once on a scratch file: EOPNOTSUPP means unsupported.
    private static Set<FallocateMode> unsupportedModes(Path dir) throws IOException {
        Set<FallocateMode> refused = new HashSet<>();
        Path probe = dir.resolve("fsx-probe");
        for (FallocateMode mode : MODES) {
            Files.write(probe, new byte[256 * 1024]);
            try {
                Fallocate.fallocate(probe, mode, 64 * 1024, 64 * 1024);
            } catch (UnsupportedModeException e) {
                refused.add(mode);
            } finally {
                Files.deleteIfExists(probe);
            }
        }
        return refused;
    }

    /** The real file and the model disagree: the message has the seed, the step and the last steps. */
    public static final class ModelMismatch extends AssertionError {
        private static final long serialVersionUID = 1L;

        ModelMismatch(String message) {
            super(message);
        }
    }

    /**
     * {@code Exerciser [--seed N] [--ops N] [--fs TYPE]}: runs on every filesystem of the
     * matrix (JFALLOCATE_MATRIX) or the fallback ones; exit status 1 on the first mismatch.
     */
    public static void main(String[] args) throws IOException {
        long seed = System.nanoTime();
        int ops = 100_000;
        String only = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--ops" -> ops = Integer.parseInt(args[i + 1]);
                case "--fs" -> only = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: Exerciser [--seed N] [--ops N] [--fs TYPE]");
            }
        }
        System.out.println("fsx: seed=" + seed + " ops=" + ops + " (replay with make fsx SEED=" + seed + " OPS=" + ops + ")");
        int failures = 0;
        for (TestFs fs : TestFilesystems.all()) {
            if (only != null && !only.equals(fs.type())) {
                continue;
            }
            long start = System.nanoTime();
            try {
                Stats stats = run(fs.type(), fs.freshDir("fsx"), seed, ops);
                System.out.printf("fsx: %s (%.1f s)%n", stats, (System.nanoTime() - start) / 1e9);
            } catch (ModelMismatch e) {
                failures++;
                System.out.println("fsx: " + fs.type() + " FAILED: " + e.getMessage());
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
