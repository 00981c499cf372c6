package org.jfallocate.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code make report}: turns one or more run directories into a report.
 *
 * <pre>
 * ReportMain [--out DIR] RUN_DIR...
 * </pre>
 * One run: the report goes to {@code RUN_DIR/report/}. Several: they are merged into
 * {@code <parent of the first>/compare-<UTC yyyyMMdd-HHmmss>/report/}, unless {@code --out} says where.
 * Exit status 0 on success, 2 on bad input (nothing written), 1 on an I/O failure.
 */
public final class ReportMain {

    private ReportMain() {
    }

    /**
     * @param args {@code [--out DIR] RUN_DIR...}
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        List<Path> runs = new ArrayList<>();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") || args[i].equals("-o")) {
                if (i + 1 >= args.length) {
                    usage("--out needs a directory");
                }
                out = Path.of(args[++i]);
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(USAGE);
                return;
            } else if (args[i].startsWith("-")) {
                usage("unknown option " + args[i]);
            } else {
                runs.add(Path.of(args[i]));
            }
        }
        if (runs.isEmpty()) {
            usage("no run directory given");
        }
        Path target = out != null ? out : defaultOut(runs);
        try {
            ReportWriter report = ReportBuilder.write(runs, target);
            String text = report.recommendationText();
            if (!text.isEmpty()) {
                System.out.println("Recommendation:");
                System.out.print(text.indent(2));
            }
            System.out.println("report: " + target.resolve("index.html") + " (" + runs.size() + " run"
                    + (runs.size() > 1 ? "s" : "") + ", " + report.summary().size() + " summary rows)");
            report.duration().ifPresent(d -> System.out.println("run took " + d));
        } catch (BadResultsException e) {
            System.err.println("report: " + e.getMessage());
            System.err.println("report: no report written");
            System.exit(2);
        } catch (IOException e) {
            System.err.println("report: " + e);
            System.exit(1);
        }
    }

    /**
     * @param runs the run directories given
     * @return where their report goes when {@code --out} is not given
     */
    public static Path defaultOut(List<Path> runs) {
        if (runs.size() == 1) {
            return runs.get(0).resolve("report");
        }
        Path parent = runs.get(0).toAbsolutePath().normalize().getParent();
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return parent.resolve("compare-" + stamp).resolve("report");
    }

    private static final String USAGE = """
            usage: ReportMain [--out DIR] RUN_DIR...
              One run directory: writes RUN_DIR/report/.
              Several: merges them into <parent>/compare-<UTC date>/report/ (or DIR).""";

    private static void usage(String problem) {
        System.err.println("report: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
