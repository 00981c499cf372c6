package org.jfallocate.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A log file reserved with a {@link Strategy} and then filled with fixed-size records from
 * offset 0, as a write-ahead log writes its segment. The reservation is made durable
 * (fsync) when the log is created, so that the appends pay only for their own work.
 */
final class AppendLog implements AutoCloseable {
    private final Path path;
    private final RandomAccessFile file;
    private final FileChannel channel;
    private final ByteBuffer record;
    private long position;

    private AppendLog(Path path, RandomAccessFile file, int recordBytes) {
        this.path = path;
        this.file = file;
        this.channel = file.getChannel();
        this.record = ByteBuffer.allocateDirect(recordBytes);
        for (int i = 0; i < recordBytes; i++) {
            // Not zeros: nothing below may recognise and skip a zero block.
            record.put(i, (byte) (i * 31 + 7));
        }
    }

    /** Creates the file at {@code path} and reserves {@code reserveBytes} with {@code strategy}. */
    static AppendLog create(Path path, Strategy strategy, long reserveBytes, int recordBytes) throws IOException {
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        try {
            strategy.reserve(file, reserveBytes);
            file.getChannel().force(true);
            return new AppendLog(path, file, recordBytes);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Appends {@code records} records, calling fdatasync after every {@code syncEvery}-th
     * (never when it is 0), and records each record's latency, its sync included, and the
     * call's throughput in records per second (secondary result {@code throughput}).
     *
     * @return the file position reached, so the work cannot be optimised away
     */
    long append(int records, int syncEvery) throws IOException {
        long begin = System.nanoTime();
        for (int i = 1; i <= records; i++) {
            long start = System.nanoTime();
            record.clear();
            while (record.hasRemaining()) {
                position += channel.write(record, position);
            }
            if (syncEvery > 0 && i % syncEvery == 0) {
                channel.force(false);
            }
            SecondaryMetrics.recordLatencyNanos(System.nanoTime() - start);
        }
        SecondaryMetrics.gauge("throughput", "ops/s", records * 1e9 / Math.max(1, System.nanoTime() - begin));
        return position;
    }

    @Override
    public void close() throws IOException {
        file.close();
        Files.deleteIfExists(path);
    }
}
