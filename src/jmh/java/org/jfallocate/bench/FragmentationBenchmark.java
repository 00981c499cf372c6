package org.jfallocate.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Several logs growing at once: {@value #FILES} files, each reserved with the strategy, get
 * 4 KiB records in turn (file 0, 1, 2, 3, 0, ...), and each is fdatasync'ed every 64 records
 * (256 KiB), which makes the filesystem allocate while the others are growing too. The score
 * is the time to write all of it; the secondary result {@code extents} is the mean number of
 * extents per file afterwards (FIEMAP), the fragmentation a later reader pays for.
 * Every iteration starts from new files.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 30)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class FragmentationBenchmark {
    static final int FILES = 4;
    private static final int RECORD_BYTES = 4096;
    private static final int RECORDS_PER_FILE = 2048;
    private static final int SYNC_EVERY = 64;

    /** The directory written in, on the filesystem under test. */
    @Param(".")
    public String dir;

    /** How each file's space is reserved before the appends. */
    @Param
    public Strategy strategy;

    private ScratchDir scratch;
    private final Path[] paths = new Path[FILES];
    private final RandomAccessFile[] files = new RandomAccessFile[FILES];
    private final ByteBuffer record = ByteBuffer.allocateDirect(RECORD_BYTES);

    @Setup(Level.Trial)
    public void createScratch() throws IOException {
        scratch = new ScratchDir(dir, "frag");
        for (int i = 0; i < RECORD_BYTES; i++) {
            record.put(i, (byte) (i * 17 + 3));
        }
    }

    @Setup(Level.Iteration)
    public void reserveFiles() throws IOException {
        for (int f = 0; f < FILES; f++) {
            paths[f] = scratch.newFile("log" + f);
            files[f] = new RandomAccessFile(paths[f].toFile(), "rw");
            strategy.reserve(files[f], (long) RECORDS_PER_FILE * RECORD_BYTES);
            files[f].getChannel().force(true);
        }
    }

    /** Appends to all files in turn, syncing each every 64 records. */
    @Benchmark
    public long interleavedAppends() throws IOException {
        long written = 0;
        for (int r = 1; r <= RECORDS_PER_FILE; r++) {
            for (int f = 0; f < FILES; f++) {
                FileChannel ch = files[f].getChannel();
                record.clear();
                long pos = (long) (r - 1) * RECORD_BYTES;
                while (record.hasRemaining()) {
                    written += ch.write(record, pos + record.position());
                }
                if (r % SYNC_EVERY == 0) {
                    ch.force(false);
                }
            }
        }
        return written;
    }

    @TearDown(Level.Iteration)
    public void countExtentsAndDelete() throws IOException {
        long extents = 0;
        for (int f = 0; f < FILES; f++) {
            files[f].getChannel().force(true);
            extents += Extents.count(paths[f]);
            files[f].close();
            Files.delete(paths[f]);
        }
        SecondaryMetrics.gauge("extents", "extents", (double) extents / FILES);
    }

    @TearDown(Level.Trial)
    public void removeScratch() {
        scratch.close();
    }
}
