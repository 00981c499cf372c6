package org.jfallocate.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/** Opening and closing the descriptors jfallocate makes itself for a {@link Path}. */
public final class PathFiles {
    private PathFiles() {
    }

    private static final int O_RDONLY = 0;
    private static final int O_RDWR = 02;
    private static final int O_CREAT = 0100;
    private static final int O_CLOEXEC = 02000000;
    private static final int CREATE_PERMISSIONS = 0666; // less the process umask, as open(2) does

    /**
     * Opens {@code path} read-write and close-on-exec (a child process never inherits it),
     * creating it only when {@code create} is true.
     *
     * @throws IOException the usual java.nio.file types for a missing or forbidden file
     */
    public static int openForWrite(Path path, boolean create) throws IOException {
        return open(path, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0));
    }

    /** Opens {@code path} read-only and close-on-exec, for inspecting a file. */
    public static int openForRead(Path path) throws IOException {
        return open(path, O_RDONLY | O_CLOEXEC);
    }

    /**
     * Opens {@code path} with these open(2) flags, close-on-exec added; EINTR retried.
     *
     * @throws IOException the usual java.nio.file types for a missing or forbidden file
     */
    public static int open(Path path, int flags) throws IOException {
        flags |= O_CLOEXEC;
        int fd;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocateFrom(path.toAbsolutePath().toString());
            do {
                fd = Syscalls.current().open(name, flags, CREATE_PERMISSIONS);
            } while (fd == -Errnos.EINTR);
        }
        if (fd < 0) {
            throw SyscallFailure.of(path.toString(), "open", -fd);
        }
        return fd;
    }

    /** Closes a descriptor jfallocate opened; a failure (EIO on close) is reported, not hidden. */
    public static void close(int fd, Path path) throws IOException {
        int e = Syscalls.current().close(fd);
        if (e != 0) {
            // EINTR on close still releases the descriptor on Linux; retrying could close another file.
            if (e != Errnos.EINTR) {
                throw SyscallFailure.of(path.toString(), "close(fd=" + fd + ")", e);
            }
        }
    }
}
