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

    /**
     * {@code make bench}: the benchmarks' annotations. Minutes on a 2-core machine: for a
     * first look, not for publication.
     */
    public static final Profile QUICK = new Profile("quick", Settings.ANNOTATIONS, Map.of());

    /**
     * {@code make bench-full}, the publication profile: three JVMs and 10 measured iterations
     * each (30 samples a point), and reserve sizes up to 1 GiB.
     */
    public static final Profile FULL = new Profile("full",
            new Settings(Optional.of(3), Optional.empty(), Optional.of(10), Map.of()),
            Map.of("ReserveSpaceBenchmark", new Settings(Optional.empty(), Optional.empty(), Optional.empty(),
                    Map.of("size", List.of("1048576", "67108864", "1073741824")))));

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
