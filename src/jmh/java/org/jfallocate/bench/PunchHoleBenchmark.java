package org.jfallocate.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.TimeUnit;

import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Discarding 16 MiB in the middle of a 64 MiB file ({@link WrittenFile}): PUNCH_HOLE, which
 * gives the blocks back, against overwriting the range with zeros, which keeps them. Both end
 * with fdatasync. Neither reads the file, so {@code cache} matters only through what the
 * filesystem does with cached pages of the range.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 30)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class PunchHoleBenchmark {

    /** Discards 16 MiB in the middle by deallocating it. */
    @Benchmark
    public FileChannel punchHole(WrittenFile f) throws IOException {
        Fallocate.fallocate(f.channel, FallocateMode.PUNCH_HOLE, WrittenFile.RANGE_OFFSET, WrittenFile.RANGE_BYTES);
        f.channel.force(false);
        return f.channel;
    }

    /** Discards 16 MiB in the middle by overwriting it with zeros. */
    @Benchmark
    public FileChannel writeZeros(WrittenFile f) throws IOException {
        for (long pos = WrittenFile.RANGE_OFFSET; pos < WrittenFile.RANGE_OFFSET + WrittenFile.RANGE_BYTES; pos += WrittenFile.MIB) {
            f.zeros.clear();
            WrittenFile.writeFully(f.channel, f.zeros, pos);
        }
        f.channel.force(false);
        return f.channel;
    }
}
