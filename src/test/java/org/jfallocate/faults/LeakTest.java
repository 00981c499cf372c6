package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jfallocate.testing.JavaProcess;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.Test;

/**
 * A long loop of Path calls, a third of them failing, in a JVM with a fixed, pre-touched
 * heap ({@link LeakProbe}): the descriptor count does not move and resident memory does
 * not grow. Each call opens the file and allocates native memory for the path; a failing
 * one also builds a message (with an fstatfs for the hint). None of that may stay behind.
 */
class LeakTest {
    private static final int WARMUP = 30_000;
    private static final int MEASURED = 120_000;
    /**
     * Allowed RSS growth over the second measured loop. The heap cannot grow; late JIT
     * compilations and metaspace can still add a little. A leak of one 64-byte native block
     * per call would add 7.5 MiB over 120,000 calls, a leaked path string (~60 bytes) as much.
     */
    private static final long RSS_SLACK_KIB = 4 * 1024;

    @Test
    void longLoopOfSucceedingAndFailingPathCalls_leaksNoDescriptorAndNoNativeMemory() throws Exception {
        Growth g = measure(false);
        System.out.printf("jfa: Path calls (1/3 failing) on %s: VmRSS after warm-up %d KiB, %+d after %d calls, %+d after %d more;"
                + " fds %d, %d, %d%n", TestFilesystems.all().get(0).type(), g.warm[2], g.first[2] - g.warm[2], MEASURED,
                g.second[2] - g.first[2], MEASURED, g.warm[1], g.first[1], g.second[1]);
        assertEquals(MEASURED / 3, g.first[0], "a third of the calls failed");
        assertEquals(g.warm[1], g.first[1], "descriptors left open by the first loop");
        assertEquals(g.warm[1], g.second[1], "descriptors left open by the second loop");
        assertTrue(g.second[2] - g.first[2] < RSS_SLACK_KIB,
                "resident memory grew by " + (g.second[2] - g.first[2]) + " KiB over " + MEASURED + " calls\n" + g.output);
    }

    @Test
    void theSameLoopLeaking64BytesPerCall_exceedsTheBound() throws Exception {
        Growth g = measure(true);
        System.out.printf("jfa: control run leaking 64 B per call: VmRSS %+d KiB over %d calls%n", g.second[2] - g.first[2], MEASURED);
        assertTrue(g.second[2] - g.first[2] >= RSS_SLACK_KIB, "the deliberate leak went unseen:\n" + g.output);
    }

    /** Per phase: {failures, fds, rssKiB}. */
    private record Growth(long[] warm, long[] first, long[] second, String output) {
    }

    private static Growth measure(boolean leak) throws Exception {
        Path dir = TestFilesystems.all().get(0).freshDir("leak");
        JavaProcess.Result r = JavaProcess.run(dir, "java", "-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch",
                "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-cp", JavaProcess.bindingClasses() + ":" + Path.of("target", "test-classes").toAbsolutePath(),
                LeakProbe.class.getName(), dir.toString(), String.valueOf(WARMUP), String.valueOf(MEASURED),
                leak ? "leak" : "no-leak");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        Map<String, long[]> phases = new HashMap<>();
        r.stdout().lines().filter(l -> l.startsWith("phase ")).forEach(l -> {
            String[] f = l.split(" ");
            phases.put(f[1], new long[] {Long.parseLong(f[5]), Long.parseLong(f[7]), Long.parseLong(f[9])});
        });
        return new Growth(phases.get("warmup"), phases.get("first"), phases.get("second"), r.stdout());
    }
}
