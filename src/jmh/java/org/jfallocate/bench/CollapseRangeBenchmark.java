package org.jfallocate.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * Dropping the first 16 MiB of a 64 MiB log ({@link WrittenFile}): COLLAPSE_RANGE in place
 * against what a program does without it, copying the rest into a new file that replaces the
 * old one. Both end durable: the collapse with fdatasync; the copy with fdatasync of the new
 * file, an atomic rename and an fsync of the directory ({@link Durably}). With
 * {@code cache=cold} the copy reads its 48 MiB from the device.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 30)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class CollapseRangeBenchmark {

    /** Drops the first 16 MiB in place. */
    @Benchmark
    public FileChannel collapseRange(WrittenFile f) throws IOException {
        Fallocate.fallocate(f.channel, FallocateMode.COLLAPSE_RANGE, 0, WrittenFile.RANGE_BYTES);
        f.channel.force(false);
        return f.channel;
    }

    /** Drops the first 16 MiB by copying the rest into a new file that replaces the old one. */
    @Benchmark
    public Path copyTail(WrittenFile f) throws IOException {
        Path copy = f.sibling("copy");
        try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long pos = WrittenFile.RANGE_BYTES; pos < WrittenFile.FILE_BYTES; pos += WrittenFile.MIB) {
                WrittenFile.readFully(f.channel, f.buffer, pos);
                WrittenFile.writeFully(out, f.buffer, pos - WrittenFile.RANGE_BYTES);
            }
            out.force(false);
        }
        return Durably.replace(copy, f.path);
    }
}
