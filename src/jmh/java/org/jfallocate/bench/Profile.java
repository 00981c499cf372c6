package org.jfallocate.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * A run's budget: forks, iterations and parameter values, for every benchmark and per
 * benchmark where one needs other values. What a setting leaves empty comes from the
 * benchmark's annotations; what the user gives on the command line ({@code -f}, {@code -i},
 * {@code -wi}, {@code -p}) wins over both. The runner records the effective forks and
 * iterations of every point in results.csv.
 *
 * @param name      {@code quick} or {@code full}, as {@code --profile} and the environment file say
 * @param defaults  the settings of every benchmark
 * @param overrides per benchmark, by "Class" or "Class.method" simple name (the method wins), settings
 *                  that replace the defaults' non-empty fields
 */
public record Profile(String name, Settings defaults, Map<String, Settings> overrides) {

    /**
     * One benchmark's budget; empty fields leave the annotation's value.
     *
     * @param forks                 JVM forks ({@code -f})
     * @param warmupIterations      warmup iterations per fork ({@code -wi})
     * @param measurementIterations measured iterations per fork ({@code -i})
     * @param params                parameter values ({@code -p name=v1,v2})
     */
    public record Settings(Optional<Integer> forks, Optional<Integer> warmupIterations,
                           Optional<Integer> measurementIterations, Map<String, List<String>> params) {

        /** Nothing changed: the annotations' values. */
        public static final Settings ANNOTATIONS = new Settings(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

        /** These settings, with {@code other}'s non-empty fields (and params) instead. */
        Settings with(Settings other) {
            Map<String, List<String>> merged = new java.util.TreeMap<>(params);
            merged.putAll(other.params);
            return new Settings(other.forks.or(() -> forks), other.warmupIterations.or(() -> warmupIterations),
                    other.measurementIterations.or(() -> measurementIterations), Map.copyOf(merged));
        }

        /**
         * These settings without the values of {@code names}: JMH adds up the values of a
         * parameter given twice, so the gated ones are passed once, by the runner.
         */
        Settings without(java.util.Set<String> names) {
            Map<String, List<String>> kept = new java.util.TreeMap<>(params);
            kept.keySet().removeAll(names);
            return new Settings(forks, warmupIterations, measurementIterations, Map.copyOf(kept));
        }

        /** Applies these settings to {@code options}, except where {@code user} set the same option. */
        void applyTo(ChainedOptionsBuilder options, CommandLineOptions user) {
            if (!user.getForkCount().hasValue()) {
                forks.ifPresent(options::forks);
            }
            if (!user.getWarmupIterations().hasValue()) {
                warmupIterations.ifPresent(options::warmupIterations);
            }
            if (!user.getMeasurementIterations().hasValue()) {
                measurementIterations.ifPresent(options::measurementIterations);
            }
            params.forEach((param, values) -> {
                if (!user.getParameter(param).hasValue()) {
                    options.param(param, values.toArray(String[]::new));
                }
            });
        }
    }

    private static Settings iterations(int forks, int warmups, int measurements) {
        return new Settings(Optional.of(forks), Optional.of(warmups), Optional.of(measurements), Map.of());
    }

    private static Settings params(Map<String, List<String>> params) {
        return new Settings(Optional.empty(), Optional.empty(), Optional.empty(), params);
    }

    private static List<String> names(Strategy... strategies) {
        return java.util.Arrays.stream(strategies).map(Enum::name).toList();
    }

    /** ReserveSpaceBenchmark compares the strategies that act once, before any write. */
    private static final List<String> RESERVATIONS = Strategy.RESERVATIONS.stream().map(Enum::name).sorted().toList();

    /**
     * {@code make bench}: under 10 minutes on a 2-core machine for everything, spent on the
     * headline question: durable 4 KiB appends with fdatasync after every record, every
     * strategy, 12 samples a point (docs/benchmarks.md has the arithmetic). The other write
     * paths are left to the full profile; the rotating log runs three strategies, long enough
     * for a segment switch of every writer.
     */
    public static final Profile QUICK = new Profile("quick", Settings.ANNOTATIONS, Map.of(
            "ReserveSpaceBenchmark", params(Map.of("strategy", RESERVATIONS)),
            "DurableAppendBenchmark", new Settings(Optional.of(1), Optional.of(1), Optional.of(12),
                    Map.of("writePath", List.of(WritePath.FDATASYNC_EACH.name()))),
            "BufferedAppendBenchmark", params(Map.of("strategy", names(Strategy.NONE, Strategy.FALLOCATE,
                    Strategy.ZERO_FILLED, Strategy.RECYCLED, Strategy.CHUNKED_KEEP_SIZE))),
            "RotatingLogBenchmark.oneWriter", new Settings(Optional.of(1), Optional.of(1), Optional.of(4),
                    Map.of("strategy", names(Strategy.NONE, Strategy.ZERO_FILLED, Strategy.RECYCLED))),
            // Each of four writers appends a quarter per iteration: 17 iterations pass its first switch.
            "RotatingLogBenchmark.fourWriters", new Settings(Optional.of(1), Optional.of(1), Optional.of(16),
                    Map.of("strategy", names(Strategy.NONE, Strategy.ZERO_FILLED, Strategy.RECYCLED)))));

    /**
     * {@code make bench-full}, the publication profile: every workload, strategy and write path,
     * 30 samples a point, reserve sizes up to 1 GiB. The filesystem benchmarks run one JVM of
     * 30 measured iterations: their variance is the filesystem's, met afresh by every iteration's
     * new file, and a JVM start per point less is what keeps the matrix within 40 minutes
     * (docs/benchmarks.md). The call-overhead benchmarks keep three JVMs of 10: at nanoseconds,
     * the JIT's choices differ from JVM to JVM. The rotating log runs 2 + 30 iterations of
     * 16 MiB in its one JVM: 512 MiB a point, the log's steady state.
     */
    public static final Profile FULL = new Profile("full", iterations(1, 1, 30), Map.of(
            "ReserveSpaceBenchmark", params(Map.of("size", List.of("1048576", "67108864", "1073741824"),
                    "strategy", RESERVATIONS)),
            "BindingOverheadBenchmark", new Settings(Optional.of(3), Optional.empty(), Optional.of(10), Map.of()),
            "EventOverheadBenchmark", new Settings(Optional.of(3), Optional.empty(), Optional.of(10), Map.of()),
            "RotatingLogBenchmark", iterations(1, 2, 30)));

    /** The profile called {@code name}, if there is one. */
    public static Optional<Profile> named(String name) {
        return List.of(QUICK, FULL).stream().filter(p -> p.name.equals(name)).findFirst();
    }

    /** The settings of {@code benchmark} ("Class.method"): the defaults, then its class's, then its own. */
    public Settings settingsFor(String benchmark) {
        String klass = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return defaults.with(overrides.getOrDefault(klass, Settings.ANNOTATIONS))
                .with(overrides.getOrDefault(benchmark, Settings.ANNOTATIONS));
    }
}
