package org.jfallocate.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;
import org.jfallocate.Errno;
import org.jfallocate.FallocateFile;
import org.jfallocate.FileSpace;

/**
 * The one file the C tool opens, on the binding's public API: a {@link FallocateFile} for
 * every call on it (fallocate, statx, lseek SEEK_DATA/SEEK_HOLE, pread), on whatever file
 * type was named, as util-linux does. Failures are worded as util-linux's: "WHAT: strerror",
 * the errno taken from the exception ({@link Errno#numberOf}).
 */
final class OpenFile implements AutoCloseable {
    /** How util-linux opens: O_RDONLY for -r, O_RDWR, or O_RDWR|O_CREAT where space is allocated. */
    enum How { READ, WRITE, CREATE }

    private final String name;
    private final FallocateFile file;

    private OpenFile(String name, FallocateFile file) {
        this.name = name;
        this.file = file;
    }

    /**
     * open(2) with mode 0666 less the umask, as util-linux does.
     *
     * @throws CliFailure "cannot open NAME: errno text"
     */
    static OpenFile open(String name, How how) throws CliFailure {
        try {
            FallocateFile f = switch (how) {
                case READ -> FallocateFile.open(Path.of(name), StandardOpenOption.READ);
                case WRITE -> FallocateFile.open(Path.of(name));
                case CREATE -> FallocateFile.open(Path.of(name), StandardOpenOption.CREATE);
            };
            return new OpenFile(name, f);
        } catch (IOException e) {
            throw failure("cannot open " + name, e);
        }
    }

    String name() {
        return name;
    }

    FallocateFile handle() {
        return file;
    }

    /** st_blksize, the chunk util-linux reads and punches by. */
    int blockSize() throws CliFailure {
        return space().blockSize();
    }

    /** st_size. */
    long size() throws CliFailure {
        return space().size();
    }

    private FileSpace space() throws CliFailure {
        try {
            return file.space();
        } catch (IOException e) {
            throw failure("stat of " + name + " failed", e);
        }
    }

    /** What {@link #seekData} and {@link #seekHole} return when lseek failed otherwise than with ENXIO. */
    static final long SEEK_FAILED = -2;

    /**
     * SEEK_DATA: the next data at or after {@code offset}; -1 when there is none (ENXIO), or
     * {@link #SEEK_FAILED}. util-linux first seeks with SEEK_SET, which fails only with ESPIPE
     * (a FIFO, a socket): that is its "seek on F failed". Its SEEK_DATA/SEEK_HOLE then end the
     * walk silently at any error, such as EINVAL on a file type without them (a tmpfs
     * directory, a block device on Linux 6.18).
     */
    long seekData(long offset) throws CliFailure {
        try {
            return file.seekData(offset).orElse(-1);
        } catch (IOException e) {
            return walkEnds(e);
        }
    }

    /** SEEK_HOLE: the next hole at or after {@code offset} (the end counts as one); -1 or {@link #SEEK_FAILED} as {@link #seekData}. */
    long seekHole(long offset) throws CliFailure {
        try {
            return file.seekHole(offset).orElse(-1);
        } catch (IOException e) {
            return walkEnds(e);
        }
    }

    private long walkEnds(IOException e) throws CliFailure {
        if (Errno.of(e).orElse(null) == Errno.ESPIPE || Errno.numberOf(e).isEmpty()) {
            throw failure("seek on " + name + " failed", e);
        }
        return SEEK_FAILED;
    }

    /** pread(2) of up to {@code len} bytes into {@code buf}; 0 at the end of the file. */
    int read(byte[] buf, int len, long offset) throws CliFailure {
        try {
            return Math.max(0, file.read(ByteBuffer.wrap(buf, 0, len), offset));
        } catch (IOException e) {
            throw failure(name + ": read failed", e);
        }
    }

    @Override
    public void close() throws CliFailure {
        try {
            file.close();
        } catch (IOException e) {
            throw failure("write failed: " + name, e);
        }
    }

    /**
     * util-linux's err(3): "WHAT: strerror", the errno read from the binding's exception; an
     * exception that carries none (not from a system call) gives its own message.
     */
    static CliFailure failure(String what, IOException e) {
        OptionalInt errno = Errno.numberOf(e);
        return errno.isPresent() ? CliFailure.errno(what, errno.getAsInt()) : CliFailure.of(what + ": " + e.getMessage());
    }
}
