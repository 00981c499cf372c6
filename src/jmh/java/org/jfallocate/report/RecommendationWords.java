package org.jfallocate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The words of a {@link Recommendation}, in one place for the terminal, the Markdown and the HTML writers:
 * a heading (filesystem and workload), the answer in one sentence, and the facts behind it.
 *
 * @param heading e.g. {@code ext4, durable 4 KiB appends, fdatasync every record}
 * @param answer e.g. {@code zero-fill segments (ZERO_FILLED): 2.09 ± 0.24× faster than plain appends (significant)}
 * @param facts p99 latency, up-front cost, the other candidates, the strategies that could not run
 */
public record RecommendationWords(String heading, String answer, List<String> facts) {

    /** What each strategy does, in the words a storage engineer uses. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("NONE", "plain appends"),
            Map.entry("SPARSE", "set the segment's length first"),
            Map.entry("FALLOCATE", "fallocate segments"),
            Map.entry("FALLOCATE_KEEP_SIZE", "fallocate KEEP_SIZE"),
            Map.entry("POSIX_FALLOCATE", "posix_fallocate segments"),
            Map.entry("ZERO_RANGE", "fallocate ZERO_RANGE"),
            Map.entry("WRITE_ZEROES", "fallocate WRITE_ZEROES"),
            Map.entry("ZERO_FILLED", "zero-fill segments"),
            Map.entry("RECYCLED", "recycle segments"),
            Map.entry("CHUNKED_KEEP_SIZE", "fallocate KEEP_SIZE ahead in chunks"),
            Map.entry("POSIX_THEN_ZEROS", "posix_fallocate, then write zeros"));

    /** What a run of another profile should do to separate strategies that are within error. */
    static final String MORE_SAMPLES = "run `make bench-full`";

    /**
     * @param r a recommendation
     * @return its words
     */
    public static RecommendationWords of(Recommendation r) {
        String heading = r.fsType() + ", " + workload(r.workload());
        List<String> facts = new ArrayList<>();
        String answer = switch (r.outcome()) {
            case USE -> {
                if (r.use().size() == 1) {
                    yield action(r.use().get(0).strategy()) + ": " + speedUp(r.use().get(0));
                }
                List<String> names = r.use().stream().map(Recommendation.Candidate::strategy).toList();
                List<String> ratios = r.use().stream().map(c -> ratio(c.vsBaseline().orElseThrow())).toList();
                yield list(names, "or") + " (within error of each other): " + list(ratios, "and")
                        + " faster than plain appends (significant)";
            }
            case PLAIN_APPENDS -> plainAppends(r);
            case INCONCLUSIVE -> "inconclusive at this profile" + (r.profile().isEmpty() ? "" : " (" + r.profile() + ")")
                    + ": no strategy is significantly faster than plain appends; " + MORE_SAMPLES;
            case NO_BASELINE -> "no recommendation: plain appends (NONE) did not run, so nothing to compare with";
        };
        if (r.outcome() == Recommendation.Outcome.USE) {
            Recommendation.Candidate first = r.use().get(0);
            latency(first, r.baseline()).ifPresent(facts::add);
            if (r.use().size() == 1) {
                facts.add("Up front: " + upFront(first));
            } else {
                // Within error of each other, they differ in what they cost before the first write.
                r.use().forEach(c -> facts.add("Up front (" + c.strategy() + "): " + upFront(c)));
            }
        }
        sideBySide(r).ifPresent(facts::add);
        if (!r.others().isEmpty()) {
            facts.add((r.outcome() == Recommendation.Outcome.USE ? "Others: " : "Measured: ") + others(r.others()));
        }
        TreeSet<String> cannot = new TreeSet<>();
        TreeSet<String> failed = new TreeSet<>();
        for (Measurement m : r.unsupported()) {
            if (Measurement.FAILED.equals(m.metric())) {
                failed.add(m.strategy());
            } else {
                cannot.add(m.strategy() + (m.note().isEmpty() ? "" : " (" + SummaryTables.errnoOf(m.note()) + ")"));
            }
        }
        if (!failed.isEmpty()) {
            facts.add("Failed in this run, so not compared (see the run's jmh.log): " + String.join(", ", failed));
        }
        if (!cannot.isEmpty()) {
            facts.add("Cannot run here: " + String.join(", ", cannot));
        }
        return new RecommendationWords(heading, answer, List.copyOf(facts));
    }

