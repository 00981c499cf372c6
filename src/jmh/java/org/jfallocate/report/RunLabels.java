package org.jfallocate.report;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names runs in chart legends and tables: nothing for a single run, the host when each host ran once, and host
 * plus date when a host ran more than once.
 */
public final class RunLabels {

    private final Map<Run, String> labels = new IdentityHashMap<>();

    /** @param runs the runs of one report */
    public RunLabels(List<Run> runs) {
        Map<String, Integer> perHost = new HashMap<>();
        runs.forEach(r -> perHost.merge(r.host(), 1, Integer::sum));
        for (Run r : runs) {
            labels.put(r, runs.size() == 1 ? "" : perHost.get(r.host()) == 1 ? r.host() : r.host() + " " + r.date());
        }
    }

    /** @return the run's label, empty when the report has one run */
    public String of(Run run) {
        return labels.get(run);
    }

    /** @return {@code base} followed by the run's label in brackets, or {@code base} alone for a single run */
    public String suffix(String base, Run run) {
        String l = of(run);
        return l.isEmpty() ? base : base + " [" + l + "]";
    }
}
