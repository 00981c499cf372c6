package org.jfallocate.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output, split in two: everything JMH prints goes to the run's {@code jmh.log} (through JMH's own
 * format, as a plain run would print it), and the terminal gets one progress line per benchmark point plus every
 * line that looks like a warning or an error. One instance serves one JMH run (a filesystem's benchmarks that
 * share a profile setting); the {@link Clock} spans the whole suite, so the mean time of a point is the suite's.
 */
public final class ProgressOutput extends ForwardingOutputFormat {

    /** Lines the terminal must see even though the rest goes to the log. */
    private static final Pattern ALARM = Pattern.compile(
            "(?i)\\b(warning|error|exception|failed|failure|unsupported|cannot|denied|no space)\\b|<failure>");

    /** The parameters every point has, which the progress line leaves out. */
    private static final java.util.Set<String> SAME_EVERYWHERE = java.util.Set.of("dir");

    private final PrintStream terminal;
    private final Clock clock;
    private final String target;
    private final int points;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final StringBuilder partialText = new StringBuilder();
    private int point;

    /**
     * Elapsed time and points done over the whole suite, for the estimate of what is left.
     */
    public static final class Clock {
        private final LongSupplier nanos;
        private final long start;
        private int pointsDone;
        private long pointNanos;
        private long pointStarted = -1;

        /** @param nanos a monotonic clock ({@code System::nanoTime}; a test's own) */
        public Clock(LongSupplier nanos) {
            this.nanos = nanos;
            this.start = nanos.getAsLong();
        }

        /** Filesystems the run will measure (0: not told), and which one is being measured (1-based). */
        private int filesystems;
        private int filesystem;
        private String current;
        private long currentStarted;

        Duration elapsed() {
            return Duration.ofNanos(nanos.getAsLong() - start);
        }

        /** @param count how many filesystems the whole run measures */
        void plan(int count) {
            filesystems = count;
        }

        /** The run moves on to {@code target} (called again for each JMH run on the same one). */
        void enter(String target) {
            if (!target.equals(current)) {
                current = target;
                filesystem++;
                currentStarted = nanos.getAsLong();
            }
        }

        /**
         * The filesystems still to come, at the mean time the finished ones took, plus what is
         * left of this one; empty until one filesystem is finished or when the plan is unknown.
         */
        java.util.Optional<Duration> runLeft(Duration leftHere) {
            if (filesystems == 0 || filesystem < 2) {
                return java.util.Optional.empty();
            }
            long meanFs = (currentStarted - start) / (filesystem - 1);
            return java.util.Optional.of(leftHere.plusNanos(meanFs * Math.max(0, filesystems - filesystem)));
        }

        /** {@code " · fs k/n"} when the plan is known, else "". */
        String filesystemPosition() {
            return filesystems == 0 ? "" : " · fs " + filesystem + "/" + filesystems;
        }
    }

    /**
     * @param log JMH's format writing into jmh.log
     * @param terminal where the progress lines go
     * @param clock the suite's clock
     * @param target the filesystem's name, e.g. {@code ext4}
     * @param points how many benchmark points JMH will run on it
     */
    public ProgressOutput(OutputFormat log, PrintStream terminal, Clock clock, String target, int points) {
        super(log);
        this.terminal = terminal;
        this.clock = clock;
        this.target = target;
        this.points = points;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        log.startBenchmark(params);
        finishPoint();
        point++;
        clock.pointStarted = clock.nanos.getAsLong();
        terminal.println(line(params));
        terminal.flush();
    }

    private void finishPoint() {
        if (clock.pointStarted >= 0) {
            clock.pointNanos += clock.nanos.getAsLong() - clock.pointStarted;
            clock.pointsDone++;
            clock.pointStarted = -1;
        }
    }

    /** The progress line of the point that starts: which, with what, how long so far, how long still. */
    String line(BenchmarkParams params) {
        Map<String, String> shown = new TreeMap<>();
        for (String k : params.getParamsKeys()) {
            if (!SAME_EVERYWHERE.contains(k) && !ignored(k, params)) {
                shown.put(k, params.getParam(k));
            }
        }
        StringBuilder sb = new StringBuilder("bench: [").append(target).append(' ').append(point).append('/')
                .append(points).append(clock.filesystemPosition()).append("] ")
                .append(HistogramNames.simpleName(params.getBenchmark()));
        shown.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        sb.append(" | elapsed ").append(clockTime(clock.elapsed()));
        java.util.Optional<Duration> here = left();
        here.ifPresent(d -> sb.append(" | ~").append(clockTime(d)).append(" left in this group"));
        here.flatMap(clock::runLeft).ifPresent(d -> sb.append(", ~").append(clockTime(d)).append(" in the run"));
        return sb.toString();
    }

    // chunkBytes is CHUNKED_KEEP_SIZE's step: every other strategy ignores it.
    private static boolean ignored(String param, BenchmarkParams params) {
        String strategy = params.getParam("strategy");
        return param.equals("chunkBytes") && strategy != null && !strategy.equals(Strategy.CHUNKED_KEEP_SIZE.name());
    }

    /** Points of this JMH run still to go (this one included) times the suite's mean point so far. */
    java.util.Optional<Duration> left() {
        if (clock.pointsDone == 0) {
            return java.util.Optional.empty();
        }
        long mean = clock.pointNanos / clock.pointsDone;
        return java.util.Optional.of(Duration.ofNanos(mean * (points - point + 1)));
    }

    static String clockTime(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        log.endRun(result);
        finishPoint();
    }

    @Override
    public void print(String s) {
        log.print(s);
        text(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
        text(s + "\n");
    }

    @Override
    public void write(int b) {
        log.write(b);
        partial.write(b);
        if (b == '\n') {
            bytes();
        }
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
        partial.write(b);
        bytes();
    }

    private void bytes() {
        text(partial.toString(StandardCharsets.UTF_8));
        partial.reset();
    }

    /** Collects text into lines and shows the alarming ones on the terminal. */
    private void text(String s) {
        partialText.append(s);
        int nl;
        while ((nl = partialText.indexOf("\n")) >= 0) {
            String line = partialText.substring(0, nl);
            partialText.delete(0, nl + 1);
            if (ALARM.matcher(line).find()) {
                terminal.println("bench: [" + target + "] " + line.strip());
            }
        }
    }

    @Override
    public void flush() {
        log.flush();
        terminal.flush();
    }

    @Override
    public void close() {
        text("\n");
        log.flush();
        terminal.flush();
    }
}
