package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfallocate.internal.PathFiles;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Test;

/**
 * The descriptors the library opens itself are close-on-exec. ProcessBuilder's launcher
 * closes every descriptor in the child anyway, so the child here is started through
 * system(3), which closes nothing: only O_CLOEXEC keeps the file out of it. A plain dup
 * of the same descriptor (no O_CLOEXEC) is the control: the child does see that one.
 */
class CloseOnExecTest {
    private static final int O_CLOEXEC = 02000000;

    @Test
    void descriptorsTheLibraryOpens_areNotInheritedByAChildProcess() throws Exception {
        Path dir = TestFilesystems.all().get(0).freshDir("cloexec");
        Path file = dir.resolve("held-open");
        Files.write(file, new byte[4096]);
        Path listing = dir.resolve("child-fds.txt");
        int write = PathFiles.openForWrite(file, false);
        int read = PathFiles.openForRead(file);
        int inheritable = TestNative.dupAtLeast(write, 100); // F_DUPFD clears close-on-exec
        try {
            assertTrue((flags(write) & O_CLOEXEC) != 0, "fd " + write + " lacks O_CLOEXEC");
            assertTrue((flags(read) & O_CLOEXEC) != 0, "fd " + read + " lacks O_CLOEXEC");

            assertEquals(0, TestNative.system("ls -l /proc/self/fd/ > '" + listing + "' 2>&1"));
            String child = Files.readString(listing);
            String target = file.toRealPath().toString();
            assertTrue(child.contains(" " + inheritable + " -> " + target),
                    "the control descriptor " + inheritable + " should be inherited:\n" + child);
            // (The child may reuse the numbers for files of its own, such as ls's directory.)
            assertFalse(child.contains(" " + write + " -> " + target), "the child inherited fd " + write + ":\n" + child);
            assertFalse(child.contains(" " + read + " -> " + target), "the child inherited fd " + read + ":\n" + child);
            assertEquals(1, child.lines().filter(l -> l.endsWith(" -> " + target)).count(), "only the control:\n" + child);
        } finally {
            TestNative.close(inheritable);
            PathFiles.close(read, file);
            PathFiles.close(write, file);
        }
    }

    // The "flags:" line of /proc/self/fdinfo/N, which the kernel prints in octal.
    private static int flags(int fd) throws Exception {
        String line = Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd)).stream()
                .filter(l -> l.startsWith("flags:")).findFirst().orElseThrow();
        return Integer.parseInt(line.substring(6).trim(), 8);
    }
}
