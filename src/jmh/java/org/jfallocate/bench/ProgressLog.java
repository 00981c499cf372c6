package org.jfallocate.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code make bench}'s JMH output: every JMH run of the suite writes its full output into one
 * {@code results/<run-id>/jmh.log}, and the terminal shows a {@link ProgressOutput} line per point and the
 * warnings and errors.
 */
public final class ProgressLog implements JmhOutput, Closeable {

    private final PrintStream terminal;
    private final ProgressOutput.Clock clock = new ProgressOutput.Clock(System::nanoTime);
    private PrintStream log;

    /** @param terminal where the progress lines go */
    public ProgressLog(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public OutputFormat open(Path runDir, BenchTarget target, Options options) throws IOException {
        if (log == null) {
            Path file = runDir.resolve("jmh.log");
            log = new PrintStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                    true, StandardCharsets.UTF_8);
            terminal.println("bench: JMH's full output: " + file);
        }
        clock.enter(target.name());
        OutputFormat full = OutputFormatFactory.createFormatInstance(log, options.verbosity().orElse(VerboseMode.NORMAL));
        return new ProgressOutput(full, terminal, clock, target.name(), BenchmarkPoints.of(options));
    }

    @Override
    public void plan(java.util.List<BenchTarget> targets) {
        clock.plan(targets.size());
    }

    @Override
    public void close() {
        if (log != null) {
            log.close();
        }
    }
}
