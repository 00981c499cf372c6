package org.jfallocate.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.FallocateMode;
import org.jfallocate.testing.ChildProcess;

/**
 * The loop {@link LeakTest} measures, run in a JVM of its own whose heap is fixed and
 * touched up front (-Xms = -Xmx, -XX:+AlwaysPreTouch), so resident memory can only grow
 * through native memory, code or metaspace. Prints one line per phase:
 * {@code phase <name> calls <n> failures <n> fds <n> rssKiB <n>}. Arguments: directory,
 * warm-up calls, measured calls, and "leak" for the control run.
 */
public final class LeakProbe {
    private LeakProbe() {
    }

    /** When set, each call also leaks 64 bytes of native memory: the control that shows the check can fail. */
    private static boolean leak;

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        leak = args.length > 3 && args[3].equals("leak");
        Path file = dir.resolve("f");
        Files.write(file, new byte[64 * 1024]);
        Path fifo = dir.resolve("fifo");
        ChildProcess.Result mkfifo = ChildProcess.run(java.time.Duration.ofSeconds(30), "mkfifo", fifo.toString());
        if (!mkfifo.ok()) {
            throw new IOException("mkfifo failed: " + mkfifo.stderr());
        }
        report("start", 0, 0);
        report("warmup", warmup, loop(file, fifo, warmup));
        report("first", measured, loop(file, fifo, measured));
        report("second", measured, loop(file, fifo, measured));
    }

    // Allocate, punch, and a failing call (ESPIPE on the FIFO), in turn; returns the failures.
    private static int loop(Path file, Path fifo, int calls) throws IOException {
        int failures = 0;
        for (int i = 0; i < calls; i++) {
            if (leak) {
                java.lang.foreign.Arena.global().allocate(64);
            }
            switch (i % 3) {
                case 0 -> Fallocate.fallocate(file, FallocateMode.KEEP_SIZE, 0, 64 * 1024);
                case 1 -> Fallocate.fallocate(file, FallocateMode.PUNCH_HOLE, 4096, 8192);
                default -> {
                    try {
                        Fallocate.fallocate(fifo, FallocateMode.ALLOCATE, 0, 4096);
                    } catch (FallocateException expected) {
                        failures++;
                    }
                }
            }
        }
        return failures;
    }

    private static void report(String phase, int calls, int failures) throws IOException {
        System.gc();
        long fds;
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            fds = s.count();
        }
        long rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
        System.out.println("phase " + phase + " calls " + calls + " failures " + failures + " fds " + fds + " rssKiB " + rss);
    }
}
