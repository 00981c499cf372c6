package org.jfallocate.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The path of an open descriptor, for messages and events: read from {@code /proc/self/fd/N}. */
public final class FdPaths {
    private FdPaths() {
    }

    /**
     * The path {@code /proc/self/fd/N} links to (with " (deleted)" after it for an unlinked
     * file), or null when the descriptor is closed or there is no /proc. Called only when
     * something is reported: it is a readlink each time.
     */
    public static Path pathOf(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(fd)));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null; // the fd still identifies the file in the message
        }
    }
}
