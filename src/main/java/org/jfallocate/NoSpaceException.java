package org.jfallocate;

/**
 * ENOSPC: the filesystem has too little free space for the range. Per fallocate(2), part of
 * the range may have been allocated before the call gave up.
 */
public final class NoSpaceException extends FallocateException {
    private static final long serialVersionUID = 1L;

    NoSpaceException(CallSite call, int errno, String hint) {
        super(call, errno, hint);
    }
}
