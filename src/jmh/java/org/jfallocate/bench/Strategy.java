package org.jfallocate.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;

/**
 * What a program does to a log file's space so that its appends go fast: before the appends
 * ({@link #reserve}, not timed by the append workloads), and, for {@link #CHUNKED_KEEP_SIZE},
 * also during them and when the file is closed ({@link #hooks}, timed). docs/benchmarks.md
 * says which systems do each and where.
 * Every strategy leaves its work as a program would: nothing is synced except by
 * {@link #ZERO_FILLED}, {@link #POSIX_THEN_ZEROS} and {@link #RECYCLED}, whose definitions
 * include the sync. Each says what it needs of the filesystem ({@link #requirement()}); the
 * runner reports the others as unsupported.
 */
public enum Strategy implements Requirement.Gated {
    /** Nothing: the writes that follow are plain appends. */
    NONE {
        @Override
        void reserve(RandomAccessFile file, long size) {
        }
    },
    /** {@code setLength}, i.e. ftruncate(2): a hole of the right size, no blocks. */
    SPARSE {
        @Override
        void reserve(RandomAccessFile file, long size) throws IOException {
            file.setLength(size);
        }
    },
    /** fallocate(2) mode 0: blocks allocated (as unwritten extents) and the size set. */
    FALLOCATE(FallocateMode.ALLOCATE),
    /** fallocate(2) FALLOC_FL_KEEP_SIZE: blocks allocated, the size left at 0. */
    FALLOCATE_KEEP_SIZE(FallocateMode.KEEP_SIZE),
    /** posix_fallocate(3): fallocate mode 0, or glibc's one-byte-per-block emulation where that fails. */
    POSIX_FALLOCATE(Requirement.posixFallocate()) {
        @Override
        void reserve(RandomAccessFile file, long size) throws IOException {
            Fallocate.posixFallocate(file.getChannel(), 0, size);
        }
    },
    /** fallocate(2) FALLOC_FL_ZERO_RANGE: zeroed (typically unwritten) blocks. */
    ZERO_RANGE(FallocateMode.ZERO_RANGE),
    /** fallocate(2) FALLOC_FL_WRITE_ZEROES (Linux 6.17): written zeros, offloaded to the device. */
    WRITE_ZEROES(FallocateMode.WRITE_ZEROES),
    /** Zeros written with write(2) in 1 MiB chunks, then fdatasync: blocks allocated and written. */
    ZERO_FILLED {
        @Override
        void reserve(RandomAccessFile file, long size) throws IOException {
            write(file.getChannel(), ZEROS, size);
            file.getChannel().force(false);
        }
    },
    /**
     * A segment written before, fully and durably, now overwritten from offset 0: the reservation
     * writes {@code size} non-zero bytes and fdatasyncs, as the log's earlier use of the file did.
     */
    RECYCLED {
        @Override
        void reserve(RandomAccessFile file, long size) throws IOException {
            write(file.getChannel(), OLD_DATA, size);
            file.getChannel().force(false);
        }
    },
    /**
     * fallocate(2) KEEP_SIZE of the next step whenever an append would cross the reserved end,
     * and at close ftruncate to the written size (plus a punched tail where that leaves blocks
     * beyond it). Nothing is reserved up front; the step size is the workloads' {@code chunkBytes}.
     */
    CHUNKED_KEEP_SIZE(dir -> dir.unsupported(FallocateMode.KEEP_SIZE)
            .or(() -> dir.unsupported(FallocateMode.PUNCH_HOLE))) {
        @Override
        void reserve(RandomAccessFile file, long size) {
        }

        @Override
        AppendHooks hooks(long chunkBytes) {
            return new ChunkedKeepSize(chunkBytes);
        }
    },
    /** posix_fallocate(3), then zeros written over the reserved range and fdatasync. */
    POSIX_THEN_ZEROS(Requirement.posixFallocate()) {
        @Override
        void reserve(RandomAccessFile file, long size) throws IOException {
            Fallocate.posixFallocate(file.getChannel(), 0, size);
            write(file.getChannel(), ZEROS, size);
            file.getChannel().force(false);
        }
    };

    private static final int ZERO_CHUNK = 1 << 20;
    /** Allocated once: a fresh 1 MiB direct buffer per call would be timed with the reservation. */
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(ZERO_CHUNK);
    /** What a recycled segment held before: not zeros, so that nothing below can treat it as a hole. */
    private static final ByteBuffer OLD_DATA = oldData();

    private static ByteBuffer oldData() {
        ByteBuffer b = ByteBuffer.allocateDirect(ZERO_CHUNK);
        for (int i = 0; i < ZERO_CHUNK; i++) {
            b.put(i, (byte) (1 + i % 251));
        }
        return b;
    }

    /** Writes {@code size} bytes from offset 0, {@code pattern} over and over. */
    private static void write(FileChannel channel, ByteBuffer pattern, long size) throws IOException {
        ByteBuffer chunk = pattern.duplicate();
        for (long pos = 0; pos < size; ) {
            chunk.clear().limit((int) Math.min(ZERO_CHUNK, size - pos));
            pos += channel.write(chunk, pos);
        }
    }

    /** The fallocate(2) mode of the strategies that are one fallocate call; null for the others. */
    private final FallocateMode mode;
    private final Requirement requirement;

    /** A strategy that needs nothing of the filesystem. */
    Strategy() {
        this(null, Requirement.NOTHING);
    }

    /** A strategy that is one fallocate call with {@code mode}. */
    Strategy(FallocateMode mode) {
        this(mode, Requirement.fallocate(mode));
    }

    /** A strategy with its own {@link #reserve} that needs {@code requirement}. */
    Strategy(Requirement requirement) {
        this(null, requirement);
    }

    Strategy(FallocateMode mode, Requirement requirement) {
        this.mode = mode;
        this.requirement = requirement;
    }

    @Override
    public Requirement requirement() {
        return requirement;
    }

    /**
     * Reserves {@code size} bytes from offset 0 of {@code file}: one fallocate with this
     * strategy's mode, unless the constant says otherwise.
     *
     * @throws org.jfallocate.UnsupportedModeException when the filesystem cannot do it
     */
    void reserve(RandomAccessFile file, long size) throws IOException {
        Fallocate.fallocate(file.getChannel(), mode, 0, size);
    }

    /**
     * What this strategy does while a file is appended to and when it is closed; nothing for
     * all but {@link #CHUNKED_KEEP_SIZE}, which reserves {@code chunkBytes} at a time.
     */
    AppendHooks hooks(long chunkBytes) {
        return AppendHooks.NONE;
    }

    /** The strategies that act only once, before the appends: what ReserveSpaceBenchmark compares. */
    static final Set<Strategy> RESERVATIONS = Collections.unmodifiableSet(
            EnumSet.complementOf(EnumSet.of(RECYCLED, CHUNKED_KEEP_SIZE, POSIX_THEN_ZEROS)));
}
