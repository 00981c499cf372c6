package org.jfallocate.cli;

import java.io.IOException;
import org.jfallocate.Errno;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateFlag;
import org.jfallocate.FallocateMode;

/**
 * The binding's calls on the open file, with failures worded as util-linux words them,
 * plus the file's name: {@code FILE: fallocate failed: Operation not supported}, and for
 * KEEP_SIZE modes refused with EOPNOTSUPP, {@code FILE: fallocate failed: keep size mode is
 * unsupported}.
 */
final class Operations {
    private Operations() {
    }

    /** fallocate(2) with {@code mode} on the file. */
    static void fallocate(OpenFile file, FallocateMode mode, long offset, long length) throws CliFailure {
        if (offset + length < 0) {
            // The kernel's answer to an end past 2^63 - 1 (the binding refuses it before the call).
            throw failed(file, Errno.EFBIG.number());
        }
        try {
            file.handle().fallocate(mode, offset, length);
        } catch (FallocateException e) {
            if (mode.has(FallocateFlag.KEEP_SIZE) && e.errno() == Errno.EOPNOTSUPP) {
                throw CliFailure.of(file.name() + ": fallocate failed: keep size mode is unsupported");
            }
            throw failed(file, e.errnoValue());
        } catch (IOException e) {
            throw CliFailure.of(file.name() + ": fallocate failed: " + e.getMessage());
        }
    }

    /** posix_fallocate(3) on the file. */
    static void posixFallocate(OpenFile file, long offset, long length) throws CliFailure {
        if (offset + length < 0) {
            throw failed(file, Errno.EFBIG.number());
        }
        try {
            file.handle().posixFallocate(offset, length);
        } catch (FallocateException e) {
            throw failed(file, e.errnoValue());
        } catch (IOException e) {
            throw CliFailure.of(file.name() + ": fallocate failed: " + e.getMessage());
        }
    }

    private static CliFailure failed(OpenFile file, int errno) {
        return CliFailure.errno(file.name() + ": fallocate failed", errno);
    }
}
