package org.jfallocate;

/**
 * The filesystem cannot do this mode: EOPNOTSUPP, or ENOSYS where it has no fallocate at
 * all. Callers typically fall back (see {@link Fallocate#preallocate}) or skip the feature.
 */
public final class UnsupportedModeException extends FallocateException {
    private static final long serialVersionUID = 1L;

    UnsupportedModeException(CallSite call, int errno, String hint) {
        super(call, errno, hint);
    }
}
