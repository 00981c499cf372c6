package org.jfallocate;

import java.nio.file.Path;
import org.jfallocate.internal.Errnos;
import org.jfallocate.internal.FdPaths;
import org.jfallocate.internal.LibC;
import org.jfallocate.internal.Syscalls;
import org.jfallocate.internal.jfr.FallocateEvent;
import org.jfallocate.internal.jfr.FallocateEvents;

/**
 * One validated call into the C library on a descriptor: EINTR retried, any other error
 * turned into the matching {@link FallocateException}. The success path allocates nothing.
 * Each call is a {@code jfallocate.Fallocate} flight-recorder event when a recording wants
 * one; when none does, that costs one branch.
 */
final class NativeCall {
    private NativeCall() {
    }

    static void fallocate(int fd, Path path, FallocateMode mode, long offset, long len) throws FallocateException {
        fallocate(fd, path, mode, offset, len, Operation.FALLOCATE.cName());
    }

    /** @param eventOperation what the flight-recorder event calls this call, e.g. "preallocate:fallocate" */
    static void fallocate(int fd, Path path, FallocateMode mode, long offset, long len, String eventOperation)
            throws FallocateException {
        checkArguments(fd, mode, offset, len);
        int errno;
        if (FallocateEvents.enabled()) {
            FallocateEvent event = FallocateEvents.begin(eventOperation, fd, path, mode.toString(), mode.value(), offset, len);
            errno = callFallocate(fd, mode.value(), offset, len);
            FallocateEvents.commit(event, errno, errno == 0 ? "0" : Errno.nameOf(errno));
        } else {
            errno = callFallocate(fd, mode.value(), offset, len);
        }
        if (errno != 0) {
            throw failure(new FallocateException.CallSite(Operation.FALLOCATE, named(path, fd), fd, mode, offset, len),
                    errno);
        }
    }

    static void posixFallocate(int fd, Path path, long offset, long len) throws FallocateException {
        posixFallocate(fd, path, offset, len, Operation.POSIX_FALLOCATE.cName());
    }

    /** @param eventOperation what the flight-recorder event calls this call, e.g. "preallocate-fallback:posix_fallocate" */
    static void posixFallocate(int fd, Path path, long offset, long len, String eventOperation) throws FallocateException {
        checkArguments(fd, FallocateMode.ALLOCATE, offset, len);
        int errno;
        if (FallocateEvents.enabled()) {
            FallocateMode mode = FallocateMode.ALLOCATE;
            FallocateEvent event = FallocateEvents.begin(eventOperation, fd, path, mode.toString(), mode.value(), offset, len);
            errno = callPosixFallocate(fd, offset, len);
            FallocateEvents.commit(event, errno, errno == 0 ? "0" : Errno.nameOf(errno));
        } else {
            errno = callPosixFallocate(fd, offset, len);
        }
        if (errno != 0) {
            throw failure(new FallocateException.CallSite(
                    Operation.POSIX_FALLOCATE, named(path, fd), fd, FallocateMode.ALLOCATE, offset, len), errno);
        }
    }

    /** fallocate(2) with EINTR retried: 0, or the errno of the failure. */
    private static int callFallocate(int fd, int mode, long offset, long len) {
        Syscalls os = Syscalls.current();
        int errno;
        do {
            errno = os.fallocate(fd, mode, offset, len);
        } while (errno == Errnos.EINTR);
        return errno;
    }

    /** posix_fallocate(3) with EINTR retried: 0, or the error it returned (it does not set errno). */
    private static int callPosixFallocate(int fd, long offset, long len) {
        Syscalls os = Syscalls.current();
        int errno;
        do {
            errno = os.posixFallocate(fd, offset, len);
        } while (errno == Errnos.EINTR);
        return errno;
    }

    // The caller's path, else the descriptor's from /proc: read only when a call has failed.
    private static Path named(Path path, int fd) {
        return path != null ? path : FdPaths.pathOf(fd);
    }

    /** One check per argument, each naming the argument and the rule, before any syscall. */
    static void checkArguments(int fd, FallocateMode mode, long offset, long len) {
        LibC.requireAvailable();
        if (mode == null) {
            throw new NullPointerException("mode must not be null");
        }
        if (fd < 0) {
            throw new IllegalArgumentException("fd must be >= 0 (an open descriptor), was " + fd);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (len <= 0) {
            throw new IllegalArgumentException("len must be > 0, was " + len);
        }
        if (offset > Long.MAX_VALUE - len) {
            throw new IllegalArgumentException("offset + len must not overflow a signed 64-bit integer, was offset="
                    + offset + " + len=" + len);
        }
    }

    private static FallocateException failure(FallocateException.CallSite call, int errno) {
        String hint = hint(call, errno);
        return switch (errno) {
            case Errnos.EOPNOTSUPP, Errnos.ENOSYS -> new UnsupportedModeException(call, errno, hint);
            case Errnos.ENOSPC -> new NoSpaceException(call, errno, hint);
            default -> new FallocateException(call, errno, hint);
        };
    }

    // What the error usually means for this call, per fallocate(2) and posix_fallocate(3).
    private static String hint(FallocateException.CallSite call, int errno) {
        Errno e = Errno.of(errno);
        if (e == null) {
            return null;
        }
        return switch (e) {
            case EBADF -> "the descriptor is not open, or not open for writing (a FileChannel needs WRITE)";
            case EFBIG -> "offset + len is beyond the largest file this filesystem allows";
            case EINVAL -> invalidHint(call);
            case EIO -> "the filesystem reported an I/O error (it may have been shut down)";
            case ENODEV -> "the descriptor is not a regular file or directory";
            case ENOSPC -> "not enough free space on the device for this range; part of it may have been allocated";
            case EDQUOT -> "the disk quota of the file's user or group is used up";
            case ENOSYS -> "the kernel has no fallocate(2) system call (a filesystem without it gives EOPNOTSUPP)";
            case EOPNOTSUPP -> "this filesystem" + fsName(call.fd()) + " does not support "
                    + (call.operation() == Operation.FALLOCATE ? "this mode" : "this call");
            case EPERM -> "the file is immutable, append-only (which allows only mode 0 and KEEP_SIZE), "
                    + "or sealed against writing or growing";
            case ESPIPE -> "the descriptor is a pipe or FIFO";
            case ETXTBSY -> "the file is an active swap file";
            default -> null;
        };
    }

    private static String invalidHint(FallocateException.CallSite call) {
        FallocateMode mode = call.mode();
        if (mode.has(FallocateFlag.COLLAPSE_RANGE)) {
            return "COLLAPSE_RANGE needs offset and len that are multiples of the filesystem block size, "
                    + "and a range that ends before the end of the file";
        }
        if (mode.has(FallocateFlag.INSERT_RANGE)) {
            return "INSERT_RANGE needs offset and len that are multiples of the filesystem block size, "
                    + "and an offset before the end of the file";
        }
        return "the filesystem rejected this offset, len or mode";
    }

    // The mount table's name (ext2, not "ext2/ext3/ext4"), else the statfs magic's.
    private static String fsName(int fd) {
        String name = FileSystemInfo.typeOf(fd);
        return name == null ? "" : " (" + name + ")";
    }
}
