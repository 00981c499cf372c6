package org.jfallocate.bench;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Map;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/** How many benchmark points JMH will run for a set of options: for the progress line's "k of n". */
final class BenchmarkPoints {

    private BenchmarkPoints() {
    }

    /**
     * @param options the options a Runner is about to be given
     * @return the selected benchmarks (one entry per annotated mode), each times the product of its parameters' value counts,
     *         the options' values replacing the annotation's as JMH does
     */
    static int of(Options options) {
        int n = 0;
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT),
                options.getIncludes(), options.getExcludes())) {
            int product = 1;
            if (e.getParams().hasValue()) {
                for (Map.Entry<String, String[]> p : e.getParams().get().entrySet()) {
                    Collection<String> given = options.getParameter(p.getKey()).orElse(null);
                    product *= given != null ? given.size() : p.getValue().length;
                }
            }
            n += product;
        }
        return n;
    }
}
