package org.jfallocate.report;

import java.util.List;

/** The recommendations as Markdown: a list per filesystem, the answer in bold, the facts nested below. */
public final class RecommendationMarkdown {

    private RecommendationMarkdown() {
    }

    /**
     * @param recs the recommendations
     * @param labels names the run of each, when several runs are reported together
     * @return Markdown, starting with a level-2 heading
     */
    public static String of(List<Recommendation> recs, RunLabels labels) {
        StringBuilder sb = new StringBuilder("## Recommendation\n\n").append(RecommendationHtml.READING).append("\n\n");
        if (recs.isEmpty()) {
            return sb.append("No append workload in this run: nothing to recommend.\n\n").toString();
        }
        for (Recommendation r : recs) {
            RecommendationWords w = RecommendationWords.of(r);
            sb.append("- **").append(md(labels.suffix(w.heading(), r.run()))).append(":** ").append(md(w.answer())).append('\n');
            w.facts().forEach(f -> sb.append("  - ").append(md(f)).append('\n'));
        }
        return sb.append('\n').toString();
    }

    private static String md(String s) {
        // GitHub leaves intra-word underscores (ZERO_FILLED) alone; a star or a pipe would start markup.
        return s.replace("*", "\\*").replace("|", "\\|");
    }
}
