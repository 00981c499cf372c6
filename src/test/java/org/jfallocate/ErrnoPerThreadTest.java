package org.jfallocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.jfallocate.internal.PathFiles;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * errno is captured per call into storage of the calling thread: threads that fail in
 * different ways at the same moment each see their own error, and succeeding threads
 * never see one.
 */
class ErrnoPerThreadTest {
    private static final int ROUNDS = 3_000;

    @TempDir
    Path dir;

    /** A kind of call that always ends the same way on its own descriptor. */
    private record Case(String name, int fd, FallocateMode mode, long offset, Errno expected) {
    }

    @Test
    void concurrentFailures_eachSeeTheirOwnErrno() throws Exception {
        Path shm = TestFilesystems.ofType("tmpfs").map(fs -> fs.freshDir("errno")).orElse(null);
        assumeTrue(shm != null, TestFilesystems.whyMissing("tmpfs"));
        Path regular = dir.resolve("regular");
        Files.write(regular, new byte[8192]);
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path onTmpfs = shm.resolve("f");
        Files.write(onTmpfs, new byte[8192]);

        List<Integer> fds = new ArrayList<>();
        try {
            int readOnly = open(fds, PathFiles.openForRead(regular));
            int writable = open(fds, PathFiles.openForWrite(regular, false));
            int pipe = open(fds, PathFiles.openForWrite(fifo, false)); // O_RDWR on a FIFO does not block
            int tmpfs = open(fds, PathFiles.openForWrite(onTmpfs, false));
            List<Case> cases = List.of(
                    new Case("read-only", readOnly, FallocateMode.ALLOCATE, 0, Errno.EBADF),
                    new Case("fifo", pipe, FallocateMode.ALLOCATE, 0, Errno.ESPIPE),
                    new Case("tmpfs collapse", tmpfs, FallocateMode.COLLAPSE_RANGE, 0, Errno.EOPNOTSUPP),
                    new Case("too big", writable, FallocateMode.KEEP_SIZE, Long.MAX_VALUE - 8192, Errno.EFBIG),
                    new Case("success", writable, FallocateMode.KEEP_SIZE, 0, null));

            int threadsPerCase = Math.max(2, Runtime.getRuntime().availableProcessors());
            CountDownLatch start = new CountDownLatch(1);
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (Case c : cases) {
                for (int t = 0; t < threadsPerCase; t++) {
                    threads.add(Thread.ofPlatform().start(() -> run(c, start, wrong)));
                }
            }
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertTrue(wrong.isEmpty(), wrong.size() + " calls saw another thread's errno, e.g. " + wrong.peek());
        } finally {
            for (int fd : fds) {
                PathFiles.close(fd, dir);
            }
        }
    }

    private static int open(List<Integer> fds, int fd) {
        fds.add(fd);
        return fd;
    }

    private static void run(Case c, CountDownLatch start, ConcurrentLinkedQueue<String> wrong) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int i = 0; i < ROUNDS; i++) {
            try {
                Fallocate.fallocate(c.fd(), c.mode(), c.offset(), 8192);
                if (c.expected() != null) {
                    wrong.add(c.name() + ": succeeded, expected " + c.expected());
                }
            } catch (FallocateException e) {
                if (e.errno() != c.expected()) {
                    wrong.add(c.name() + ": got " + e.errno() + ", expected " + c.expected());
                }
            } catch (Exception e) {
                wrong.add(c.name() + ": " + e);
            }
        }
    }
}
