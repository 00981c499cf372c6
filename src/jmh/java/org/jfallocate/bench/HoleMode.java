package org.jfallocate.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateMode;

/** The fallocate modes HoleOperationsBenchmark needs, and the benchmark methods that need each. */
enum HoleMode {
    PUNCH_HOLE(FallocateMode.PUNCH_HOLE, "HoleOperationsBenchmark.punchHole"),
    COLLAPSE_RANGE(FallocateMode.COLLAPSE_RANGE, "HoleOperationsBenchmark.collapseRange"),
    INSERT_RANGE(FallocateMode.INSERT_RANGE, "HoleOperationsBenchmark.insertRange");

    private final FallocateMode mode;
    private final String benchmark;

    HoleMode(FallocateMode mode, String benchmark) {
        this.mode = mode;
        this.benchmark = benchmark;
    }

    /** "Class.method" of the benchmark that uses this mode. */
    String benchmark() {
        return benchmark;
    }

    /** Tries the mode on a 4 MiB written scratch file in {@code dir}, 1 MiB at 1 MiB: empty when it works. */
    Optional<String> unsupportedIn(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, "probe-" + name(), ".tmp");
        try (RandomAccessFile file = new RandomAccessFile(probe.toFile(), "rw")) {
            ByteBuffer data = ByteBuffer.allocate(4 << 20);
            while (data.hasRemaining()) {
                file.getChannel().write(data, data.position());
            }
            Fallocate.fallocate(file.getChannel(), mode, 1 << 20, 1 << 20);
            return Optional.empty();
        } catch (FallocateException e) {
            return Optional.of(Errno.nameOf(e.errnoValue()) + ": " + e.getMessage());
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
