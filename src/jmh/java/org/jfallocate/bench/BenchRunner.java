package org.jfallocate.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code make bench}: runs the JMH suite once per filesystem and writes
 * {@code <out>/jmh-<fs>.json}, {@code results.csv}, {@code environment} and
 * {@code histograms/} (docs/results-format.md).
 *
 * <p>Each filesystem is probed once ({@link DirectorySupport}); what it cannot do is left out
 * of the JMH run and written as {@code unsupported} rows ({@link Gaps}). The {@link Profile}
 * sets forks, iterations and parameters, per benchmark where needed; JMH's output goes where
 * {@link JmhOutput} says. BindingOverhead runs on tmpfs only (or on the last filesystem when
 * there is no tmpfs), followed by the C baseline on the same directory. A group whose
 * settings are interleaved runs its forks in {@link Rounds}.
 *
 * <p>Usage: {@code BenchRunner --out DIR --profile quick|full --c-binary PATH [JMH options...]}.
 * JMH options override the profile ({@code -f}, {@code -i}, {@code -p size=...}, a benchmark
 * regex); {@code -p dir=A,B} replaces the filesystem list; {@code -p strategy=...} narrows the
 * strategies (unsupported ones are still reported).
 */
public final class BenchRunner {
    private static final String OVERHEAD = "BindingOverheadBenchmark";
    private static final String EVENT_OVERHEAD = "EventOverheadBenchmark";
    private static final String DEFAULT_INCLUDE = "org\\.jfallocate\\.bench\\..*Benchmark\\.";
    private static final long C_CALLS = 1_000_000;
    private static final int C_MIN_REPEATS = 5;

    private BenchRunner() {
    }

    /**
     * Runs the suite with JMH's output in {@code <out>/jmh.log} and a progress line per point on the console;
     * exits with {@link #run}'s status.
     */
    public static void main(String[] args) throws Exception {
        int status;
        try (ProgressLog progress = new ProgressLog(System.out)) {
            status = run(args, progress);
        }
        System.exit(status);
    }

    /** As {@link #run(String[], JmhOutput)}, with JMH's output on the console. */
    static int run(String[] args) throws IOException, InterruptedException {
        return run(args, JmhOutput.CONSOLE);
    }

