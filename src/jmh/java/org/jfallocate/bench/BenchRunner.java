package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code make bench}: runs the JMH suite once per filesystem and writes
 * {@code <out>/jmh-<fs>.json}, {@code results.csv}, {@code environment} and
 * {@code histograms/} (docs/results-format.md).
 *
 * <p>Before each filesystem it tries every {@link Strategy} and {@link HoleMode} there: the
 * ones that fail are not run (JMH cannot skip a parameter combination itself) and become
 * {@code unsupported} rows with the errno, so nothing is dropped silently. BindingOverhead
 * runs on tmpfs only (or on the last filesystem when there is no tmpfs), followed by the C
 * baseline on the same directory.
 *
 * <p>Usage: {@code BenchRunner --out DIR --profile quick|full --c-binary PATH [JMH options...]}.
 * JMH options override the profile ({@code -f}, {@code -i}, {@code -p size=...}, a benchmark
 * regex); {@code -p dir=A,B} replaces the filesystem list; {@code -p strategy=...} narrows the
 * strategies (unsupported ones are still reported).
 */
public final class BenchRunner {
    private static final String OVERHEAD = "BindingOverheadBenchmark";
    private static final String EVENT_OVERHEAD = "EventOverheadBenchmark";
    private static final int FULL_MEASUREMENT_ITERATIONS = 10;
    private static final String FRAGMENTATION = "FragmentationBenchmark";
    private static final String RESERVATION = "reservation";
    private static final String WRITE_PATH = "writePath";
    private static final String DEFAULT_INCLUDE = "org\\.jfallocate\\.bench\\..*Benchmark\\.";
    private static final long C_CALLS = 1_000_000;
    private static final int C_MIN_REPEATS = 5;
    /** The full profile's reserve sizes: 1 GiB only there (it needs images of 2 GiB and more). */
    private static final String[] FULL_SIZES = {"1048576", "67108864", "1073741824"};

    private BenchRunner() {
    }

