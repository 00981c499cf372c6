package org.jfallocate.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;

import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileSpace;

/**
 * {@link Strategy#CHUNKED_KEEP_SIZE} on one file: whenever a write would end beyond what is
 * reserved, fallocate KEEP_SIZE up to the next multiple of the step; at close, ftruncate to
 * the written size and, where the filesystem kept blocks beyond it, punch them out, as
 * RocksDB's PosixWritableFile does with its preallocation block size.
 */
final class ChunkedKeepSize implements AppendHooks {
    private final long step;
    /** Bytes from offset 0 reserved so far: always a multiple of {@link #step}. */
    private long reservedEnd;
    private int calls;

    ChunkedKeepSize(long step) {
        if (step <= 0) {
            throw new IllegalArgumentException("chunkBytes must be positive, was " + step);
        }
        this.step = step;
    }

    @Override
    public void beforeWrite(FileChannel channel, long position, int length) throws IOException {
        long end = position + length;
        if (end > reservedEnd) {
            long newEnd = (end + step - 1) / step * step;
            Fallocate.fallocate(channel, FallocateMode.KEEP_SIZE, reservedEnd, newEnd - reservedEnd);
            reservedEnd = newEnd;
            calls++;
        }
    }

    @Override
    public void close(FileChannel channel, long writtenBytes) throws IOException {
        if (reservedEnd == 0) {
            return;
        }
        Ftruncate.to(channel, writtenBytes);
        // ftruncate to the current size frees nothing on some filesystems (RocksDB names XFS):
        // punch what is still allocated past the written size.
        FileSpace space = FileSpace.of(channel);
        long blocksNeeded = (space.size() + space.blockSize() - 1) / space.blockSize();
        if (space.allocatedBytes() / space.blockSize() != blocksNeeded && reservedEnd > writtenBytes) {
            Fallocate.fallocate(channel, FallocateMode.PUNCH_HOLE, writtenBytes, reservedEnd - writtenBytes);
        }
    }

    /** How many fallocate calls the appends made so far. */
    int calls() {
        return calls;
    }

    /** Bytes reserved from offset 0 so far. */
    long reservedEnd() {
        return reservedEnd;
    }
}
