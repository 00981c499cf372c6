package org.jfallocate.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jfallocate.ByteRange;
import org.jfallocate.Errno;
import org.jfallocate.FallocateFile;
import org.jfallocate.FileSpace;

/**
 * The one file the C tool opens, on the binding's public API: a {@link FallocateFile} for the
 * calls, {@link FallocateFile#layout()} for SEEK_DATA/SEEK_HOLE, and a {@link FileChannel} on
 * the same descriptor ({@code /proc/self/fd/N}) for reads. Failures are worded as util-linux's.
 */
final class OpenFile implements AutoCloseable {
    /** How util-linux opens: O_RDONLY for -r, O_RDWR, or O_RDWR|O_CREAT where space is allocated. */
    enum How { READ, WRITE, CREATE }

    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFSOCK = 0140000;

    private final String name;
    private final FallocateFile file;
    private FileChannel reader;
    private List<ByteRange> data;

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
            throw CliFailure.of("cannot open " + name + ": " + errnoText(e));
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
            throw CliFailure.of("stat of " + name + " failed: " + errnoText(e));
        }
    }

    /** SEEK_DATA: the next data at or after {@code offset}, or -1 when there is none (ENXIO). */
    long seekData(long offset) throws CliFailure {
        for (ByteRange r : dataRanges()) {
            if (r.end() > offset) {
                return Math.max(r.offset(), offset);
            }
        }
        return -1;
    }

    /** SEEK_HOLE: the next hole at or after {@code offset} (the end of the file counts as one), or -1 past the end. */
    long seekHole(long offset) throws CliFailure {
        for (ByteRange r : dataRanges()) {
            if (r.offset() <= offset && offset < r.end()) {
                return r.end();
            }
        }
        return offset < size() ? offset : -1;
    }

    /**
     * The data ranges, read once: -d punches only zeros it has read, which SEEK_DATA would find
     * again as they were. A character device has none: there SEEK_DATA and SEEK_HOLE make no
     * progress (/dev/zero), where util-linux gives up; on a FIFO or a socket lseek fails with
     * ESPIPE. FileLayout reads regular files only, so the rest (a directory, a block device),
     * on which util-linux would seek, is refused.
     */
    private List<ByteRange> dataRanges() throws CliFailure {
        if (data == null) {
            int type;
            try {
                type = (int) Files.getAttribute(self(), "unix:mode") & S_IFMT;
                data = type == S_IFREG ? file.layout().dataRanges() : type == S_IFCHR ? List.of() : null;
            } catch (IOException e) {
                throw CliFailure.of("seek on " + name + " failed: " + errnoText(e));
            }
            if (data == null && (type == S_IFIFO || type == S_IFSOCK)) {
                throw CliFailure.errno("seek on " + name + " failed", Errno.ESPIPE.number()); // lseek(2) on a pipe
            }
            if (data == null) {
                throw CliFailure.of(name + ": not a regular file or a character device: cannot look for holes in it");
            }
        }
        return data;
    }

    /** pread(2) of up to {@code len} bytes into {@code buf}; 0 at the end of the file. */
    int read(byte[] buf, int len, long offset) throws CliFailure {
        try {
            if (reader == null) {
                reader = FileChannel.open(self(), StandardOpenOption.READ);
            }
            return Math.max(0, reader.read(ByteBuffer.wrap(buf, 0, len), offset));
        } catch (IOException e) {
            throw CliFailure.of(name + ": read failed: " + errnoText(e));
        }
    }

    // The open descriptor as a path: the same file, whatever happened to the name since.
    private Path self() {
        return Path.of("/proc/self/fd/" + file.fd());
    }

    @Override
    public void close() throws CliFailure {
        try (FallocateFile f = file; FileChannel r = reader) {
            // both closed, the reader first
        } catch (IOException e) {
            throw CliFailure.of("write failed: " + name + ": " + errnoText(e));
        }
    }

    /**
     * strerror's text for a failure of the binding or the JDK. The binding's own exceptions end
     * their reason with "NAME (text)" (it has no errno accessor on FileSystemException); the
     * JDK's give the text alone.
     */
    static String errnoText(IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (reason == null) {
            return e.getClass().getSimpleName();
        }
        int open = reason.lastIndexOf(" (");
        if (open >= 0 && reason.endsWith(")")) {
            return reason.substring(open + 2, reason.length() - 1);
        }
        return reason;
    }
}
