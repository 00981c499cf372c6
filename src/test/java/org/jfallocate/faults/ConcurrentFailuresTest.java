package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileSpace;
import org.jfallocate.internal.PathFiles;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.api.Test;

/**
 * Many threads (4 × cores) for a fixed time, each on its own files, mixing calls that
 * succeed with calls that fail five different ways: every failure carries its own errno,
 * every successful call took effect exactly once, and no descriptor is left open.
 */
class ConcurrentFailuresTest {
    private static final long RUN_MILLIS = 3_000;

    /** One thread's files: a growing file (through its Path), a read-only descriptor, a FIFO. */
    private record ThreadFiles(Path growing, Path fifo, Path plain, int readOnly) {
    }

    @Test
    void manyThreadsMixingSuccessAndFailure_eachSeeTheirOwnErrno_loseNoCall_andLeakNoDescriptor() throws Exception {
        int threads = 4 * Runtime.getRuntime().availableProcessors();
        List<TestFs> filesystems = TestFilesystems.all();
        runAll(threads, filesystems, 300); // warm up: classes loaded, JIT done, lazy JDK descriptors opened
        Map<Integer, String> before = OpenDescriptors.now();

        Result r = runAll(threads, filesystems, RUN_MILLIS);

        Map<Integer, String> after = OpenDescriptors.now();
        System.out.printf("jfa: %d threads, %d ms: %d calls, %d succeeded, %d failed as expected%n",
                threads, RUN_MILLIS, r.calls.get(), r.succeeded.get(), r.failed.get());
        assertTrue(r.wrong.isEmpty(), r.wrong.size() + " calls ended wrongly, e.g. " + r.wrong.peek());
        assertEquals(r.calls.get(), r.succeeded.get() + r.failed.get(), "every call either succeeded or failed as expected");
        assertTrue(r.failed.get() > 0 && r.succeeded.get() > 0, "both kinds of call ran");
        assertEquals(before.size(), after.size(), "descriptors left open: " + OpenDescriptors.added(before, after));
    }

    private static final class Result {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong succeeded = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    }

    private static Result runAll(int threads, List<TestFs> filesystems, long millis) throws Exception {
        Result r = new Result();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<ThreadFiles> files = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                TestFs fs = filesystems.get(t % filesystems.size());
                Path dir = fs.freshDir("concurrent");
                Path plain = dir.resolve("plain");
                Files.write(plain, new byte[64 * 1024]);
                Path fifo = dir.resolve("fifo");
                Commands.check("mkfifo", fifo.toString());
                ThreadFiles f = new ThreadFiles(dir.resolve("growing"), fifo, plain, PathFiles.openForRead(plain));
                files.add(f);
                workers.add(Thread.ofPlatform().start(() -> work(f, start, millis, r)));
            }
            start.countDown();
            for (Thread w : workers) {
                w.join();
            }
        } finally {
            for (ThreadFiles f : files) {
                PathFiles.close(f.readOnly(), f.plain());
            }
        }
        return r;
    }

    // Cycles through six calls; the succeeding one grows the file by exactly one byte, so the
    // file's size at the end counts the successes that really happened.
    private static void work(ThreadFiles f, CountDownLatch start, long millis, Result r) {
        long successes = 0;
        try {
            start.await();
            long end = System.nanoTime() + millis * 1_000_000;
            for (int i = 0; System.nanoTime() < end; i++) {
                r.calls.incrementAndGet();
                switch (i % 6) {
                    case 0 -> call(() -> Fallocate.fallocate(f.readOnly(), FallocateMode.ALLOCATE, 0, 4096), Errno.EBADF, r);
                    case 1 -> call(() -> Fallocate.fallocate(f.fifo(), FallocateMode.ALLOCATE, 0, 4096), Errno.ESPIPE, r);
                    case 2 -> call(() -> Fallocate.fallocate(f.plain(), FallocateMode.COLLAPSE_RANGE, 1000, 4096), null, r);
                    case 3 -> call(() -> Fallocate.fallocate(f.plain(), FallocateMode.KEEP_SIZE, Long.MAX_VALUE - 4096, 4096),
                            null, r);
                    case 4 -> call(() -> Fallocate.fallocate(Path.of("/dev/null"), FallocateMode.ALLOCATE, 0, 4096), Errno.ENODEV, r);
                    default -> {
                        long n = successes;
                        // preallocate: fallocate(2), or on ext2 the posix_fallocate emulation
                        if (call(() -> Fallocate.preallocate(f.growing(), n, 1), null, r)) {
                            successes++;
                        } else {
                            r.wrong.add(f.growing() + ": allocating byte " + n + " failed");
                        }
                    }
                }
            }
            long size = FileSpace.of(f.growing()).size();
            if (size != successes) {
                r.wrong.add(f.growing() + ": " + successes + " successful calls but the file grew to " + size);
            }
        } catch (Exception e) {
            r.wrong.add("worker died: " + e);
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    // Runs one call; true if it succeeded. A null `expected` accepts success or one of the errnos
    // that call can have depending on the filesystem (EINVAL, EOPNOTSUPP, EFBIG; xfs, btrfs and
    // tmpfs allow a KEEP_SIZE block at 8 EiB).
    private static boolean call(Call c, Errno expected, Result r) {
        try {
            c.run();
            r.succeeded.incrementAndGet();
            return true;
        } catch (FallocateException e) {
            Errno got = e.errno();
            boolean ok = expected != null ? got == expected
                    : List.of(Errno.EINVAL, Errno.EOPNOTSUPP, Errno.EFBIG).contains(got);
            if (ok && e.getMessage().contains(got.name() + " (" + got.text() + ")")) {
                r.failed.incrementAndGet();
            } else {
                r.wrong.add("expected " + expected + ", got " + e.getMessage());
            }
            return false;
        } catch (Exception e) {
            r.wrong.add("unexpected " + e);
            return false;
        }
    }
}
