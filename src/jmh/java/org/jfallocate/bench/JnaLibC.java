package org.jfallocate.bench;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * fallocate(2) through a JNA direct mapping ({@code Native.register}), the way JVM projects
 * reached it before the FFM API: the peer jfallocate is measured against.
 */
final class JnaLibC {
    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private JnaLibC() {
    }

    /** int fallocate(int fd, int mode, off_t offset, off_t len); -1 and errno on failure. */
    static native int fallocate(int fd, int mode, long offset, long len);
}
