package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jfallocate.FileSystemInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/** One probe per directory, and what a run leaves out there, on a real tmpfs. */
class GapsTest {

    private static Path tmpfsDir() throws Exception {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "needs a writable /dev/shm");
        Path dir = Files.createTempDirectory(shm, "gaps-");
        Assumptions.assumeTrue(FileSystemInfo.of(dir).type().equals("tmpfs"), "/dev/shm is not tmpfs here");
        return dir;
    }

    @Test
    void onTmpfs_theProbeRefusesWhatTmpfsCannotDo_andEveryRefusalBecomesARow() throws Exception {
        Path dir = tmpfsDir();
        try {
            Gaps gaps = Gaps.of(DirectorySupport.probe(dir), new CommandLineOptions("-p", "strategy=NONE,FALLOCATE,ZERO_RANGE"));

            Gaps.Gate strategy = gaps.gates().get("strategy");
            assertEquals(List.of("NONE", "FALLOCATE"), strategy.supported(), "only what was asked for, in that order");
            assertEquals(Set.of("ZERO_RANGE"), strategy.unsupported().keySet());
            assertTrue(strategy.unsupported().get("ZERO_RANGE").startsWith("EOPNOTSUPP: fallocate ZERO_RANGE fails on tmpfs"),
                    strategy.unsupported().toString());
            assertEquals(List.of("warm"), gaps.gates().get("cache").supported(), "a tmpfs file cannot be read cold");
            assertEquals(Set.of("CollapseRangeBenchmark.collapseRange", "InsertRangeBenchmark.insertRange",
                    "FragmentationBenchmark.interleavedAppends"), gaps.methods().keySet());

            Map<String, Set<String>> selected = Map.of(
                    "DurableAppendBenchmark.append", Set.of("dir", "strategy", "syncEvery", "recordBytes"),
                    "CollapseRangeBenchmark.collapseRange", Set.of("dir", "cache"),
                    "CollapseRangeBenchmark.copyTail", Set.of("dir", "cache"));
            assertEquals(Set.of("CollapseRangeBenchmark.collapseRange"), gaps.skipped(selected));

            CsvRow.Context c = new CsvRow.Context("run", "host", "k", "jdk", "cpu", "tmpfs", "tmpfs");
            List<String> rows = gaps.unsupportedRows(c, selected).stream()
                    .map(r -> r.benchmark() + "|" + r.strategy() + "|" + r.params()).sorted().toList();
            assertEquals(List.of("CollapseRangeBenchmark.collapseRange|COLLAPSE_RANGE|",
                    "CollapseRangeBenchmark.collapseRange|COLLAPSE_RANGE|cache=cold",
                    "CollapseRangeBenchmark.copyTail|COPY_TAIL|cache=cold",
                    "DurableAppendBenchmark.append|ZERO_RANGE|"), rows);
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void aParameterWithoutOneSupportedValue_skipsItsBenchmarks() throws Exception {
        Path dir = tmpfsDir();
        try {
            Gaps gaps = Gaps.of(DirectorySupport.probe(dir), new CommandLineOptions("-p", "cache=cold"));
            assertEquals(Set.of("PunchHoleBenchmark.punchHole"),
                    gaps.skipped(Map.of("PunchHoleBenchmark.punchHole", Set.of("dir", "cache"),
                            "ReserveSpaceBenchmark.reserve", Set.of("dir", "strategy", "size"))));
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void aValueTheParameterDoesNotHave_isABadArgument() throws Exception {
        Path dir = tmpfsDir();
        try {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> Gaps.of(DirectorySupport.probe(dir), new CommandLineOptions("-p", "strategy=FALLOCATE,FAST")));
            assertTrue(e.getMessage().startsWith("-p strategy=FAST: no such value; one of [NONE, SPARSE"), e.getMessage());
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void aCheckOfItsOwn_runsOncePerDirectory() throws Exception {
        Path dir = tmpfsDir();
        try {
            DirectorySupport support = DirectorySupport.probe(dir);
            AtomicInteger runs = new AtomicInteger();
            Requirement oDirect = d -> d.once("O_DIRECT", p -> {
                runs.incrementAndGet();
                return Optional.of("EINVAL: no O_DIRECT on tmpfs");
            });
            assertEquals(Optional.of("EINVAL: no O_DIRECT on tmpfs"), oDirect.unmetIn(support));
            assertEquals(Optional.of("EINVAL: no O_DIRECT on tmpfs"), oDirect.unmetIn(support));
            assertEquals(1, runs.get());
            assertEquals(Optional.empty(), Strategy.POSIX_FALLOCATE.requirement().unmetIn(support));
            assertEquals(Optional.empty(), Strategy.ZERO_FILLED.requirement().unmetIn(support));
        } finally {
            Files.deleteIfExists(dir);
        }
    }
}
