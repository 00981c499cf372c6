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
 * Opening a 16 MiB gap at 16 MiB in a 64 MiB file ({@link WrittenFile}): INSERT_RANGE, which
 * shifts the extents, against moving the 48 MiB tail up by hand (last MiB first) and zeroing
 * the gap. Both end with fdatasync, which also makes the new size durable. With
 * {@code cache=cold} the hand-made move reads the tail from the device.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 30)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class InsertRangeBenchmark {

    /** Opens a 16 MiB gap (a hole) at 16 MiB, shifting the rest up. */
    @Benchmark
    public FileChannel insertRange(WrittenFile f) throws IOException {
        Fallocate.fallocate(f.channel, FallocateMode.INSERT_RANGE, WrittenFile.RANGE_OFFSET, WrittenFile.RANGE_BYTES);
        f.channel.force(false);
        return f.channel;
    }

    /** Opens a 16 MiB gap of zeros at 16 MiB by moving the rest up, last MiB first, then zeroing the gap. */
    @Benchmark
    public FileChannel rewriteTail(WrittenFile f) throws IOException {
        for (long pos = WrittenFile.FILE_BYTES - WrittenFile.MIB; pos >= WrittenFile.RANGE_OFFSET; pos -= WrittenFile.MIB) {
            WrittenFile.readFully(f.channel, f.buffer, pos);
            WrittenFile.writeFully(f.channel, f.buffer, pos + WrittenFile.RANGE_BYTES);
        }
        for (long pos = WrittenFile.RANGE_OFFSET; pos < WrittenFile.RANGE_OFFSET + WrittenFile.RANGE_BYTES; pos += WrittenFile.MIB) {
            f.zeros.clear();
            WrittenFile.writeFully(f.channel, f.zeros, pos);
        }
        f.channel.force(false);
        return f.channel;
    }
}
