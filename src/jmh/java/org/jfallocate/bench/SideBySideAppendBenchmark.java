package org.jfallocate.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many times faster than plain appends each strategy makes durable appends, timed side by
 * side so that a drifting disk cannot decide it. {@link DurableAppendBenchmark} measures each
 * strategy in JVMs of its own, one after another; on a shared virtual disk a slow span of tens
 * of seconds then lands on some strategies and not others, and twelve samples a point do not
 * separate a 1.7× win from noise (xfs, 2026-12-02).
 *
 * <p>Every iteration prepares one fresh file per strategy the filesystem supports, NONE among
 * them, exactly as DurableAppendBenchmark prepares its one ({@link AppendLog#create}), and then
 * appends to them in turn: record r goes into every file before record r+1 goes into any, in a
 * new random order each time. A fixed order would give every strategy the same predecessor, and
 * an fdatasync costs more after some than after others: in a rotating order RECYCLED, always
 * after ZERO_FILLED, came out 1.74× against ZERO_FILLED's 2.17× on ext4, for the same work
 * (2026-12-02). Each file's records and its close
 * ({@link AppendLog#finish}) are timed on their own. Whatever the disk does during an iteration
 * it does to every strategy alike, and the iteration's ratio (NONE's time over the strategy's)
 * cancels it. The iterations' ratios give each strategy's speed-up as the secondary result
 * {@code speedup@STRATEGY}, with JMH's 99.9% confidence interval over iterations, and its mean
 * time per record as {@code record_us@STRATEGY}. The primary score, one round of records over
 * all the files, describes no strategy, and results.csv leaves it out
 * ({@link JmhJsonConverter}). Writing several files in turn changes no file's work: the loop
 * device saw the same write requests and bytes per record either way (docs/benchmarks.md).
 *
 * <p>One JVM: the JIT's choices meet every strategy alike too. The published profile runs the
 * annotations, 15 iterations for each write path; the quick one 6, fdatasync after every record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class SideBySideAppendBenchmark {
    /** Secondary result prefix of a strategy's speed-up over NONE in one iteration: {@code speedup@ZERO_FILLED}. */
    static final String SPEEDUP = "speedup";
    /** Secondary result prefix of a strategy's mean time per record: {@code record_us@ZERO_FILLED}. */
    static final String RECORD_US = "record_us";

    /** The directory written in, on the filesystem under test. */
    @Param(".")
    public String dir;

    /** How the appends are made durable. */
    @Param
    public WritePath writePath;

    /** Bytes per record. */
    @Param("4096")
    public int recordBytes;

    /** The reservation step of CHUNKED_KEEP_SIZE, as in DurableAppendBenchmark. */
    @Param("1048576")
    public long chunkBytes;

    private ScratchDir scratch;
    private List<Strategy> strategies;
    private List<AppendLog> logs;
    private long[] nanos;
    private int[] order;
    /** For tests: when set, every record appended adds its file's index here, in the order written. */
    List<Integer> visits;
    /** Seeded, so that a run's orders can be repeated. */
    private final SplittableRandom random = new SplittableRandom(20261202);

    @Setup(Level.Trial)
    public void findStrategies() throws IOException {
        scratch = new ScratchDir(dir, "side-by-side");
        strategies = supported(DirectorySupport.probe(scratch.path()));
    }

    /** Every strategy whose requirement {@code dir} meets, in declaration order (NONE first). */
    static List<Strategy> supported(DirectorySupport dir) throws IOException {
        List<Strategy> out = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            if (s.requirement().unmetIn(dir).isEmpty()) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    @Setup(Level.Iteration)
    public void reserveLogs() throws IOException {
        logs = new ArrayList<>();
        for (Strategy s : strategies) {
            LogSpec spec = new LogSpec(s, (long) DurableAppendBenchmark.RECORDS * recordBytes, recordBytes, writePath,
                    chunkBytes);
            int file = logs.size();
            logs.add(AppendLog.create(scratch.newFile("wal-" + s.name()), spec, nanos -> {
                if (visits != null) {
                    visits.add(file);
                }
            }));
        }
        nanos = new long[logs.size()];
        order = java.util.stream.IntStream.range(0, logs.size()).toArray();
    }

    /** Fisher-Yates: every order of the files equally likely, so that no strategy always follows the same one. */
    static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * Fills every prepared log, a record into each in turn, and closes each as a log closes a full segment.
     *
     * @return the bytes written into all of them
     */
    @Benchmark
    public long append() throws IOException {
        for (int r = 0; r < DurableAppendBenchmark.RECORDS; r++) {
            shuffle(order, random);
            for (int i : order) {
                long begin = System.nanoTime();
                logs.get(i).append(1);
                nanos[i] += System.nanoTime() - begin;
            }
        }
        long written = 0;
        for (int i = 0; i < logs.size(); i++) {
            long begin = System.nanoTime();
            logs.get(i).finish();
            nanos[i] += System.nanoTime() - begin;
            written += logs.get(i).position();
        }
        report(strategies, nanos, DurableAppendBenchmark.RECORDS);
        return written;
    }

    /** Hands every strategy's speed-up over NONE and time per record, this iteration's, to {@link MetricsProfiler}. */
    static void report(List<Strategy> strategies, long[] nanos, int records) {
        long none = nanos[strategies.indexOf(Strategy.NONE)];
        for (int i = 0; i < strategies.size(); i++) {
            String name = strategies.get(i).name();
            SecondaryMetrics.gauge(RECORD_US + "@" + name, "us", nanos[i] / 1000.0 / records);
            if (strategies.get(i) != Strategy.NONE) {
                SecondaryMetrics.gauge(SPEEDUP + "@" + name, "x", (double) none / Math.max(1, nanos[i]));
            }
        }
    }

    /** The strategies this trial measures, in file order. */
    List<Strategy> strategies() {
        return strategies;
    }

    /** This iteration's files, one per strategy, in the same order. */
    List<java.nio.file.Path> files() {
        return logs.stream().map(AppendLog::path).toList();
    }

    @TearDown(Level.Iteration)
    public void removeLogs() throws IOException {
        for (AppendLog log : logs) {
            log.close();
        }
    }

    @TearDown(Level.Trial)
    public void removeScratch() {
        scratch.close();
    }
}
