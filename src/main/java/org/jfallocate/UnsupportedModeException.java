package org.jfallocate;

/**
 * The call cannot be done here: EOPNOTSUPP where the filesystem does not support the mode
 * (or has no fallocate at all, as ext2), ENOSYS where the kernel has no fallocate(2). Callers typically fall back (see {@link Fallocate#preallocate}) or skip the feature.
 */
public final class UnsupportedModeException extends FallocateException {
    private static final long serialVersionUID = 1L;

    UnsupportedModeException(CallSite call, int errno, String hint) {
        super(call, errno, hint);
    }
}
