package org.jfallocate.report;

import java.util.List;
import java.util.Optional;

/**
 * What to do on one filesystem for one append workload, as computed from one run's rows by {@link Recommender}:
 * the strategies to use (if any beats plain appends by more than the error), every other candidate, and the
 * strategies that could not run there. Rendered by {@link RecommendationWords} and its writers.
 *
 * @param run the run the numbers are from
 * @param fsType the filesystem
 * @param workload the workload
 * @param outcome what the numbers allow to say
 * @param profile the run's profile ({@code quick}, {@code full}), empty if the run does not say
 * @param baseline plain appends ({@code NONE}), if it ran
 * @param use the strategies to use, fastest first: each significantly faster than NONE and within error of the
 *            fastest; empty unless {@code outcome} is {@link Outcome#USE}
 * @param others every other strategy that ran, fastest first
 * @param unsupported strategies that could not run here, or failed in this run, with the reason
 */
public record Recommendation(Run run, String fsType, Workload workload, Outcome outcome, String profile,
                             Optional<Candidate> baseline, List<Candidate> use, List<Candidate> others,
                             List<Measurement> unsupported) {

    /** What the numbers allow to say. */
    public enum Outcome {
        /** At least one strategy is significantly faster than plain appends. */
        USE,
        /** No strategy is significantly faster than plain appends, at the full profile's samples. */
        PLAIN_APPENDS,
        /** Nothing is significantly different at this profile: more samples may separate them. */
        INCONCLUSIVE,
        /** NONE did not run: there is nothing to compare with. */
        NO_BASELINE
    }

    /**
     * One strategy, with what the recommendation says of it.
     *
     * @param score its score
     * @param vsBaseline it against plain appends; empty for NONE itself or when NONE did not run
     * @param p99 its 99th-percentile latency row, if the run has one (its value may be empty, with a note)
     * @param prepare the time to reserve a segment with it (ReserveSpaceBenchmark.reserve), if measured
     */
    public record Candidate(Measurement score, Optional<Comparison> vsBaseline, Optional<Measurement> p99,
                            Optional<Measurement> prepare) {

        /** @return the strategy's name */
        public String strategy() {
            return score.strategy();
        }
    }
}
