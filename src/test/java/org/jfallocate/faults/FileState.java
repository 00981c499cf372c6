package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfallocate.FileSpace;

/** What a failed call must not change: a file's bytes, size and allocation. */
record FileState(byte[] bytes, long size, long allocatedBytes) {

    static FileState of(Path file) throws IOException {
        FileSpace space = FileSpace.of(file);
        return new FileState(Files.readAllBytes(file), space.size(), space.allocatedBytes());
    }

    /** For descriptors without a usable path of their own (memfd): read through /proc. */
    static FileState ofFd(int fd) throws IOException {
        FileSpace space = FileSpace.of(fd);
        return new FileState(Files.readAllBytes(Path.of("/proc/self/fd/" + fd)), space.size(), space.allocatedBytes());
    }

    void assertSameAs(FileState after, String what) {
        assertEquals(size, after.size, what + ": size changed");
        assertEquals(allocatedBytes, after.allocatedBytes, what + ": allocation changed");
        assertArrayEquals(bytes, after.bytes, what + ": bytes changed");
    }

    /** Asserts that {@code file} is as it was when this state was taken. */
    void assertUnchanged(Path file) throws IOException {
        assertSameAs(of(file), file.toString());
    }
}
