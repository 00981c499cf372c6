package org.jfallocate.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * A run's budget: forks, iterations and parameter values, for every benchmark and per
 * benchmark where one needs other values. The benchmarks' annotations say what the
 * publication profile ({@link #FULL}) runs; what a setting leaves empty comes from them; what the user gives on the command line ({@code -f}, {@code -i},
 * {@code -wi}, {@code -p}) wins over both. The runner records the effective forks and
 * iterations of every point in results.csv.
 *
 * @param name      {@code quick} or {@code full}, as {@code --profile} and the environment file say
 * @param defaults  the settings of every benchmark
 * @param overrides per benchmark, by "Class" or "Class.method" simple name (the method wins), settings
 *                  that replace the defaults' non-empty fields; a key prefixed with a filesystem type,
 *                  "tmpfs:Class", applies on that filesystem only, over the others
 */
public record Profile(String name, Settings defaults, Map<String, Settings> overrides) {

    /**
     * One benchmark's budget; empty fields leave the annotation's value.
     *
     * @param forks                 JVM forks ({@code -f})
     * @param warmupIterations      warmup iterations per fork ({@code -wi})
     * @param measurementIterations measured iterations per fork ({@code -i})
     * @param params                parameter values ({@code -p name=v1,v2})
     * @param interleaved           whether the forks run in rounds ({@link Rounds}): the first fork of every
     *                              point of the group, then the second of every point, and so on; empty: not
     */
    public record Settings(Optional<Integer> forks, Optional<Integer> warmupIterations,
                           Optional<Integer> measurementIterations, Map<String, List<String>> params,
                           Optional<Boolean> interleaved) {

        /** Nothing changed: the annotations' values. */
        public static final Settings ANNOTATIONS = new Settings(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

        /** Settings whose forks, if several, run one point after the other, as JMH runs them. */
        public Settings(Optional<Integer> forks, Optional<Integer> warmupIterations,
                        Optional<Integer> measurementIterations, Map<String, List<String>> params) {
            this(forks, warmupIterations, measurementIterations, params, Optional.empty());
        }

        /** These settings, with {@code other}'s non-empty fields (and params) instead. */
        Settings with(Settings other) {
            Map<String, List<String>> merged = new java.util.TreeMap<>(params);
            merged.putAll(other.params);
            return new Settings(other.forks.or(() -> forks), other.warmupIterations.or(() -> warmupIterations),
                    other.measurementIterations.or(() -> measurementIterations), Map.copyOf(merged),
                    other.interleaved.or(() -> interleaved));
        }

        /**
         * How many rounds a group with these settings runs in: its forks ({@code -f} first, then these
         * settings', then the annotation's) when they are interleaved, else one, in which JMH runs
         * every fork of a point before the next point.
         *
         * @param annotated the forks the benchmarks' {@code @Fork} asks for
         */
        int rounds(CommandLineOptions user, int annotated) {
            if (!interleaved.orElse(false)) {
                return 1;
            }
            return user.getForkCount().hasValue() ? user.getForkCount().get() : forks.orElse(annotated);
        }

        /**
         * These settings without the values of {@code names}: JMH adds up the values of a
         * parameter given twice, so the gated ones are passed once, by the runner.
         */
        Settings without(java.util.Set<String> names) {
            Map<String, List<String>> kept = new java.util.TreeMap<>(params);
            kept.keySet().removeAll(names);
            return new Settings(forks, warmupIterations, measurementIterations, Map.copyOf(kept), interleaved);
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

    private static Settings forks(int forks) {
        return new Settings(Optional.of(forks), Optional.empty(), Optional.empty(), Map.of());
    }

    private static Settings iterations(int measurementIterations) {
        return new Settings(Optional.empty(), Optional.empty(), Optional.of(measurementIterations), Map.of());
    }

    private static Settings run(int forks, int warmups, int measurements, Map<String, List<String>> params) {
        return new Settings(Optional.of(forks), Optional.of(warmups), Optional.of(measurements), params);
    }

    private static Settings params(String param, String... values) {
        return new Settings(Optional.empty(), Optional.empty(), Optional.empty(), Map.of(param, List.of(values)));
    }

    private static Map.Entry<String, Settings> holes(String key, Cache cache) {
        return Map.entry(key, new Settings(Optional.empty(), Optional.empty(), Optional.of(3),
                Map.of("cache", List.of(cache.name()))));
    }

    private static List<String> names(Strategy... strategies) {
        return java.util.Arrays.stream(strategies).map(Enum::name).toList();
    }

    /** ReserveSpaceBenchmark compares the strategies that act once, before any write. */
    private static final List<String> RESERVATIONS = Strategy.RESERVATIONS.stream().map(Enum::name).sorted().toList();
    private static final List<String> FULL_SIZES = List.of("1048576", "67108864", "1073741824");

    /**
     * Durable appends on tmpfs, in both profiles: an fdatasync there reaches no device, so a
     * record costs a few microseconds, all of it code the JIT compiles as it goes, and one
     * warmup iteration (512 records) leaves the first twenty measured ones drifting down
     * (6.1 to 3.0 us a record in the full run of 2026-12-01). Forty warmup iterations (20,480
     * records) get past C2's thresholds; a hundred measured ones cost about a second a point.
     */
    private static final Map.Entry<String, Settings> MEMORY_BACKED_DURABLE = Map.entry("tmpfs:DurableAppendBenchmark",
            new Settings(Optional.of(1), Optional.of(40), Optional.of(100), Map.of(), Optional.of(false)));

    /**
     * The side-by-side appends on tmpfs, in both profiles, for the same reason: forty warmup
     * iterations (every strategy's file filled forty times) before twenty measured ones, a few
     * seconds in all.
     */
    private static final Map.Entry<String, Settings> MEMORY_BACKED_SIDE_BY_SIDE = Map.entry(
            "tmpfs:SideBySideAppendBenchmark", new Settings(Optional.of(1), Optional.of(40), Optional.of(20), Map.of()));

    /** The annotations' forks, run in rounds ({@link Rounds}). */
    private static final Settings IN_ROUNDS = new Settings(Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
            Optional.of(true));

    /**
     * {@code make bench-full}, the publication profile: what the benchmarks' annotations say
     * (30 samples a point: one JVM of 30 measured iterations for most filesystem benchmarks,
     * whose variance is the filesystem's, met afresh by every iteration's new file, and which
     * fit the budget only with a JVM start per point less, docs/benchmarks.md; three JVMs of 10
     * for the headline's durable appends, run in rounds, and for the call-overhead ones, where
     * the JIT's choices differ from JVM to JVM), reserve sizes up to 1 GiB, ReserveSpace's
     * strategies, and the warmup durable appends need on tmpfs.
     */
    public static final Profile FULL = new Profile("full", Settings.ANNOTATIONS, Map.ofEntries(
            Map.entry("DurableAppendBenchmark", IN_ROUNDS),
            Map.entry("ReserveSpaceBenchmark", new Settings(Optional.empty(), Optional.empty(), Optional.empty(),
                    Map.of("size", FULL_SIZES, "strategy", RESERVATIONS))),
            MEMORY_BACKED_DURABLE, MEMORY_BACKED_SIDE_BY_SIDE));

    /**
     * {@code make bench}: one JVM per point and fewer iterations, under 10 minutes on a 2-core
     * machine for everything, spent on the headline question: durable 4 KiB appends with
     * fdatasync after every record, every strategy. Its speed-ups and their significance come
     * from six iterations of every strategy side by side with plain appends
     * (SideBySideAppendBenchmark), which a virtual disk's slow spans of tens of seconds reach
     * alike; twelve samples a point measured one strategy after another did not separate xfs's
     * 1.7× from noise in two of four runs (2026-12-02). The times per record and the p99 come
     * from 8 samples a point, two JVMs of four run in rounds (docs/benchmarks.md has the
     * arithmetic). The other write paths are left to
     * the full profile; the rotating log runs three strategies, long enough for a segment switch
     * of every writer.
     */
    public static final Profile QUICK = new Profile("quick", forks(1), Map.ofEntries(
            // 64 MiB only: the size the recommendation quotes as a segment's up-front cost.
            Map.entry("ReserveSpaceBenchmark", new Settings(Optional.empty(), Optional.empty(), Optional.of(6),
                    Map.of("strategy", RESERVATIONS, "size", List.of("67108864")))),
            Map.entry("DurableAppendBenchmark", new Settings(Optional.of(2), Optional.of(1), Optional.of(4),
                    Map.of("writePath", List.of(WritePath.FDATASYNC_EACH.name())), Optional.of(true))),
            MEMORY_BACKED_DURABLE,
            // The headline's speed-ups and their significance: every strategy beside plain appends, six iterations.
            Map.entry("SideBySideAppendBenchmark", new Settings(Optional.of(1), Optional.of(1), Optional.of(6),
                    Map.of("writePath", List.of(WritePath.FDATASYNC_EACH.name())))),
            MEMORY_BACKED_SIDE_BY_SIDE,
            Map.entry("BufferedAppendBenchmark", new Settings(Optional.empty(), Optional.empty(), Optional.of(8),
                    Map.of("strategy", names(Strategy.NONE, Strategy.FALLOCATE, Strategy.ZERO_FILLED, Strategy.RECYCLED,
                            Strategy.CHUNKED_KEEP_SIZE)))),
            Map.entry("RotatingLogBenchmark.oneWriter", run(1, 1, 4,
                    Map.of("strategy", names(Strategy.NONE, Strategy.ZERO_FILLED, Strategy.RECYCLED)))),
            // Each of four writers appends a quarter per iteration: 17 iterations pass its first switch.
            Map.entry("RotatingLogBenchmark.fourWriters", run(1, 1, 16,
                    Map.of("strategy", names(Strategy.NONE, Strategy.ZERO_FILLED, Strategy.RECYCLED)))),
            // The layouts that differ: no reservation, a whole one, chunks ahead, written zeros.
            Map.entry("FragmentationBenchmark", new Settings(Optional.empty(), Optional.empty(), Optional.of(2),
                    Map.of("strategy", names(Strategy.NONE, Strategy.FALLOCATE, Strategy.CHUNKED_KEEP_SIZE,
                            Strategy.ZERO_FILLED)))),
            // The hole operations against their rivals reading from the device (the full profile adds
            // the warm page cache); on tmpfs, which has no device, warm.
            holes("CollapseRangeBenchmark", Cache.cold), holes("tmpfs:CollapseRangeBenchmark", Cache.warm),
            holes("PunchHoleBenchmark", Cache.cold), holes("tmpfs:PunchHoleBenchmark", Cache.warm),
            holes("InsertRangeBenchmark", Cache.cold), holes("tmpfs:InsertRangeBenchmark", Cache.warm),
            Map.entry("BindingOverheadBenchmark", iterations(5)),
            // A glance at the event's cost (six variants, 4 s each); the full profile measures it.
            Map.entry("EventOverheadBenchmark", new Settings(Optional.of(1), Optional.of(1), Optional.of(2), Map.of()))));

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

    /**
     * The settings of {@code benchmark} on a filesystem of type {@code fsType}: those of
     * {@link #settingsFor(String)}, then that filesystem's for its class, then for it.
     */
    public Settings settingsFor(String benchmark, String fsType) {
        String klass = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return settingsFor(benchmark).with(overrides.getOrDefault(fsType + ":" + klass, Settings.ANNOTATIONS))
                .with(overrides.getOrDefault(fsType + ":" + benchmark, Settings.ANNOTATIONS));
    }
}
