package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.jfallocate.FileSystemInfo;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The file name of a latency histogram, as the results contract has it:
 * {@code <Class.method>__<fs_type>__<strategy>__<params>}, e.g.
 * {@code DurableAppendBenchmark.append__xfs__FALLOCATE__sync16_recordBytes=4096}: {@code <params>}
 * is {@code sync<N>} (or {@code nosync}) then {@code _name=value} for every other parameter
 * but {@code dir} and {@code strategy}, in name order, so that no two points share a file.
 */
final class HistogramNames {
    private HistogramNames() {
    }

    /** In a fork: the name of the point JMH is measuring. */
    static String of(BenchmarkParams params) throws IOException {
        Map<String, String> values = new TreeMap<>();
        for (String key : params.getParamsKeys()) {
            values.put(key, params.getParam(key));
        }
        String dir = values.get("dir");
        String fsType = dir == null ? "unknown" : FileSystemInfo.of(Path.of(dir)).type();
        return of(simpleName(params.getBenchmark()), fsType, values);
    }

    /** The name of the point {@code benchmark} ("Class.method") with these parameter values, on {@code fsType}. */
    static String of(String benchmark, String fsType, Map<String, String> params) {
        Map<String, String> rest = new TreeMap<>(params);
        rest.remove("dir");
        String strategy = rest.remove("strategy");
        String syncEvery = rest.remove("syncEvery");
        StringBuilder sb = new StringBuilder(syncEvery == null ? "nosync" : "sync" + syncEvery);
        rest.forEach((k, v) -> sb.append('_').append(k).append('=').append(v));
        return benchmark + "__" + fsType + "__" + (strategy == null ? "" : strategy) + "__" + sb;
    }

    /** "org.jfallocate.bench.DurableAppendBenchmark.append" -> "DurableAppendBenchmark.append". */
    static String simpleName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int klass = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(klass + 1);
    }
}
