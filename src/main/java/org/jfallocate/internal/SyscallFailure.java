package org.jfallocate.internal;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * The exceptions for a failed open, close, stat, seek, read or truncate: the JDK's usual
 * {@link FileSystemException} types, so that callers catch what they expect, each also
 * carrying the errno as data ({@link Carrier}), which {@code Errno.numberOf} reads. The
 * reason is "CALL failed: NAME (text)".
 */
public final class SyscallFailure {
    private SyscallFailure() {
    }

    /** An exception that knows the errno behind it. */
    public interface Carrier {
        /** The raw error number. */
        int errnoValue();
    }

    /**
     * The exception for {@code call} failing with {@code errno} on {@code file}: NoSuchFile
     * for ENOENT, AccessDenied for EACCES and EPERM, FileAlreadyExists for EEXIST, else a
     * plain FileSystemException.
     */
    public static FileSystemException of(String file, String call, int errno) {
        String reason = call + " failed: " + Errnos.describe(errno);
        return switch (errno) {
            case Errnos.ENOENT -> new NoSuchFile(file, reason, errno);
            case Errnos.EACCES, Errnos.EPERM -> new AccessDenied(file, reason, errno);
            case Errnos.EEXIST -> new AlreadyExists(file, reason, errno);
            default -> new Other(file, reason, errno);
        };
    }

    // Stack traces and logs name the JDK type callers catch, not this private subclass.
    private static String asJdkType(Exception e) {
        return e.getClass().getSuperclass().getName() + ": " + e.getLocalizedMessage();
    }

    private static final class NoSuchFile extends NoSuchFileException implements Carrier {
        private static final long serialVersionUID = 1L;
        private final int errno;

        NoSuchFile(String file, String reason, int errno) {
            super(file, null, reason);
            this.errno = errno;
        }

        @Override
        public int errnoValue() {
            return errno;
        }

        @Override
        public String toString() {
            return asJdkType(this);
        }
    }

    private static final class AccessDenied extends AccessDeniedException implements Carrier {
        private static final long serialVersionUID = 1L;
        private final int errno;

        AccessDenied(String file, String reason, int errno) {
            super(file, null, reason);
            this.errno = errno;
        }

        @Override
        public int errnoValue() {
            return errno;
        }

        @Override
        public String toString() {
            return asJdkType(this);
        }
    }

    private static final class AlreadyExists extends FileAlreadyExistsException implements Carrier {
        private static final long serialVersionUID = 1L;
        private final int errno;

        AlreadyExists(String file, String reason, int errno) {
            super(file, null, reason);
            this.errno = errno;
        }

        @Override
        public int errnoValue() {
            return errno;
        }

        @Override
        public String toString() {
            return asJdkType(this);
        }
    }

    private static final class Other extends FileSystemException implements Carrier {
        private static final long serialVersionUID = 1L;
        private final int errno;

        Other(String file, String reason, int errno) {
            super(file, null, reason);
            this.errno = errno;
        }

        @Override
        public int errnoValue() {
            return errno;
        }

        @Override
        public String toString() {
            return asJdkType(this);
        }
    }
}