    /** Why plain appends: nothing else ran, no win is worth a change, or nothing is significantly faster. */
    private static String plainAppends(Recommendation r) {
        if (r.others().isEmpty()) {
            return "plain appends: no other strategy ran";
        }
        String tenPercent = Math.round((Recommender.WORTHWHILE - 1) * 100) + "%";
        Optional<Recommendation.Candidate> small = r.others().stream()
                .filter(c -> c.vsBaseline().map(Comparison::significantlyFaster).orElse(false))
                .max(java.util.Comparator.comparingDouble(c -> c.vsBaseline().orElseThrow().ratio()));
        if (small.isPresent()) {
            return "plain appends: no strategy is " + tenPercent + " faster or more (the largest significant win: "
                    + small.get().strategy() + ", " + ratio(small.get().vsBaseline().orElseThrow()) + ")";
        }
        return "plain appends: no strategy is significantly faster"
                + (r.profile().equals(Recommender.FULL_PROFILE) ? "" : ", and none can be " + tenPercent + " faster");
    }

    /** How each write path makes appends durable. */
    private static final Map<String, String> WRITE_PATHS = Map.of(
            "FDATASYNC_EACH", "fdatasync every record",
            "FDATASYNC_16", "fdatasync every 16 records",
            "DSYNC", "O_DSYNC writes",
            "DIRECT_DSYNC", "O_DIRECT|O_DSYNC writes");

    /**
     * @param path a {@code writePath} value
     * @return how it makes appends durable, e.g. {@code O_DSYNC writes}
     */
    static String writePath(String path) {
        return WRITE_PATHS.getOrDefault(path, "writePath=" + path);
    }

    /** The rotating-log benchmark's methods, in words. */
    private static final Map<String, String> ROTATING_WRITERS = Map.of(
            "RotatingLogBenchmark.oneWriter", "1 writer",
            "RotatingLogBenchmark.fourWriters", "4 concurrent writers");

    /** @return e.g. {@code durable 4 KiB appends, fdatasync every 16 records} */
    static String workload(Workload w) {
        String record = w.recordBytes().isPresent() ? Numbers.bytes(w.recordBytes().getAsLong()) + " " : "";
        String name = w.kind() == Workload.Kind.DURABLE_APPEND ? "durable " + record + "appends"
                : w.kind() == Workload.Kind.BUFFERED_APPEND ? "buffered " + record + "appends (no fsync)" : w.label();
        Optional<String> path = w.writePath();
        if (path.isPresent()) {
            name += ", " + writePath(path.get());
        } else if (w.kind() == Workload.Kind.DURABLE_APPEND && w.syncEvery().isPresent()) {
            long s = w.syncEvery().getAsLong();
            name += s == 1 ? ", fdatasync every record" : ", fdatasync every " + s + " records";
        }
        for (String kv : w.params().isEmpty() ? new String[0] : w.params().split(";")) {
            int eq = kv.indexOf('=');
            String key = eq > 0 ? kv.substring(0, eq) : kv;
            String value = eq > 0 ? kv.substring(eq + 1) : "";
            // The write path is named above; chunkBytes is CHUNKED_KEEP_SIZE's own step, not the workload's.
            if (key.equals("writePath") || key.equals("chunkBytes")) {
                continue;
            }
            // Sizes read as sizes: chunkBytes=1048576 is "chunk 1 MiB".
            name += key.endsWith("Bytes") && value.matches("\\d+")
                    ? ", " + key.substring(0, key.length() - 5) + " " + Numbers.bytes(Long.parseLong(value))
                    : ", " + kv;
        }
        String bench = w.benchmark();
        String writers = ROTATING_WRITERS.get(bench);
        if (writers != null) {
            name += " (rotating log, " + writers + ", next segment prepared in the background)";
        } else if (!bench.startsWith("DurableAppendBenchmark") && !bench.startsWith("BufferedAppendBenchmark")
                && !Recommender.SIDE_BY_SIDE.containsValue(bench)) {
            name += " (" + bench + ")";
        }
        return name;
    }

    /** @return e.g. {@code zero-fill segments (ZERO_FILLED)} */
    static String action(String strategy) {
        String a = ACTIONS.get(strategy);
        return a == null ? strategy : a + " (" + strategy + ")";
    }

    /** @return e.g. {@code 2.09 ± 0.24× faster than plain appends (significant)} */
    static String speedUp(Recommendation.Candidate c) {
        Comparison vs = c.vsBaseline().orElseThrow();
        String ratio = vs.ratioError() > 0 ? Numbers.ratioWithError(vs.ratio(), vs.ratioError()) : Numbers.ratio(vs.ratio());
        return ratio + " faster than plain appends (" + vs.verdict().label() + ")";
    }

