package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Path;

import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The file name of a latency histogram, as the results contract has it:
 * {@code <Class.method>__<fs_type>__<strategy>__<params>}, e.g.
 * {@code DurableAppendBenchmark.append__xfs__FALLOCATE__sync16}.
 */
final class HistogramNames {
    private HistogramNames() {
    }

    static String of(BenchmarkParams params) throws IOException {
        String fsType = params.getParam("dir") == null ? "unknown" : MountInfo.of(Path.of(params.getParam("dir"))).type();
        String strategy = params.getParam("strategy") == null ? "" : params.getParam("strategy");
        String syncEvery = params.getParam("syncEvery");
        String rest = syncEvery == null ? "nosync" : "sync" + syncEvery;
        return simpleName(params.getBenchmark()) + "__" + fsType + "__" + strategy + "__" + rest;
    }

    /** "org.jfallocate.bench.DurableAppendBenchmark.append" -> "DurableAppendBenchmark.append". */
    static String simpleName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int klass = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(klass + 1);
    }
}
