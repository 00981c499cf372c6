package org.jfallocate.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The recommendations as HTML: a section per filesystem, one item per workload, the answer first. */
public final class RecommendationHtml {

    /** How to read a recommendation: the one definition of "significant" the page uses. */
    static final String READING = "Per filesystem and append workload: the strategy to use, how many times faster "
            + "than plain appends (NONE) it is, ± the error carried over from both scores, and whether the difference "
            + "is significant: the two scores' 99.9% confidence intervals (score ± JMH's error) do not overlap. "
            + "Where the run also timed the strategies side by side with plain appends, record by record in turn, the "
            + "speed-up and its verdict are those: the mean of the iterations' ratios ± its 99.9% confidence "
            + "half-width, significant where that interval does not hold 1. "
            + "Strategies within error of the fastest are named with it. Where no strategy is significantly faster, "
            + "a full-profile run says \"plain appends\" and a quick one \"inconclusive\".";

    /** What the collapsed facts hold. */
    private static String summaryOf(Recommendation r) {
        return r.outcome() == Recommendation.Outcome.USE ? "p99 latency, up-front cost, the other strategies"
                : "the strategies measured";
    }

    /** Commands in backquotes, {@code `make bench-full`}, as code. */
    private static String code(String escaped) {
        return escaped.replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    private RecommendationHtml() {
    }

    /**
     * @param recs the recommendations
     * @param labels names the run of each, when several runs are reported together
     * @return an HTML {@code <section id="recommendation">}, text escaped
     */
    public static String of(List<Recommendation> recs, RunLabels labels) {
        StringBuilder sb = new StringBuilder("<section id=\"recommendation\" class=\"recommendation\">\n<h2>Recommendation</h2>\n");
        if (recs.isEmpty()) {
            return sb.append("<p>No append workload in this run: nothing to recommend.</p>\n</section>\n").toString();
        }
        Map<String, StringBuilder> byFs = new LinkedHashMap<>();
        for (Recommendation r : recs) {
            RecommendationWords w = RecommendationWords.of(r);
            String workload = labels.suffix(w.heading().substring(r.fsType().length() + 2), r.run());
            StringBuilder li = byFs.computeIfAbsent(r.fsType(), k -> new StringBuilder());
            li.append("<li class=\"").append(r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .append("\"><strong>").append(Html.escape(workload)).append(":</strong> ")
                    .append(code(Html.text(w.answer())));
            if (!w.facts().isEmpty()) {
                // The answer reads at a glance; what it rests on (p99, up-front cost, the others) is a click away.
                li.append("<details><summary>").append(Html.escape(summaryOf(r))).append("</summary><ul>");
                w.facts().forEach(f -> li.append("<li>").append(Html.text(f)).append("</li>"));
                li.append("</ul></details>");
            }
            li.append("</li>\n");
        }
        byFs.forEach((fs, items) -> sb.append("<h3>").append(Html.escape(fs)).append("</h3>\n<ul>\n").append(items).append("</ul>\n"));
        sb.append("<p class=\"reading\">").append(Html.escape(READING)).append("</p>\n");
        return sb.append("</section>\n").toString();
    }
}