    /**
     * Runs the suite as {@link #main} does, JMH's output going to {@code output}.
     *
     * @return the exit status: 0, 1 when JMH failed on a filesystem, 2 for bad arguments
     */
    public static int run(String[] args, JmhOutput output) throws IOException, InterruptedException {
        Path out = null;
        String profileName = "quick";
        Path cBinary = null;
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--profile" -> profileName = args[++i];
                case "--c-binary" -> cBinary = Path.of(args[++i]);
                default -> jmhArgs.add(args[i]);
            }
        }
        Profile profile = Profile.named(profileName).orElse(null);
        if (profile == null) {
            System.err.println("bench: --profile must be quick or full, was " + profileName);
            return 2;
        }
        Instant started = Instant.now();
        if (out == null) {
            out = Path.of("results", DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started)
                    + "-" + RunEnvironment.host());
        }
        return new Run(out, profile, cBinary, jmhArgs, started, output).execute();
    }

    /** A point's identity: its benchmark and every parameter value, as JMH started it and as its result names it. */
    static String pointKey(BenchmarkParams params) {
        StringBuilder key = new StringBuilder(HistogramNames.simpleName(params.getBenchmark()));
        new java.util.TreeSet<>(params.getParamsKeys()).forEach(k -> key.append(';').append(k).append('=').append(params.getParam(k)));
        return key.toString();
    }

    /**
     * A row for every point JMH started but did not finish (its fork threw: ENOSPC, a
     * read-only filesystem), with the point's strategy and parameters, so that the report
     * names it instead of leaving the strategy out.
     */
    static List<CsvRow> failedPointRows(CsvRow.Context context, List<BenchmarkParams> started, Set<String> finished) {
        List<CsvRow> rows = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (BenchmarkParams p : started) {
            String key = pointKey(p);
            if (!finished.contains(key) && seen.add(key)) {
                Map<String, String> params = new java.util.TreeMap<>();
                p.getParamsKeys().forEach(k -> params.put(k, p.getParam(k)));
                CsvRow.Point point = JmhJsonConverter.pointOf(HistogramNames.simpleName(p.getBenchmark()), params, "", "");
                rows.add(CsvRow.failed(context, point, "failed: JMH reported an error for this point: see the run's jmh.log"));
            }
        }
        return rows;
    }

    /**
     * The benchmarks these patterns select, as "Class.method", each with the names of its parameters.
     */
    static Map<String, Set<String>> select(List<String> includes, List<String> excludes) {
        Map<String, Set<String>> selected = new TreeMap<>();
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(silent, includes, excludes)) {
            Set<String> params = e.getParams().hasValue() ? e.getParams().get().keySet() : Set.of();
            selected.put(HistogramNames.simpleName(e.getUsername()), Set.copyOf(params));
        }
        return selected;
    }

    /** The most forks any of {@code benchmarks} ("Class.method") asks for in its {@code @Fork}; 1 where none does. */
    static int annotatedForks(List<String> benchmarks) {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        return BenchmarkList.defaultList().find(silent, List.of(DEFAULT_INCLUDE), List.of()).stream()
                .filter(e -> benchmarks.contains(HistogramNames.simpleName(e.getUsername())))
                .mapToInt(e -> e.getForks().orElse(1)).max().orElse(1);
    }

    /** One run: every filesystem, then the CSV and the environment file. */
    private record Run(Path out, Profile profile, Path cBinary, List<String> jmhArgs, Instant started, JmhOutput output) {

        int execute() throws IOException, InterruptedException {
            CommandLineOptions user;
            try {
                user = new CommandLineOptions(jmhArgs.toArray(String[]::new));
            } catch (CommandLineOptionException e) {
                System.err.println("bench: bad JMH option: " + e.getMessage());
                return 2;
            }
            Files.createDirectories(histograms());
            String runId = out.getFileName().toString();
            List<BenchTarget> targets = BenchTarget.discover(user.getParameter("dir").orElse(List.of()),
                    System.getenv("JFALLOCATE_MATRIX"), Path.of("").toAbsolutePath());
            BenchTarget overheadTarget = targets.stream().filter(t -> t.fs().type().equals("tmpfs")).findFirst()
                    .orElse(targets.getLast());
            System.out.println("bench: run " + runId + " (" + profile.name() + ") on " + targets);
            output.plan(targets);

            List<CsvRow> rows = new ArrayList<>();
            boolean failed = false;
            for (BenchTarget target : targets) {
                try {
                    rows.addAll(runOn(target, target == overheadTarget, user, runId));
                } catch (RunnerException e) {
                    System.err.println("bench: JMH failed on " + target + ": " + e.getMessage());
                    failed = true;
                } catch (IllegalArgumentException e) {
                    System.err.println("bench: " + e.getMessage());
                    return 2;
                }
            }
            CsvWriter.write(out.resolve("results.csv"), rows);
            String seconds = writeEnvironment(runId, targets, rows);
            System.out.printf("bench: %d rows in %s, %s s%n", rows.size(), out.resolve("results.csv"), seconds);
            return failed ? 1 : 0;
        }

        /** One filesystem: probe it, run what it can do, and turn the results and the gaps into rows. */
        private List<CsvRow> runOn(BenchTarget target, boolean withOverhead, CommandLineOptions user, String runId)
                throws IOException, RunnerException, InterruptedException {
            CsvRow.Context context = new CsvRow.Context(runId, RunEnvironment.host(), RunEnvironment.kernel(),
                    RunEnvironment.jdk(), RunEnvironment.cpu(), target.fs().type(), target.fs().source());
            Gaps gaps = Gaps.of(DirectorySupport.probe(target.dir()), user);
            System.out.println("bench: " + target.name() + " at " + target.dir() + ": " + gaps.summary());
            checkImage(target);
            Map<String, Set<String>> selected = selection(user, withOverhead);
            Set<String> runnable = new TreeSet<>(selected.keySet());
            runnable.removeAll(gaps.skipped(selected));

            List<CsvRow> rows = new ArrayList<>();
            List<BenchmarkParams> started = new ArrayList<>();
            Collection<RunResult> results = runnable.isEmpty() ? List.of() : measure(target, user, runnable, gaps, started);
            Path json = jsonOf(target);
            if (Files.exists(json)) {
                rows.addAll(JmhJsonConverter.rows(json, context, histograms()));
            }
            rows.addAll(gaps.unsupportedRows(context, selected,
                    (name, param, value) -> asked(profile.settingsFor(name, target.fs().type()), user, param, value)));
            Set<String> ran = new LinkedHashSet<>();
            Set<String> finished = new java.util.HashSet<>();
            results.forEach(r -> {
                ran.add(HistogramNames.simpleName(r.getParams().getBenchmark()));
                finished.add(pointKey(r.getParams()));
            });
            List<CsvRow> failedPoints = failedPointRows(context, started, finished);
            failedPoints.forEach(r -> ran.add(r.benchmark()));
            rows.addAll(failedPoints);
            rows.addAll(failedRows(context, runnable, ran));
            if (ran.stream().anyMatch(n -> n.startsWith(OVERHEAD + "."))) {
                rows.addAll(cBaselineRows(target, context, results));
            }
            return rows;
        }

        /** Warns when the filesystem's loop image is sparse: its first writer to each block pays the host ({@link LoopImage}). */
        private static void checkImage(BenchTarget target) throws IOException {
            Optional<LoopImage> image = LoopImage.of(target.fs());
            if (image.isPresent() && image.get().unwrittenOnHost() > 0) {
                System.out.printf("bench: %s: warning: %d MiB of its loop image %s are not written on the host: the first"
                        + " write to each of those blocks costs a host allocation and journal commit, which only the"
                        + " strategy that meets it pays (docs/benchmarks.md, \"A fresh image\"; bin/fs-matrix with"
                        + " FS_MATRIX_IMAGES=written makes images without)%n",
                        target.name(), image.get().unwrittenOnHost() >> 20, image.get().file());
            }
        }

        /** What the user's selection asks for on this filesystem, before its gaps take things out. */
        private static Map<String, Set<String>> selection(CommandLineOptions user, boolean withOverhead) {
            List<String> includes = user.getIncludes().isEmpty() ? List.of(DEFAULT_INCLUDE) : user.getIncludes();
            List<String> excludes = new ArrayList<>(user.getExcludes());
            if (!withOverhead) {
                // The call-overhead benchmarks measure the call path, not the filesystem: one tmpfs run is enough.
                excludes.add("\\." + OVERHEAD + "\\.");
                excludes.add("\\." + EVENT_OVERHEAD + "\\.");
            }
            return select(includes, excludes);
        }

        /**
         * Runs {@code runnable} on {@code target}: one JMH run per distinct profile setting, their
         * JSON results joined into {@code jmh-<fs>.json}.
         */
        private Collection<RunResult> measure(BenchTarget target, CommandLineOptions user, Set<String> runnable, Gaps gaps,
                                              List<BenchmarkParams> started)
                throws IOException, RunnerException {
            Map<Profile.Settings, List<String>> groups = new LinkedHashMap<>();
            String fsType = target.fs().type();
            runnable.forEach(name -> groups.computeIfAbsent(profile.settingsFor(name, fsType), s -> new ArrayList<>()).add(name));
            Set<String> all = select(List.of(DEFAULT_INCLUDE), List.of()).keySet();
            List<RunResult> results = new ArrayList<>();
            List<Path> parts = new ArrayList<>();
            try {
                for (Map.Entry<Profile.Settings, List<String>> group : groups.entrySet()) {
                    Path part = out.resolve("jmh-" + target.name() + ".part" + parts.size() + ".json");
                    parts.add(part);
                    results.addAll(measureGroup(target, user, gaps, group.getKey(), group.getValue(), all, part, started));
                }
            } finally {
                // What the groups before a failed one measured is kept.
                joinJson(parts, jsonOf(target));
            }
            return results;
        }

        /**
         * One group's JMH run, or its rounds ({@link Rounds}): a JMH run of one fork per round,
         * the points' forks joined into {@code part} after each, so that a failed round keeps what
         * the earlier ones measured.
         */
        private List<RunResult> measureGroup(BenchTarget target, CommandLineOptions user, Gaps gaps,
                                             Profile.Settings settings, List<String> benchmarks, Set<String> all,
                                             Path part, List<BenchmarkParams> started) throws IOException, RunnerException {
            int rounds = settings.rounds(user, annotatedForks(benchmarks));
            List<RunResult> measured = new ArrayList<>();
            List<RunResult> joined = measured;
            for (int round = 1; round <= rounds; round++) {
                Path json = rounds == 1 ? part : out.resolve(part.getFileName() + ".round" + round);
                Options options = options(target, user, gaps, settings, benchmarks, all, json, rounds > 1);
                if (rounds > 1) {
                    System.out.printf("bench: %s: %s, round %d of %d (one fork of every point a round)%n",
                            target.name(), String.join(", ", benchmarks), round, rounds);
                }
                PointRecorder format = new PointRecorder(output.open(out, target, options));
                try {
                    measured.addAll(new Runner(options, format).run());
                } finally {
                    format.flush();
                    started.addAll(format.started());
                    if (rounds > 1) {
                        Files.deleteIfExists(json);
                        joined = Rounds.join(measured);
                        if (!joined.isEmpty()) {
                            Rounds.writeJson(joined, part);
                        }
                    }
                }
            }
            return joined;
        }

        /**
         * The options of one JMH run: the user's, this group's profile settings where the user set
         * nothing, the directory, the supported values, the profilers, and exactly the group's benchmarks.
         */
        private Options options(BenchTarget target, CommandLineOptions user, Gaps gaps, Profile.Settings settings,
                                List<String> benchmarks, Set<String> all, Path json, boolean oneRound) {
            ChainedOptionsBuilder options = new OptionsBuilder().parent(user)
                    .param("dir", target.dir().toString())
                    .resultFormat(ResultFormatType.JSON)
                    .result(json.toString())
                    .addProfiler(GCProfiler.class)
                    .addProfiler(MetricsProfiler.class, histograms().toAbsolutePath().toString());
            settings.without(GatedParams.ALL.keySet()).applyTo(options, user);
            if (oneRound) {
                options.forks(1);
            }
            // A profile naming values of a gated parameter narrows it to those (the user's -p wins).
            gaps.withValues().forEach(g -> {
                List<String> values = g.supported().stream().filter(v -> asked(settings, user, g.param(), v)).toList();
                if (!values.isEmpty()) {
                    options.param(g.param(), values.toArray(String[]::new));
                }
            });
            // Includes and excludes add to the user's: name this group exactly and exclude everything else.
            for (String name : all) {
                String exact = "\\." + name.replace(".", "\\.") + "$";
                if (benchmarks.contains(name)) {
                    options.include(exact);
                } else {
                    options.exclude(exact);
                }
            }
            return options.build();
        }

        /**
         * Whether a value of a gated parameter is asked for: always when the user named the
         * parameter ({@code -p}), else when the profile's settings do not narrow it or list it.
         */
        private static boolean asked(Profile.Settings settings, CommandLineOptions user, String param, String value) {
            return user.getParameter(param).hasValue() || !settings.params().containsKey(param)
                    || settings.params().get(param).contains(value);
        }

        /** Benchmarks that should have run but left no result: JMH reported an exception for every run of them. */
        private static List<CsvRow> failedRows(CsvRow.Context context, Set<String> runnable, Set<String> ran) {
            return runnable.stream().filter(name -> !ran.contains(name))
                    .map(name -> CsvRow.failed(context, name, "JMH reported an error for every run of this benchmark: see the run's log"))
                    .toList();
        }

        /** The C baseline of BindingOverhead, with as many samples as JMH took of jfallocate, so that both errors mean the same. */
        private List<CsvRow> cBaselineRows(BenchTarget target, CsvRow.Context context, Collection<RunResult> results)
                throws IOException, InterruptedException {
            if (cBinary == null || !Files.isExecutable(cBinary)) {
                return List.of(CsvRow.unsupported(context, CsvRow.Point.of(CBaseline.BENCHMARK, "C"),
                        "no C baseline: " + (cBinary == null ? "no --c-binary given" : cBinary + " was not built (gcc missing?)")));
            }
            long samples = results.stream()
                    .filter(r -> r.getParams().getBenchmark().endsWith(OVERHEAD + ".jfallocate"))
                    .mapToLong(r -> r.getPrimaryResult().getStatistics().getN()).max().orElse(C_MIN_REPEATS);
            int repeats = (int) Math.max(C_MIN_REPEATS, samples);
            return List.of(CBaseline.run(cBinary, target.dir(), context, C_CALLS, repeats, false),
                    CBaseline.run(cBinary, target.dir(), context, C_CALLS, repeats, true));
        }

        /** Writes the environment file; returns the run's duration in seconds. */
        private String writeEnvironment(String runId, List<BenchTarget> targets, List<CsvRow> rows) throws IOException {
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("duration_s", Long.toString(Duration.between(started, Instant.now()).toSeconds()));
            // A subset (ARGS="BindingOverhead") measures some filesystems only: the environment
            // names just those, since the report takes a named filesystem without rows for a broken run.
            Set<String> measured = new TreeSet<>();
            rows.forEach(r -> measured.add(r.fsType()));
            List<BenchTarget> benchmarked = targets.stream().filter(t -> measured.contains(t.fs().type())).toList();
            RunEnvironment.write(out.resolve("environment"), runId, profile.name(), jmhArgs,
                    DateTimeFormatter.ISO_INSTANT.format(started), benchmarked, extra);
            return extra.get("duration_s");
        }

        private Path histograms() {
            return out.resolve("histograms");
        }

        private Path jsonOf(BenchTarget target) {
            return out.resolve("jmh-" + target.name() + ".json");
        }
    }

    /** Joins the JSON arrays of several JMH runs into {@code json}, removing the parts; nothing when none wrote one. */
    static void joinJson(List<Path> parts, Path json) throws IOException {
        List<Path> written = parts.stream().filter(Files::exists).toList();
        if (written.size() == 1) {
            Files.move(written.getFirst(), json, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        if (written.isEmpty()) {
            return;
        }
        JsonArray joined = new JsonArray();
        for (Path part : written) {
            try (Reader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                joined.addAll(JsonParser.parseReader(in).getAsJsonArray());
            }
        }
        Files.writeString(json, Rounds.JSON.toJson(joined), StandardCharsets.UTF_8);
        for (Path part : written) {
            Files.delete(part);
        }
    }
}
