package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** The budgets: per-benchmark settings, the user's options over them, and annotations that say the full profile. */
class ProfileTest {

    @Test
    void aMethodsSettings_winOverItsClasss_whichWinOverTheDefaults() {
        Profile.Settings defaults = new Profile.Settings(Optional.of(1), Optional.of(1), Optional.of(5), Map.of("size", List.of("1")));
        Profile p = new Profile("test", defaults, Map.of(
                "A", new Profile.Settings(Optional.empty(), Optional.empty(), Optional.of(7), Map.of()),
                "A.m", new Profile.Settings(Optional.of(2), Optional.empty(), Optional.empty(), Map.of("size", List.of("2")))));
        assertEquals(new Profile.Settings(Optional.of(2), Optional.of(1), Optional.of(7), Map.of("size", List.of("2"))),
                p.settingsFor("A.m"));
        assertEquals(new Profile.Settings(Optional.of(1), Optional.of(1), Optional.of(7), Map.of("size", List.of("1"))),
                p.settingsFor("A.other"));
        assertEquals(defaults, p.settingsFor("B.m"));
    }

    @Test
    void theUsersOptions_winOverTheProfile() throws Exception {
        Profile.Settings s = Profile.QUICK.settingsFor("DurableAppendBenchmark.append");
        Options quick = build(s, new CommandLineOptions());
        assertEquals(8, quick.getForkCount().get() * quick.getMeasurementIterations().get(), "the headline's 8 samples");

        CommandLineOptions user = new CommandLineOptions("-f", "2", "-i", "1");
        Options mine = build(s, user);
        assertEquals(2, mine.getForkCount().get());
        assertEquals(1, mine.getMeasurementIterations().get());

        Options full = build(Profile.FULL.settingsFor("ReserveSpaceBenchmark.reserve"), new CommandLineOptions("-p", "size=4096"));
        assertEquals(List.of("4096"), List.copyOf(full.getParameter("size").get()));
        Options fullSizes = build(Profile.FULL.settingsFor("ReserveSpaceBenchmark.reserve"), new CommandLineOptions());
        assertEquals(List.of("1048576", "67108864", "1073741824"), List.copyOf(fullSizes.getParameter("size").get()));
    }

    /**
     * What the annotations say is what the publication profile runs: FULL changes no fork or
     * iteration count (but on tmpfs, {@link #aFilesystemsSettings_winOnThatFilesystemOnly}), and
     * every class gives 30 samples a point; one JVM of 30 for most filesystem benchmarks (the
     * budget), three of 10 for the headline, run in rounds, and where the JIT varies between JVMs.
     */
    @Test
    void theAnnotations_sayWhatTheFullProfileRuns() {
        for (Class<?> c : List.of(ReserveSpaceBenchmark.class, DurableAppendBenchmark.class, BufferedAppendBenchmark.class,
                RotatingLogBenchmark.class, FragmentationBenchmark.class, CollapseRangeBenchmark.class, PunchHoleBenchmark.class,
                InsertRangeBenchmark.class, BindingOverheadBenchmark.class, EventOverheadBenchmark.class)) {
            Profile.Settings full = Profile.FULL.settingsFor(c.getSimpleName() + ".any");
            boolean threeJvms = c == BindingOverheadBenchmark.class || c == EventOverheadBenchmark.class
                    || c == DurableAppendBenchmark.class;
            assertEquals(threeJvms ? 3 : 1, c.getAnnotation(Fork.class).value(), c.getSimpleName());
            assertEquals(threeJvms ? 10 : 30, c.getAnnotation(Measurement.class).iterations(), c.getSimpleName());
            assertEquals(Optional.empty(), full.forks(), c.getSimpleName());
            assertEquals(Optional.empty(), full.measurementIterations(), c.getSimpleName());
        }
    }

    /** A filesystem's settings win over the benchmark's everywhere else; other filesystems keep those. */
    @Test
    void aFilesystemsSettings_winOnThatFilesystemOnly() {
        Profile.Settings tmpfs = Profile.QUICK.settingsFor("DurableAppendBenchmark.append", "tmpfs");
        assertEquals(Optional.of(40), tmpfs.warmupIterations());
        assertEquals(Optional.of(100), tmpfs.measurementIterations());
        assertEquals(Optional.of(1), tmpfs.forks());
        assertEquals(List.of("FDATASYNC_EACH"), tmpfs.params().get("writePath"), "the quick profile's write path stays");
        assertEquals(Profile.QUICK.settingsFor("DurableAppendBenchmark.append"),
                Profile.QUICK.settingsFor("DurableAppendBenchmark.append", "ext4"));
        assertEquals(Optional.of(100), Profile.FULL.settingsFor("DurableAppendBenchmark.append", "tmpfs").measurementIterations(),
                "both profiles measure tmpfs alike");
        assertEquals(Optional.empty(), Profile.FULL.settingsFor("DurableAppendBenchmark.append", "xfs").measurementIterations());
    }

