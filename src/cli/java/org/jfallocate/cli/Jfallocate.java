package org.jfallocate.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.jfallocate.FallocateFlag;
import org.jfallocate.FallocateMode;

/**
 * {@code bin/jfallocate}: util-linux fallocate(1)'s command line on the jfallocate binding,
 * plus {@code --unshare-range}, {@code --probe DIR} and {@code --layout}. Exit status 0 on
 * success and 1 on failure, one line on stderr naming the program, the file and the reason.
 */
public final class Jfallocate {
    static final String PROGRAM = "jfallocate";

    private final PrintStream out;
    private final PrintStream err;

    Jfallocate(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command line, as fallocate(1) takes it
     */
    public static void main(String[] args) {
        int status = new Jfallocate(System.out, System.err).run(args);
        System.out.flush();
        if (System.out.checkError()) {
            System.err.println(PROGRAM + ": write error");
            status = 1;
        }
        System.exit(status);
    }

    int run(String[] argv) {
        try {
            Args args = Args.parse(argv);
            switch (args.action) {
                case HELP -> out.print(Usage.TEXT);
                case VERSION -> out.println(PROGRAM + " from jfallocate " + Usage.version()
                        + " (util-linux 2.42 fallocate compatible)");
                case RUN -> execute(args);
            }
            return 0;
        } catch (CliFailure f) {
            return fail(f);
        } catch (RuntimeException | LinkageError e) {
            // A bug or an unusable platform: still one line, never a stack trace.
            err.println(PROGRAM + ": " + e);
            return 1;
        }
    }

    private int fail(CliFailure f) {
        err.println(PROGRAM + ": " + f.getMessage());
        if (f.usageHint()) {
            err.println("Try '" + PROGRAM + " --help' for more information.");
        }
        return f.status();
    }

    private void execute(Args args) throws CliFailure {
        if (args.probeDir != null) {
            Extras.probe(args.probeDir, out);
            return;
        }
        if (args.files.isEmpty()) {
            throw CliFailure.of("no filename specified");
        }
        if (args.files.size() > 1) {
            throw CliFailure.of("unexpected number of arguments");
        }
        String name = args.files.getFirst();
        if (args.has(Option.LAYOUT)) {
            Extras.layout(name, args.format, out);
            return;
        }
        long length = cvtnum(args.length, -2);
        long offset = cvtnum(args.offset, 0);
        boolean scan = args.has(Option.DIG_HOLES) || args.has(Option.REPORT_HOLES);
        if (scan) {
            // for --dig-holes and --report-holes the default is the whole file
            if (length == -2) {
                length = 0;
            }
            if (length < 0) {
                throw CliFailure.of("invalid length value specified");
            }
        } else {
            if (length == -2) {
                throw CliFailure.of("no length argument specified");
            }
            if (length <= 0) {
                throw CliFailure.of("invalid length value specified");
            }
        }
        if (offset < 0) {
            throw CliFailure.of("invalid offset value specified");
        }
        FallocateMode mode = FallocateMode.of(args.flags().toArray(FallocateFlag[]::new));
        // O_CREAT only where new space is allocated from nothing: plain allocation and write-zeroes
        boolean create = !scan && mode.createsFile();
        OpenFile.How how = args.has(Option.REPORT_HOLES) ? OpenFile.How.READ
                : create ? OpenFile.How.CREATE : OpenFile.How.WRITE;
        try (OpenFile file = OpenFile.open(name, how)) {
            if (args.has(Option.REPORT_HOLES)) {
                HoleReport.report(file, offset, length, args.verbose > 0, out);
            } else if (args.has(Option.DIG_HOLES)) {
                long converted = DigHoles.dig(file, offset, length, DigHoles.Punch.on(file));
                if (args.verbose > 0) {
                    DigHoles.report(out, name, converted);
                }
            } else {
                if (args.has(Option.POSIX)) {
                    Operations.posixFallocate(file, offset, length);
                } else {
                    Operations.fallocate(file, mode, offset, length);
                }
                if (args.verbose > 0) {
                    out.println(name + ": " + HumanSize.format(length) + " (" + length + " bytes) " + done(mode) + ".");
                }
            }
        }
    }

    // util-linux's verbose wording, by the first of these flags the mode has.
    private static String done(FallocateMode mode) {
        for (Map.Entry<FallocateFlag, String> entry : List.of(
                Map.entry(FallocateFlag.PUNCH_HOLE, "hole created"),
                Map.entry(FallocateFlag.COLLAPSE_RANGE, "removed"),
                Map.entry(FallocateFlag.INSERT_RANGE, "inserted"),
                Map.entry(FallocateFlag.ZERO_RANGE, "zeroed"),
                Map.entry(FallocateFlag.WRITE_ZEROES, "written as zeroes"),
                Map.entry(FallocateFlag.UNSHARE_RANGE, "unshared"))) {
            if (mode.has(entry.getKey())) {
                return entry.getValue();
            }
        }
        return "allocated";
    }

    // util-linux's cvtnum(): the size, or -1 when it is none; 2^63 and above come out negative.
    private static long cvtnum(String text, long absent) {
        if (text == null) {
            return absent;
        }
        try {
            return SizeParser.parse(text);
        } catch (SizeParser.NotASize e) {
            return -1;
        }
    }
}
