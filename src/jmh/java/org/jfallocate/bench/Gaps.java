package org.jfallocate.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * What one directory cannot do of what a run asks for: the values of each gated parameter
 * ({@link GatedParams}) whose {@link Requirement} it does not meet, and the benchmark methods
 * whose {@link MethodNeeds} it does not meet. JMH cannot skip a parameter combination
 * itself, so the runner passes it only the supported values and writes an unsupported row,
 * with the reason, for each of the others: nothing is dropped silently.
 *
 * @param gates   per gated parameter, its supported and unsupported values
 * @param methods benchmark "Class.method" to why it cannot run here
 */
record Gaps(Map<String, Gate> gates, Map<String, String> methods) {

    /**
     * One gated parameter in one directory.
     *
     * @param param       the parameter's name, e.g. {@code strategy}
     * @param supported   the values asked for that can run here, in JMH's order
     * @param unsupported the values asked for that cannot, each with why
     */
    record Gate(String param, List<String> supported, Map<String, String> unsupported) {
    }

    /**
     * Checks every value the user asks for ({@code -p name=...}, else all) and every method need
     * against {@code dir}.
     *
     * @throws IllegalArgumentException if the user names a value the parameter does not have
     */
    static Gaps of(DirectorySupport dir, CommandLineOptions user) throws IOException {
        Map<String, Gate> gates = new LinkedHashMap<>();
        for (Map.Entry<String, List<? extends Requirement.Gated>> p : new java.util.TreeMap<>(GatedParams.ALL).entrySet()) {
            String param = p.getKey();
            List<Requirement.Gated> wanted = new ArrayList<>();
            if (user.getParameter(param).hasValue()) {
                for (String v : user.getParameter(param).get()) {
                    wanted.add(p.getValue().stream().filter(g -> g.name().equals(v)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("-p " + param + "=" + v + ": no such value; one of "
                                    + p.getValue().stream().map(Requirement.Gated::name).toList())));
                }
            } else {
                wanted.addAll(p.getValue());
            }
            List<String> supported = new ArrayList<>();
            Map<String, String> unsupported = new LinkedHashMap<>();
            for (Requirement.Gated g : wanted) {
                var why = g.requirement().unmetIn(dir);
                if (why.isPresent()) {
                    unsupported.put(g.name(), why.get());
                } else {
                    supported.add(g.name());
                }
            }
            gates.put(param, new Gate(param, List.copyOf(supported), unsupported));
        }
        Map<String, String> methods = new LinkedHashMap<>();
        for (MethodNeeds m : MethodNeeds.values()) {
            m.requirement().unmetIn(dir).ifPresent(why -> methods.put(m.benchmark(), why));
        }
        return new Gaps(gates, methods);
    }

    /**
     * The benchmarks of {@code selected} (name to its parameter names) that cannot run here at
     * all: a method need unmet, or a gated parameter without one supported value.
     */
    Set<String> skipped(Map<String, Set<String>> selected) {
        Set<String> skipped = new TreeSet<>();
        selected.forEach((name, params) -> {
            boolean noValue = gates.values().stream().anyMatch(g -> params.contains(g.param()) && g.supported().isEmpty());
            if (noValue || methods.containsKey(name)) {
                skipped.add(name);
            }
        });
        return skipped;
    }

    /** Whether a benchmark ("Class.method") is asked to run with this value of a gated parameter. */
    @FunctionalInterface
    interface Asked {
        boolean test(String benchmark, String param, String value);
    }

    /** The unsupported rows of {@code selected}: each refused value of each of its gated parameters, each unmet method. */
    List<CsvRow> unsupportedRows(CsvRow.Context context, Map<String, Set<String>> selected) {
        return unsupportedRows(context, selected, (benchmark, param, value) -> true);
    }

    /**
     * The unsupported rows of {@code selected}: each refused value of each of its gated
     * parameters that it is {@code asked} to run with, each unmet method.
     */
    List<CsvRow> unsupportedRows(CsvRow.Context context, Map<String, Set<String>> selected, Asked asked) {
        List<CsvRow> rows = new ArrayList<>();
        selected.forEach((name, params) -> {
            // As the measured rows name it: the strategy, or for a benchmark without one its method.
            String variant = params.contains("strategy") ? "" : JmhJsonConverter.variantOf(name);
            for (Gate g : gates.values()) {
                if (params.contains(g.param())) {
                    boolean isStrategy = g.param().equals("strategy");
                    g.unsupported().forEach((value, why) -> {
                        if (asked.test(name, g.param(), value)) {
                            rows.add(CsvRow.unsupported(context, new CsvRow.Point(name, isStrategy ? value : variant, "", "", "",
                                    isStrategy ? "" : g.param() + "=" + value, "", ""), why));
                        }
                    });
                }
            }
            if (methods.containsKey(name)) {
                rows.add(CsvRow.unsupported(context, CsvRow.Point.of(name, variant), methods.get(name)));
            }
        });
        return rows;
    }

    /** One line for the console: what is left out here. */
    String summary() {
        StringBuilder sb = new StringBuilder();
        gates.values().forEach(g -> sb.append("unsupported ").append(g.param()).append(' ').append(g.unsupported().keySet()).append(", "));
        return sb.append("unsupported methods ").append(methods.keySet()).toString();
    }

    /** The supported values of every gated parameter that has some, for JMH's {@code -p}. */
    Collection<Gate> withValues() {
        return gates.values().stream().filter(g -> !g.supported().isEmpty()).toList();
    }
}
