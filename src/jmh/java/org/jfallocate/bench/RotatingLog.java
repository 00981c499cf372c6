package org.jfallocate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.HdrHistogram.Histogram;

/**
 * A log of fixed-size segments written one after the other, the next one always prepared by
 * the {@link Strategy} on a background thread while the current one is written, as etcd's
 * WAL (filePipeline) and ScyllaDB's commitlog (its reserve segments) do. The writer sees only
 * its own appends and the switch: finishing the full segment (its last sync and the
 * strategy's close), then taking the prepared one, waiting if it is not ready yet.
 *
 * <p>Retired segments are deleted by the preparer before it prepares the next, so that each
 * log holds at most two segments; with {@link Strategy#RECYCLED} the retired segment is
 * renamed into the next one instead, to be overwritten. Each writer's record latencies go to
 * its own histogram (the switch counted into the record that waited for it).
 */
final class RotatingLog implements AutoCloseable {
    private final Path dir;
    private final LogSpec spec;
    private final ExecutorService preparer;
    private final Histogram latencies = SecondaryMetrics.newHistogram();
    private AppendLog current;
    private Future<AppendLog> next;
    private int segmentNumber;
    private long pendingSwitchNanos;
    private long switches;
    private long switchNanos;
    private long maxSwitchNanos;
    private volatile long prepareNanos;
    private volatile long prepared;
    private volatile String preparerThread;

    /**
     * Creates the first segment here, untimed, and starts preparing the second. For RECYCLED
     * both are first written and synced, as segments of an earlier run of the log would be.
     */
    RotatingLog(Path dir, LogSpec spec) throws IOException {
        this.dir = dir;
        this.spec = spec;
        this.preparer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "segment-preparer-" + dir.getFileName());
            t.setDaemon(true);
            return t;
        });
        current = AppendLog.create(segmentPath(segmentNumber++), spec, this::recordLatency);
        Path retired = null;
        if (spec.strategy() == Strategy.RECYCLED) {
            retired = dir.resolve("retired");
            AppendLog.create(retired, spec, n -> { }).closeKeeping();
        }
        next = prepareNext(retired);
    }

    /** Appends {@code records} records, switching segments whenever the current one is full. */
    long append(long records) throws IOException {
        long written = 0;
        for (long i = 0; i < records; i++) {
            if (current.position() >= spec.fileBytes()) {
                switchSegment();
            }
            written = current.append(1);
        }
        return written;
    }

    private void switchSegment() throws IOException {
        long start = System.nanoTime();
        AppendLog full = current;
        full.finish();
        full.closeKeeping();
        try {
            current = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the next segment", e);
        } catch (ExecutionException e) {
            throw new IOException("preparing the next segment failed: " + e.getCause(), e.getCause());
        }
        next = prepareNext(full.path());
        long took = System.nanoTime() - start;
        pendingSwitchNanos += took;
        switches++;
        switchNanos += took;
        maxSwitchNanos = Math.max(maxSwitchNanos, took);
    }

    /** On the preparer: deletes (or, RECYCLED, renames) the retired segment, then prepares the next. */
    private Future<AppendLog> prepareNext(Path retired) {
        Path target = segmentPath(segmentNumber++);
        return preparer.submit(() -> {
            preparerThread = Thread.currentThread().getName();
            long start = System.nanoTime();
            AppendLog log;
            if (spec.strategy() == Strategy.RECYCLED) {
                Files.move(retired, target);
                log = AppendLog.reuse(target, spec, this::recordLatency);
            } else {
                if (retired != null) {
                    Files.delete(retired);
                }
                start = System.nanoTime();
                log = AppendLog.create(target, spec, this::recordLatency);
            }
            prepareNanos += System.nanoTime() - start;
            prepared++;
            return log;
        });
    }

    private void recordLatency(long nanos) {
        latencies.recordValue(Math.max(0, nanos + pendingSwitchNanos));
        pendingSwitchNanos = 0;
    }

    private Path segmentPath(int number) {
        return dir.resolve(String.format("segment-%06d", number));
    }

    /** This writer's record latencies since the last {@link #resetLatencies}. */
    Histogram latencies() {
        return latencies;
    }

    void resetLatencies() {
        latencies.reset();
    }

    /** Segment switches so far. */
    long switches() {
        return switches;
    }

    /** Mean time of a switch as the writer saw it, in nanoseconds (0 before the first). */
    double meanSwitchNanos() {
        return switches == 0 ? 0 : (double) switchNanos / switches;
    }

    /** The longest switch so far, in nanoseconds. */
    long maxSwitchNanos() {
        return maxSwitchNanos;
    }

    /** Mean time the preparer took for one segment (its strategy's work), in nanoseconds. */
    double meanPrepareNanos() {
        long n = prepared;
        return n == 0 ? 0 : (double) prepareNanos / n;
    }

    /** Segments the preparer finished. */
    long prepared() {
        return prepared;
    }

    /** The name of the thread the last preparation ran on, or null before the first. */
    String preparerThread() {
        return preparerThread;
    }

    /** The segment being written. */
    Path currentSegment() {
        return current.path();
    }

    @Override
    public void close() throws IOException {
        preparer.shutdown();
        try {
            AppendLog prepared = next.get();
            prepared.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new UncheckedIOException(new IOException("preparing the last segment failed", e.getCause()));
        } finally {
            current.close();
        }
    }
}
