package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Path;

import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Where JMH's own console output goes, chosen in this one place: {@link #CONSOLE} prints it as
 * JMH does; a run may instead write it to a log in its directory and print progress lines.
 */
@FunctionalInterface
public interface JmhOutput {

    /**
     * The output format of one JMH run (the runner calls {@link OutputFormat#flush()} after it).
     *
     * @param runDir  the run's directory, results/&lt;run-id&gt;
     * @param target  the filesystem being measured
     * @param options the options of this JMH run
     * @return where JMH reports
     * @throws IOException if a log cannot be opened
     */
    OutputFormat open(Path runDir, BenchTarget target, Options options) throws IOException;

    /**
     * Told once, before the first {@link #open}, which filesystems the run measures, so that
     * progress can be reported for the whole run.
     *
     * @param targets the filesystems, in the order they are measured
     */
    default void plan(java.util.List<BenchTarget> targets) {
    }

    /** JMH's console output on standard out, at the verbosity asked for ({@code -v}). */
    JmhOutput CONSOLE = (runDir, target, options) ->
            OutputFormatFactory.createFormatInstance(System.out, options.verbosity().orElse(VerboseMode.NORMAL));
}
