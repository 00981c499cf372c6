package org.jfallocate.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;

/**
 * The ways to reserve {@code size} bytes at the start of an empty file before writing it.
 * Every strategy leaves its work as a program would: nothing is synced except by
 * {@link #ZERO_FILLED}, whose definition is "written, then synced". Each says what it needs
 * of the filesystem ({@link #requirement()}); the runner reports the others as unsupported.
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
            FileChannel channel = file.getChannel();
            ByteBuffer zeros = ZEROS.duplicate();
            for (long pos = 0; pos < size; ) {
                zeros.clear().limit((int) Math.min(ZERO_CHUNK, size - pos));
                pos += channel.write(zeros, pos);
            }
            channel.force(false);
        }
    };

    private static final int ZERO_CHUNK = 1 << 20;
    /** Allocated once: a fresh 1 MiB direct buffer per call would be timed with the reservation. */
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(ZERO_CHUNK);

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
}
