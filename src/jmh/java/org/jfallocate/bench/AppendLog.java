package org.jfallocate.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * A log file prepared with a {@link Strategy} and then filled with fixed-size records from
 * offset 0, as a write-ahead log writes its segment. The preparation is made durable (fsync)
 * when the log is created, so that the appends pay only for their own work and for what the
 * strategy does while they run ({@link AppendHooks}). The appends go through the spec's
 * {@link WritePath}: opened with O_DSYNC or O_DIRECT where it says so, from an aligned buffer.
 */
final class AppendLog implements AutoCloseable {
    private final Path path;
    private final LogSpec spec;
    private final FileChannel channel;
    private final AppendHooks hooks;
    private final ByteBuffer record;
    private final LongConsumer latencies;
    private long position;
    private long unsynced;

    private AppendLog(Path path, LogSpec spec, LongConsumer latencies) throws IOException {
        this.path = path;
        this.spec = spec;
        this.latencies = latencies;
        this.channel = spec.writePath() == null ? FileChannel.open(path, java.nio.file.StandardOpenOption.WRITE)
                : spec.writePath().open(path);
        try {
            int alignment = spec.writePath() == null ? 1 : spec.writePath().alignment(path.getParent());
            if (spec.recordBytes() % alignment != 0) {
                throw new IllegalArgumentException("recordBytes must be a multiple of the block size " + alignment
                        + " for " + spec.writePath() + " (O_DIRECT), was " + spec.recordBytes());
            }
            this.record = WritePath.recordBuffer(spec.recordBytes(), alignment);
            this.hooks = spec.strategy().hooks(spec.chunkBytes());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Creates the file at {@code path} and prepares it with the spec's strategy, durably.
     *
     * @param latencies receives every record's latency in nanoseconds, its sync and the strategy's hook included
     */
    static AppendLog create(Path path, LogSpec spec, LongConsumer latencies) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            spec.strategy().reserve(file, spec.fileBytes());
            file.getChannel().force(true);
        }
        return new AppendLog(path, spec, latencies);
    }

    /** Opens a file written before (a recycled segment) to overwrite it from offset 0. */
    static AppendLog reuse(Path path, LogSpec spec, LongConsumer latencies) throws IOException {
        return new AppendLog(path, spec, latencies);
    }

    /**
     * Appends {@code records} records through the write path, calling fdatasync after every
     * {@code syncEvery}-th, and hands each record's latency to the consumer.
     *
     * @return the file position reached, so the work cannot be optimised away
     */
    long append(long records) throws IOException {
        int syncEvery = spec.writePath() == null ? 0 : spec.writePath().syncEvery();
        for (long i = 0; i < records; i++) {
            long start = System.nanoTime();
            hooks.beforeWrite(channel, position, spec.recordBytes());
            record.clear();
            while (record.hasRemaining()) {
                position += channel.write(record, position);
            }
            if (syncEvery > 0 && ++unsynced == syncEvery) {
                channel.force(false);
                unsynced = 0;
            }
            latencies.accept(System.nanoTime() - start);
        }
        return position;
    }

    /**
     * Ends the appends as a log closes a full segment: syncs what the last sync left out and
     * lets the strategy trim what it reserved ({@link AppendHooks#close}).
     */
    void finish() throws IOException {
        if (unsynced > 0) {
            channel.force(false);
            unsynced = 0;
        }
        hooks.close(channel, position);
    }

    /** Bytes appended so far. */
    long position() {
        return position;
    }

    /** The file. */
    Path path() {
        return path;
    }

    /** Closes the file and keeps it (to recycle or delete later). */
    void closeKeeping() throws IOException {
        channel.close();
    }

    /** Closes and deletes the file. */
    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(path);
    }
}
