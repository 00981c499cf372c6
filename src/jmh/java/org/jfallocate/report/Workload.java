package org.jfallocate.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * What strategies compete on: one benchmark with one set of parameters. The kind (durable append, reserve,
 * ...) decides which chart a workload goes into.
 *
 * @param benchmark JMH class simple name and method
 * @param sizeBytes file or range size, if any
 * @param recordBytes record size, if any
 * @param syncEvery records per fsync, if any
 * @param params the other parameters, {@code name=value;...} as results.csv has them, empty if none
 */
public record Workload(String benchmark, OptionalLong sizeBytes, OptionalLong recordBytes, OptionalLong syncEvery,
                       String params) implements Comparable<Workload> {

    /** What a workload measures, told from its benchmark name and parameters. */
    public enum Kind {
        /** Appends with fsync every {@code sync_every} records. */
        DURABLE_APPEND("durable append"),
        /** Appends without fsync. */
        BUFFERED_APPEND("buffered append"),
        /** Reserving {@code size_bytes} of space in one call. */
        RESERVE("reserve space"),
        /** Appends into several files at once, and the fragmentation they leave. */
        FRAGMENTATION("interleaved appends"),
        /** Punching, collapsing, inserting ranges. */
        HOLE_OPS("hole operations"),
        /** The same call through jfallocate, JNA and C. */
        BINDING_OVERHEAD("binding overhead"),
        /** Anything else. */
        OTHER("other");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** @return a short human name */
        public String label() {
            return label;
        }
    }

    private static final Comparator<Workload> ORDER = Comparator.comparing(Workload::kind)
            .thenComparing(Workload::benchmark)
            .thenComparingLong(w -> w.recordBytes.orElse(-1))
            .thenComparingLong(w -> w.syncEvery.orElse(-1))
            .thenComparingLong(w -> w.sizeBytes.orElse(-1))
            .thenComparing(Workload::params);

    /** @return the kind, from the benchmark's name first and its parameters second */
    public Kind kind() {
        String name = benchmark.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("overhead") || name.contains("binding")) {
            return Kind.BINDING_OVERHEAD;
        }
        if (name.contains("hole") || name.contains("collapse") || name.contains("punch") || name.contains("insert")) {
            return Kind.HOLE_OPS;
        }
        if (name.contains("fragment")) {
            return Kind.FRAGMENTATION;
        }
        if (name.contains("append") || recordBytes.isPresent()) {
            boolean durable = name.contains("durable") || (syncEvery.isPresent() && syncEvery.getAsLong() > 0);
            return durable ? Kind.DURABLE_APPEND : Kind.BUFFERED_APPEND;
        }
        if (name.contains("reserve") || name.contains("allocat") || sizeBytes.isPresent()) {
            return Kind.RESERVE;
        }
        return Kind.OTHER;
    }

    /** @return the benchmark and its parameters, e.g. {@code DurableAppendBenchmark.append, 4 KiB records, sync every 16} */
    public String label() {
        List<String> parts = new ArrayList<>();
        parts.add(benchmark);
        recordBytes.ifPresent(r -> parts.add(Numbers.bytes(r) + " records"));
        syncEvery.ifPresent(s -> parts.add(s == 0 ? "no sync" : "sync every " + s));
        sizeBytes.ifPresent(s -> parts.add(Numbers.bytes(s)));
        if (!params.isEmpty()) {
            parts.add(params.replace(";", ", "));
        }
        return String.join(", ", parts);
    }

    @Override
    public int compareTo(Workload other) {
        return ORDER.compare(this, other);
    }
}
