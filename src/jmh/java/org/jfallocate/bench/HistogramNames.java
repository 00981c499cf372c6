package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Path;

import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The file name of a latency histogram, as the results contract has it:
 * {@code <Class.method>__<fs_type>__<strategy>__<params>}, e.g.
 * {@code DurableAppendBenchmark.append__xfs__FALLOCATE__sync16} (write paths: sync1, sync16,
 * dsync, direct-dsync; nosync for buffered appends; "-threads4" for several writers).
 */
final class HistogramNames {
    private HistogramNames() {
    }

    static String of(BenchmarkParams params) throws IOException {
        String fsType = params.getParam("dir") == null ? "unknown" : MountInfo.of(Path.of(params.getParam("dir"))).type();
        String strategy = params.getParam("strategy") == null ? "" : params.getParam("strategy");
        String writePath = params.getParam("writePath");
        String syncEvery = params.getParam("syncEvery");
        String rest = writePath == null ? (syncEvery == null ? "nosync" : "sync" + syncEvery) : switch (WritePath.valueOf(writePath)) {
            case FDATASYNC_EACH -> "sync1";
            case FDATASYNC_16 -> "sync16";
            case DSYNC -> "dsync";
            case DIRECT_DSYNC -> "direct-dsync";
        };
        if (params.getThreads() > 1) {
            rest += "-threads" + params.getThreads();
        }
        return simpleName(params.getBenchmark()) + "__" + fsType + "__" + strategy + "__" + rest;
    }

    /** "org.jfallocate.bench.DurableAppendBenchmark.append" -> "DurableAppendBenchmark.append". */
    static String simpleName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int klass = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(klass + 1);
    }
}
