package org.jfallocate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's promises: a hanging child ends the test in about its timeout, with what it printed. */
class ChildProcessTest {

    @Test
    void aChildThatHangsIsKilledAtTheTimeoutAndItsOutputReported() {
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () ->
                ChildProcess.run(Duration.ofSeconds(1), "sh", "-c", "echo started; echo oops >&2; exec sleep 60"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "ended after " + millis + " ms, not at the 1 s timeout");
        assertTrue(e.getMessage().contains("did not end within 1000 ms"), e.getMessage());
        assertTrue(e.getMessage().contains("stdout [started\n]") && e.getMessage().contains("stderr [oops\n]"),
                e.getMessage());
    }

    /** A grandchild that keeps the output open is killed too: the wait does not hang on it. */
    @Test
    void theWholeTreeIsKilled(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        assertThrows(IOException.class, () -> ChildProcess.run(Duration.ofSeconds(1),
                "sh", "-c", "sleep 60 & echo $! > " + pidFile + "; wait"));
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        var grandchild = ProcessHandle.of(pid);
        assertFalse(grandchild.isPresent() && grandchild.get().isAlive(), "grandchild " + pid + " was killed");
    }

    @Test
    void outputLargerThanAPipeDoesNotBlockTheChild() throws Exception {
        ChildProcess.Result r = ChildProcess.run(Duration.ofSeconds(30), "sh", "-c",
                "head -c 1000000 /dev/zero | tr '\\0' a; head -c 1000000 /dev/zero | tr '\\0' b >&2; exit 3");
        assertEquals(3, r.exit());
        assertEquals(1_000_000, r.stdout().length());
        assertEquals(1_000_000, r.stderr().length());
    }

    @Test
    void stderrMergedWhenAsked() throws Exception {
        ChildProcess.Result r = ChildProcess.run(
                new ProcessBuilder("sh", "-c", "echo a; echo b >&2").redirectErrorStream(true), Duration.ofSeconds(30));
        assertTrue(r.ok());
        assertEquals("a\nb\n", r.stdout());
        assertEquals("", r.stderr());
    }
}
