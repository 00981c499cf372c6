package org.jfallocate.faults;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends SIGUSR2 to one thread every {@code periodMicros} until stopped or {@code maxMillis}
 * have passed. SIGUSR2 is HotSpot's suspend/resume signal: its handler returns at once for
 * a thread nobody asked to suspend, and because a handler runs, a slow system call that
 * checks for pending signals returns EINTR.
 */
final class SignalStorm implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger sent = new AtomicInteger();
    private final Thread sender;

    private SignalStorm(int tid, long periodMicros, long maxMillis) {
        long end = System.nanoTime() + maxMillis * 1_000_000;
        sender = Thread.ofPlatform().name("signal-storm").start(() -> {
            while (!stop.get() && System.nanoTime() < end && TestNative.tgkill(tid, TestNative.SIGUSR2)) {
                sent.incrementAndGet();
                LockSupport.parkNanos(periodMicros * 1000);
            }
        });
    }

    /** Starts the storm; first checks that the thread has SIGUSR2 caught and unblocked, so each signal runs a handler. */
    static SignalStorm at(int tid, long periodMicros, long maxMillis) {
        requireCaughtAndUnblocked(tid);
        return new SignalStorm(tid, periodMicros, maxMillis);
    }

    private static void requireCaughtAndUnblocked(int tid) {
        try {
            long bit = 1L << (TestNative.SIGUSR2 - 1);
            long caught = 0;
            long blocked = 0;
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/task/" + tid + "/status"))) {
                if (line.startsWith("SigCgt:")) {
                    caught = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                } else if (line.startsWith("SigBlk:")) {
                    blocked = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                }
            }
            if ((caught & bit) == 0 || (blocked & bit) != 0) {
                throw new IllegalStateException("SIGUSR2 is not caught and unblocked on thread " + tid
                        + " (SigCgt " + Long.toHexString(caught) + ", SigBlk " + Long.toHexString(blocked) + ")");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int sent() {
        return sent.get();
    }

    @Override
    public void close() {
        stop.set(true);
        boolean interrupted = false;
        while (sender.isAlive()) {
            try {
                sender.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