    /**
     * The benchmarks these patterns select, as "Class.method", each with whether it takes a
     * strategy parameter ({@code strategy}, or {@code reservation}: the strategies that act
     * once, before any write).
     */
    static Map<String, Boolean> select(List<String> includes, List<String> excludes) {
        Map<String, Boolean> selected = new java.util.TreeMap<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), includes, excludes)) {
            boolean hasStrategy = e.getParams().hasValue() && (e.getParams().get().containsKey("strategy")
                    || e.getParams().get().containsKey(RESERVATION));
            selected.put(HistogramNames.simpleName(e.getUsername()), hasStrategy);
        }
        return selected;
    }

    /** The selected benchmarks that take the {@code writePath} parameter. */
    static Set<String> withWritePath(List<String> includes, List<String> excludes) {
        Set<String> found = new TreeSet<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), includes, excludes)) {
            if (e.getParams().hasValue() && e.getParams().get().containsKey(WRITE_PATH)) {
                found.add(HistogramNames.simpleName(e.getUsername()));
            }
        }
        return found;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /**
     * Runs the suite as {@link #main} does.
     *
     * @return the exit status: 0, 1 when JMH failed on a filesystem, 2 for bad arguments
     */
    static int run(String[] args) throws IOException, InterruptedException {
        Path out = null;
        String profile = "quick";
        Path cBinary = null;
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--profile" -> profile = args[++i];
                case "--c-binary" -> cBinary = Path.of(args[++i]);
                default -> jmhArgs.add(args[i]);
            }
        }
        if (!profile.equals("quick") && !profile.equals("full")) {
            System.err.println("bench: --profile must be quick or full, was " + profile);
            return 2;
        }
        Instant started = Instant.now();
        if (out == null) {
            out = Path.of("results", DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started)
                    + "-" + RunEnvironment.host());
        }
        return new BenchRunner.Run(out, profile, cBinary, jmhArgs, started).execute();
    }

    /** One run: every filesystem, then the CSV and the environment file. */
    private record Run(Path out, String profile, Path cBinary, List<String> jmhArgs, Instant started) {

        int execute() throws IOException, InterruptedException {
            CommandLineOptions user;
            try {
                user = new CommandLineOptions(jmhArgs.toArray(String[]::new));
            } catch (CommandLineOptionException e) {
                System.err.println("bench: bad JMH option: " + e.getMessage());
                return 2;
            }
            Files.createDirectories(out.resolve("histograms"));
            String runId = out.getFileName().toString();
            Collection<String> explicitDirs = user.getParameter("dir").orElse(List.of());
            List<BenchTarget> targets = BenchTarget.discover(explicitDirs, System.getenv("JFALLOCATE_MATRIX"),
                    Path.of("").toAbsolutePath());
            BenchTarget overheadTarget = targets.stream().filter(t -> t.mount().type().equals("tmpfs")).findFirst()
                    .orElse(targets.getLast());
            System.out.println("bench: run " + runId + " (" + profile + ") on " + targets);

            List<CsvRow> rows = new ArrayList<>();
            boolean failed = false;
            for (BenchTarget target : targets) {
                try {
                    rows.addAll(runOn(target, target == overheadTarget, user, runId));
                } catch (RunnerException e) {
                    System.err.println("bench: JMH failed on " + target + ": " + e.getMessage());
                    failed = true;
                }
            }
            CsvWriter.write(out.resolve("results.csv"), rows);
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("duration_s", Long.toString(Duration.between(started, Instant.now()).toSeconds()));
            // A subset (ARGS="BindingOverhead") measures some filesystems only: the environment
            // names just those, since the report takes a named filesystem without rows for a broken run.
            Set<String> measured = new TreeSet<>();
            rows.forEach(r -> measured.add(r.fsType()));
            List<BenchTarget> benchmarked = targets.stream().filter(t -> measured.contains(t.mount().type())).toList();
            RunEnvironment.write(out.resolve("environment"), runId, profile, jmhArgs,
                    DateTimeFormatter.ISO_INSTANT.format(started), benchmarked, extra);
            System.out.printf("bench: %d rows in %s, %s s%n", rows.size(), out.resolve("results.csv"), extra.get("duration_s"));
            return failed ? 1 : 0;
        }

        private List<CsvRow> runOn(BenchTarget target, boolean withOverhead, CommandLineOptions user, String runId)
                throws IOException, RunnerException, InterruptedException {
            CsvRow.Context context = new CsvRow.Context(runId, RunEnvironment.host(), RunEnvironment.kernel(),
                    RunEnvironment.jdk(), RunEnvironment.cpu(), target.mount().type(), target.mount().device());
            List<CsvRow> rows = new ArrayList<>();

            Set<Strategy> wanted = EnumSet.allOf(Strategy.class);
            if (user.getParameter("strategy").hasValue()) {
                wanted = EnumSet.noneOf(Strategy.class);
                for (String v : user.getParameter("strategy").get()) {
                    wanted.add(Strategy.valueOf(v));
                }
            }
            Map<Strategy, String> unsupported = new LinkedHashMap<>();
            List<String> supported = new ArrayList<>();
            for (Strategy s : wanted) {
                Optional<String> why = s.unsupportedIn(target.dir());
                if (why.isPresent()) {
                    unsupported.put(s, why.get());
                } else {
                    supported.add(s.name());
                }
            }
            Set<WritePath> wantedPaths = EnumSet.allOf(WritePath.class);
            if (user.getParameter(WRITE_PATH).hasValue()) {
                wantedPaths = EnumSet.noneOf(WritePath.class);
                for (String v : user.getParameter(WRITE_PATH).get()) {
                    wantedPaths.add(WritePath.valueOf(v));
                }
            }
            Map<WritePath, String> unsupportedPaths = new LinkedHashMap<>();
            List<String> supportedPaths = new ArrayList<>();
            for (WritePath p : wantedPaths) {
                Optional<String> why = p.unsupportedIn(target.dir());
                if (why.isPresent()) {
                    unsupportedPaths.put(p, why.get());
                } else {
                    supportedPaths.add(p.name());
                }
            }
            Map<HoleMode, String> unsupportedHoles = new LinkedHashMap<>();
            for (HoleMode m : HoleMode.values()) {
                m.unsupportedIn(target.dir()).ifPresent(why -> unsupportedHoles.put(m, why));
            }
            Optional<String> noExtents = Extents.unsupportedIn(target.dir());
            System.out.println("bench: " + target.name() + " at " + target.dir() + ": unsupported strategies "
                    + unsupported.keySet() + ", unsupported write paths " + unsupportedPaths.keySet()
                    + ", unsupported hole modes " + unsupportedHoles.keySet()
                    + noExtents.map(why -> ", no extent map").orElse(""));

            // What the user's selection asks for here, before this filesystem's gaps take things out.
            List<String> includes = user.getIncludes().isEmpty() ? List.of(DEFAULT_INCLUDE) : user.getIncludes();
            List<String> excludes = new ArrayList<>(user.getExcludes());
            if (!withOverhead) {
                // The call-overhead benchmarks measure the call path, not the filesystem: one tmpfs run is enough.
                excludes.add("\\." + OVERHEAD + "\\.");
                excludes.add("\\." + EVENT_OVERHEAD + "\\.");
            }
            Map<String, Boolean> selected = select(includes, excludes);
            Set<String> durable = withWritePath(includes, excludes);

            Set<String> skipped = new TreeSet<>();
            for (HoleMode m : unsupportedHoles.keySet()) {
                skipped.add(m.benchmark());
            }
            noExtents.ifPresent(why -> skipped.add(FRAGMENTATION + ".interleavedAppends"));
            if (supported.isEmpty()) {
                selected.forEach((name, hasStrategy) -> { if (hasStrategy) skipped.add(name); });
            }
            if (supportedPaths.isEmpty()) {
                skipped.addAll(durable);
            }
            for (String name : skipped) {
                excludes.add("\\." + name.replace(".", "\\.") + "$");
            }

            Path json = out.resolve("jmh-" + target.name() + ".json");
            Collection<RunResult> results = List.of();
            if (!skipped.containsAll(selected.keySet())) {
                ChainedOptionsBuilder options = new OptionsBuilder().parent(user)
                        .param("dir", target.dir().toString())
                        .resultFormat(ResultFormatType.JSON)
                        .result(json.toString())
                        .addProfiler(GCProfiler.class)
                        .addProfiler(MetricsProfiler.class, out.resolve("histograms").toAbsolutePath().toString());
                if (!supported.isEmpty()) {
                    options.param("strategy", supported.toArray(String[]::new));
                    String[] reservations = supported.stream()
                            .filter(s -> Strategy.RESERVATIONS.contains(Strategy.valueOf(s))).toArray(String[]::new);
                    if (reservations.length > 0) {
                        options.param(RESERVATION, reservations);
                    }
                }
                if (!supportedPaths.isEmpty()) {
                    options.param(WRITE_PATH, supportedPaths.toArray(String[]::new));
                }
                if (user.getIncludes().isEmpty()) {
                    options.include(DEFAULT_INCLUDE);
                }
                excludes.forEach(options::exclude);
                if (profile.equals("full")) {
                    // Publication: three JVMs and twice the quick profile's measurements, 30 samples a point.
                    if (!user.getForkCount().hasValue()) {
                        options.forks(3);
                    }
                    if (!user.getMeasurementIterations().hasValue()) {
                        options.measurementIterations(FULL_MEASUREMENT_ITERATIONS);
                    }
                    if (!user.getParameter("size").hasValue()) {
                        options.param("size", FULL_SIZES);
                    }
                }
                results = new Runner(options.build()).run();
                if (Files.exists(json)) {
                    rows.addAll(JmhJsonConverter.rows(json, context));
                }
            }

            Set<String> ran = new LinkedHashSet<>();
            for (RunResult r : results) {
                ran.add(HistogramNames.simpleName(r.getParams().getBenchmark()));
            }
            selected.forEach((name, hasStrategy) -> {
                if (hasStrategy) {
                    // ReserveSpaceBenchmark compares only the strategies that act before any write.
                    boolean reservationsOnly = name.startsWith("ReserveSpaceBenchmark.");
                    unsupported.forEach((s, why) -> {
                        if (!reservationsOnly || Strategy.RESERVATIONS.contains(s)) {
                            rows.add(CsvRow.unsupported(context, name, s.name(), why));
                        }
                    });
                }
            });
            for (String name : durable) {
                unsupportedPaths.forEach((p, why) -> supported.forEach(
                        s -> rows.add(CsvRow.unsupported(context, name + p.csvSuffix(), s, why))));
            }
            for (Map.Entry<HoleMode, String> e : unsupportedHoles.entrySet()) {
                if (selected.containsKey(e.getKey().benchmark())) {
                    rows.add(CsvRow.unsupported(context, e.getKey().benchmark(), e.getKey().name(), e.getValue()));
                }
            }
            if (noExtents.isPresent() && selected.containsKey(FRAGMENTATION + ".interleavedAppends")) {
                rows.add(CsvRow.unsupported(context, FRAGMENTATION + ".interleavedAppends", "", noExtents.get()));
            }
            for (String name : selected.keySet()) {
                if (!skipped.contains(name) && !ran.contains(name)) {
                    rows.add(CsvRow.failed(context, name, "JMH reported an error for every run of this benchmark: see the run's log"));
                }
            }
            if (ran.stream().anyMatch(n -> n.startsWith(OVERHEAD + "."))) {
                if (cBinary != null && Files.isExecutable(cBinary)) {
                    // As many C samples as JMH took of jfallocate, so that both errors mean the same.
                    long samples = results.stream()
                            .filter(r -> r.getParams().getBenchmark().endsWith(OVERHEAD + ".jfallocate"))
                            .mapToLong(r -> r.getPrimaryResult().getStatistics().getN()).max().orElse(C_MIN_REPEATS);
                    int repeats = (int) Math.max(C_MIN_REPEATS, samples);
                    rows.add(CBaseline.run(cBinary, target.dir(), context, C_CALLS, repeats, false));
                    rows.add(CBaseline.run(cBinary, target.dir(), context, C_CALLS, repeats, true));
                } else {
                    rows.add(CsvRow.unsupported(context, CBaseline.BENCHMARK, "C",
                            "no C baseline: " + (cBinary == null ? "no --c-binary given" : cBinary + " was not built (gcc missing?)")));
                }
            }
            return rows;
        }
    }

}
