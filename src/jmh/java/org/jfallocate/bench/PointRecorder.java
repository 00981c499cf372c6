package org.jfallocate.bench;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output, passed on unchanged, with a note of every point JMH started. JMH returns
 * results only for the points that finished; a point whose fork threw (ENOSPC, a read-only
 * filesystem) would otherwise vanish from results.csv without a row saying so.
 */
final class PointRecorder extends ForwardingOutputFormat {
    private final List<BenchmarkParams> started = new ArrayList<>();

    PointRecorder(OutputFormat out) {
        super(out);
    }

    /** The points JMH started, in order. */
    List<BenchmarkParams> started() {
        return List.copyOf(started);
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        started.add(params);
        super.startBenchmark(params);
    }
}