    /**
     * The headline's durable appends run their three forks in rounds where a disk's speed wanders, in both
     * profiles; on tmpfs, with nothing to wander and the JIT to warm, in one fork; every other group as JMH runs forks.
     */
    @Test
    void theHeadline_runsItsForksInRounds_butNotOnTmpfs() throws Exception {
        CommandLineOptions none = new CommandLineOptions();
        Profile.Settings ext2 = Profile.QUICK.settingsFor("DurableAppendBenchmark.append", "ext2");
        assertEquals(2, ext2.rounds(none, 1));
        assertEquals(Optional.of(4), ext2.measurementIterations());
        assertEquals(3, ext2.rounds(new CommandLineOptions("-f", "3"), 1), "-f sets how many rounds");
        assertEquals(1, Profile.QUICK.settingsFor("DurableAppendBenchmark.append", "tmpfs").rounds(none, 1));
        assertEquals(1, Profile.QUICK.settingsFor("BufferedAppendBenchmark.append", "ext2").rounds(none, 1));
        int annotated = BenchRunner.annotatedForks(List.of("DurableAppendBenchmark.append"));
        assertEquals(3, annotated);
        assertEquals(3, Profile.FULL.settingsFor("DurableAppendBenchmark.append", "ext2").rounds(none, annotated),
                "the annotation's three forks, in rounds");
        assertEquals(1, Profile.FULL.settingsFor("DurableAppendBenchmark.append", "tmpfs").rounds(none, annotated));
        assertEquals(1, Profile.FULL.settingsFor("RotatingLogBenchmark.oneWriter", "ext2").rounds(none, 3));
        assertEquals(1, Profile.QUICK.settingsFor("DurableAppendBenchmark.append", "ext2")
                .with(new Profile.Settings(Optional.of(5), Optional.empty(), Optional.empty(), Map.of(), Optional.of(false)))
                .rounds(none, 1), "an override can turn the rounds off");
    }

    /**
     * The headline's speed-ups: every strategy beside plain appends in one JVM, six iterations in the quick profile,
     * fdatasync after every record; on tmpfs forty warmup iterations first; the annotations' fifteen, every write
     * path, in the full one.
     */
    @Test
    void theSideBySideAppends_runOneJvmOfSixIterationsQuick_andTheAnnotationsFull() throws Exception {
        Profile.Settings quick = Profile.QUICK.settingsFor("SideBySideAppendBenchmark.append", "xfs");
        assertEquals(Optional.of(1), quick.forks());
        assertEquals(Optional.of(6), quick.measurementIterations());
        assertEquals(Map.of("writePath", List.of("FDATASYNC_EACH")), quick.params());
        assertEquals(1, quick.rounds(new CommandLineOptions(), 1));
        Profile.Settings tmpfs = Profile.QUICK.settingsFor("SideBySideAppendBenchmark.append", "tmpfs");
        assertEquals(Optional.of(40), tmpfs.warmupIterations());
        assertEquals(Map.of("writePath", List.of("FDATASYNC_EACH")), tmpfs.params(), "tmpfs keeps the quick write path");
        Profile.Settings full = Profile.FULL.settingsFor("SideBySideAppendBenchmark.append", "xfs");
        assertEquals(Profile.Settings.ANNOTATIONS, full);
        assertEquals(Optional.of(20), Profile.FULL.settingsFor("SideBySideAppendBenchmark.append", "tmpfs")
                .measurementIterations());
    }

    /** The quick profile measures hole operations against rivals reading from the device, and warm where there is none. */
    @Test
    void theQuickHoleOperations_areCold_butWarmOnTmpfs_andTheFullProfileHasBoth() {
        for (String b : List.of("PunchHoleBenchmark.punchHole", "CollapseRangeBenchmark.collapseRange", "InsertRangeBenchmark.insertRange")) {
            assertEquals(List.of("cold"), Profile.QUICK.settingsFor(b, "ext4").params().get("cache"), b);
            assertEquals(List.of("warm"), Profile.QUICK.settingsFor(b, "tmpfs").params().get("cache"), b);
            assertEquals(Optional.of(3), Profile.QUICK.settingsFor(b, "tmpfs").measurementIterations(), b);
            assertEquals(null, Profile.FULL.settingsFor(b, "ext4").params().get("cache"), b);
        }
    }

    private static Options build(Profile.Settings s, CommandLineOptions user) {
        var b = new OptionsBuilder().parent(user);
        s.applyTo(b, user);
        return b.build();
    }
}