    /** @return e.g. {@code ZERO_RANGE 1.28 ± 0.12× (significant), FALLOCATE 1.23 ± 0.10× slower (significant)} */
    static String others(List<Recommendation.Candidate> cs) {
        List<String> parts = new ArrayList<>();
        for (Recommendation.Candidate c : cs) {
            parts.add(c.vsBaseline().map(vs -> c.strategy() + " " + ratio(vs) + " (" + vs.verdict().label() + ")")
                    .orElse(c.strategy() + " " + time(c.score())));
        }
        return String.join(", ", parts);
    }

    /** @return {@code a, b or c} */
    private static String list(List<String> items, String last) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " " + last + " " + items.getLast();
    }

    /** A speed-up as {@code 1.28 ± 0.12×}, a slow-down as {@code 1.23 ± 0.10× slower}. */
    static String ratio(Comparison vs) {
        boolean slower = vs.ratio() < 1;
        double r = slower ? 1 / vs.ratio() : vs.ratio();
        double e = slower ? vs.ratioError() / (vs.ratio() * vs.ratio()) : vs.ratioError();
        return (e > 0 ? Numbers.ratioWithError(r, e) : Numbers.ratio(r)) + (slower ? " slower" : "");
    }

    /** Where the speed-ups come from when they were measured side by side with plain appends. */
    static Optional<String> sideBySide(Recommendation r) {
        return java.util.stream.Stream.concat(r.use().stream(), r.others().stream())
                .flatMap(c -> c.vsBaseline().flatMap(Comparison::sideBySide).stream())
                .findFirst()
                .map(s -> "Speed-ups measured side by side with plain appends, record by record in turn, over "
                        + s.samples().orElse(0) + " iterations (" + s.benchmark() + "); times per record and p99 from "
                        + r.baseline().map(b -> b.score().benchmark()).orElse("the scores"));
    }

    /** The p99 latency against plain appends', when both are there, or why it is missing. */
    static Optional<String> latency(Recommendation.Candidate c, Optional<Recommendation.Candidate> baseline) {
        if (c.p99().isEmpty()) {
            return Optional.empty();
        }
        Measurement p = c.p99().get();
        if (p.value().isEmpty()) {
            return Optional.of("p99 latency: not given" + (p.note().isEmpty() ? "" : " (" + p.note() + ")"));
        }
        String mine = time(p);
        Optional<Measurement> theirs = baseline.flatMap(Recommendation.Candidate::p99).filter(m -> m.value().isPresent());
        if (theirs.isEmpty()) {
            return Optional.of("p99 latency " + mine);
        }
        Comparison vs = Comparison.of(p, theirs.get());
        String change = vs.ratio() >= 1 ? Numbers.ratio(vs.ratio()) + " lower" : Numbers.ratio(1 / vs.ratio()) + " higher";
        return Optional.of("p99 latency " + mine + " against " + time(theirs.get()) + " for plain appends: " + change
                + " (" + vs.verdict().label() + ")");
    }

    /** What the strategy costs before the first write: time to prepare a segment, and space. */
    static String upFront(Recommendation.Candidate c) {
        String s = c.strategy();
        if (Summary.NOT_RESERVING.contains(s)) {
            return "nothing; blocks are allocated as records are written";
        }
        String space = switch (s) {
            case "RECYCLED" -> "reuses a finished segment's blocks (keep one spare segment per log)";
            case "CHUNKED_KEEP_SIZE" -> "allocates one chunk ahead of the write position";
            default -> "allocates the whole segment before the first write";
        };
        String time = c.prepare().map(m -> time(m) + preparedBy(m, c)).orElse("preparation time not measured");
        return time + "; " + space;
    }

    /** Where a preparation time was measured: the workload's own background thread, the rotating log's, or a reservation. */
    private static String preparedBy(Measurement m, Recommendation.Candidate c) {
        if (!m.metric().equals(Recommender.PREPARE_METRIC)) {
            return " to prepare a " + Numbers.bytes(m.sizeBytes().getAsLong()) + " segment (" + Recommender.PREPARE_BENCHMARK + ")";
        }
        if (m.benchmark().equals(c.score().benchmark())) {
            return " to prepare each segment, on the background thread";
        }
        String segment = m.workload().param("segmentBytes").map(b -> Numbers.bytes(Long.parseLong(b)) + " ").orElse("");
        return " to prepare a " + segment + "segment on the rotating log's background thread (" + m.benchmark() + ")";
    }

    private static String time(Measurement m) {
        return Numbers.measured(m.value().orElseThrow(), m.error(), m.unit().replace("/op", ""));
    }
}
