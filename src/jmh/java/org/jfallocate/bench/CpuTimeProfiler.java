package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * CPU time per operation, for comparing variants side by side on a shared machine: wall
 * time per operation counts the time the benchmark thread waited for a core when more
 * threads are runnable than there are cores; CPU time does not. Two figures per
 * measurement iteration, from {@code /proc/self/task/<tid>/stat} (user + system):
 * <ul>
 * <li>{@code cpu.thread.norm}: the busiest thread's, which is the benchmark thread's in a
 *     single-threaded benchmark: close to the wall time per operation on an idle machine;</li>
 * <li>{@code cpu.process.norm}: all threads', the JVM's own (JIT, GC, JFR's) included,
 *     which is part of what a variant costs even though it runs on another core.</li>
 * </ul>
 * The kernel counts in clock ticks (10 ms): use iterations of a second or more.
 * {@code -prof org.jfallocate.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final double NANOS_PER_TICK = 1e9 / 100; // USER_HZ is 100 on Linux

    private Map<String, Long> start = Map.of();

    @Override
    public String getDescription() {
        return "jfallocate: CPU time per operation of the busiest thread and of the whole JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = ticksPerThread();
    }

    @Override
    public Collection<ScalarResult> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        Map<String, Long> end = ticksPerThread();
        long ops = result.getMetadata().getMeasuredOps();
        if (iterationParams.getType() != IterationType.MEASUREMENT || ops <= 0 || end.isEmpty()) {
            return List.of();
        }
        long busiest = 0;
        long total = 0;
        for (Map.Entry<String, Long> e : end.entrySet()) {
            long used = e.getValue() - start.getOrDefault(e.getKey(), 0L);
            busiest = Math.max(busiest, used);
            total += used;
        }
        List<ScalarResult> out = new ArrayList<>();
        out.add(new ScalarResult("cpu.thread.norm", busiest * NANOS_PER_TICK / ops, "ns/op", AggregationPolicy.AVG));
        out.add(new ScalarResult("cpu.process.norm", total * NANOS_PER_TICK / ops, "ns/op", AggregationPolicy.AVG));
        return out;
    }

    // utime + stime (fields 14 and 15) of every thread, by tid; empty without /proc.
    private static Map<String, Long> ticksPerThread() {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // The name, field 2, is in parentheses and may hold spaces: count from the last ')'.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName().toString(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }
}
