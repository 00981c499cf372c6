package org.jfallocate.cli;

import java.io.IOException;
import org.jfallocate.FileSpace;

/** fstat(2) facts the CLI needs, through the binding's {@link FileSpace} (statx). */
final class FileStat {
    private FileStat() {
    }

    /** st_blksize, the chunk util-linux reads and punches by. */
    static int blockSize(PosixFile file) throws CliFailure {
        return space(file).blockSize();
    }

    /** st_size. */
    static long size(PosixFile file) throws CliFailure {
        return space(file).size();
    }

    private static FileSpace space(PosixFile file) throws CliFailure {
        try {
            return FileSpace.of(file.fd());
        } catch (IOException e) {
            throw CliFailure.of("stat of " + file.name() + " failed: " + e.getMessage());
        }
    }
}
