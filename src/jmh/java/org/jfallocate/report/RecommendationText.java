package org.jfallocate.report;

import java.util.List;

/** The recommendations as plain text, for the terminal at the end of {@code make bench} and {@code make report}. */
public final class RecommendationText {

    private RecommendationText() {
    }

    /**
     * @param recs the recommendations
     * @param labels names the run of each, when several runs are reported together
     * @return a block of text: per filesystem and workload, the answer and its facts indented below it
     */
    public static String of(List<Recommendation> recs, RunLabels labels) {
        StringBuilder sb = new StringBuilder();
        for (Recommendation r : recs) {
            RecommendationWords w = RecommendationWords.of(r);
            sb.append(labels.suffix(w.heading(), r.run())).append(": ").append(w.answer()).append('\n');
            w.facts().forEach(f -> sb.append("    ").append(f).append('\n'));
        }
        return sb.toString();
    }
}
