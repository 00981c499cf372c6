package org.jfallocate.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jfallocate.FileSystemInfo;

/**
 * How a log makes its appends durable, the {@code writePath} parameter of the durable append
 * workloads: fdatasync after every record or after every 16th (through the page cache), every
 * write synchronous with O_DSYNC, or O_DIRECT|O_DSYNC from block-aligned buffers as engines
 * with their own cache write (InnoDB's O_DIRECT, ScyllaDB's commitlog).
 */
public enum WritePath implements Requirement.Gated {
    /** Buffered writes, fdatasync after every record. */
    FDATASYNC_EACH(1, false, false),
    /** Buffered writes, fdatasync after every 16th record (and at the end). */
    FDATASYNC_16(16, false, false),
    /** Writes opened with O_DSYNC: each write returns once its data is durable. */
    DSYNC(0, true, false),
    /** O_DIRECT|O_DSYNC: no page cache, block-aligned buffer, offsets and lengths. */
    DIRECT_DSYNC(0, true, true);

    /**
     * com.sun.nio.file.ExtendedOpenOption.DIRECT, looked up at run time: the benchmarks are
     * compiled into the binding's module, which does not read jdk.unsupported. Null if absent.
     */
    private static final OpenOption O_DIRECT = directOption();

    private static OpenOption directOption() {
        try {
            return (OpenOption) Class.forName("com.sun.nio.file.ExtendedOpenOption").getField("DIRECT").get(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private final int syncEvery;
    private final boolean dsync;
    private final boolean direct;

    WritePath(int syncEvery, boolean dsync, boolean direct) {
        this.syncEvery = syncEvery;
        this.dsync = dsync;
        this.direct = direct;
    }

    /** Opening with this path's flags and writing one aligned block must work (checked once per directory). */
    @Override
    public Requirement requirement() {
        return dir -> dir.once("writePath " + name(), this::unsupportedIn);
    }

    /** fdatasync after every this many records; 0 when the writes are synchronous themselves. */
    public int syncEvery() {
        return syncEvery;
    }

    /** Whether buffers, offsets and lengths must be aligned to the filesystem block size (O_DIRECT). */
    public boolean direct() {
        return direct;
    }

    /**
     * What the results CSV appends to the benchmark's name for this path: the fdatasync paths
     * are told apart by the sync_every column, the others by "@dsync" and "@direct-dsync".
     */
    public String csvSuffix() {
        return switch (this) {
            case DSYNC -> "@dsync";
            case DIRECT_DSYNC -> "@direct-dsync";
            default -> "";
        };
    }

    /** Opens an existing file for this path's writes. */
    FileChannel open(Path file) throws IOException {
        List<OpenOption> options = new ArrayList<>(List.of(StandardOpenOption.READ, StandardOpenOption.WRITE));
        if (dsync) {
            options.add(StandardOpenOption.DSYNC);
        }
        if (direct) {
            if (O_DIRECT == null) {
                throw new UnsupportedOperationException("this JDK has no com.sun.nio.file.ExtendedOpenOption.DIRECT");
            }
            options.add(O_DIRECT);
        }
        return FileChannel.open(file, options.toArray(OpenOption[]::new));
    }

    /** The alignment this path needs for buffers in {@code dir}: its block size for O_DIRECT, else 1. */
    int alignment(Path dir) throws IOException {
        return direct ? Math.toIntExact(FileSystemInfo.of(dir).blockSize()) : 1;
    }

    /**
     * A direct buffer of {@code bytes} whose address is a multiple of {@code alignment}, filled
     * with a non-zero pattern (nothing below may recognise and skip a zero block).
     */
    static ByteBuffer recordBuffer(int bytes, int alignment) {
        // alignedSlice drops up to alignment - 1 bytes at each end: room for both.
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes + 2 * alignment).alignedSlice(alignment).limit(bytes).slice();
        for (int i = 0; i < bytes; i++) {
            buffer.put(i, (byte) (i * 31 + 7));
        }
        return buffer;
    }

    /**
     * Whether {@code dir}'s filesystem takes this path: opens a scratch file with its flags and
     * writes one aligned block (tmpfs, for one, may refuse O_DIRECT with EINVAL).
     *
     * @return empty when it works, otherwise why not
     */
    public Optional<String> unsupportedIn(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, "probe-" + name(), ".tmp");
        try (FileChannel channel = open(probe)) {
            int block = Math.max(4096, alignment(dir));
            ByteBuffer data = recordBuffer(block, alignment(dir));
            while (data.hasRemaining()) {
                channel.write(data, data.position());
            }
            return Optional.empty();
        } catch (FileSystemException | UnsupportedOperationException e) {
            return Optional.of(errnoName(e.getMessage()) + ": opening and writing with " + this + " failed: " + e.getMessage());
        } catch (IOException e) {
            // The JDK reports a refused O_DIRECT write as a plain IOException ("Invalid argument").
            return Optional.of(errnoName(e.getMessage()) + ": writing with " + this + " failed: " + e.getMessage());
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    // The JDK gives strerror texts; the report shows errno names, as the strategies' probes do.
    private static String errnoName(String message) {
        String m = message == null ? "" : message;
        if (m.contains("Invalid argument")) {
            return "EINVAL";
        }
        if (m.contains("not supported") || m.contains("Operation not supported")) {
            return "EOPNOTSUPP";
        }
        return "error";
    }
}
