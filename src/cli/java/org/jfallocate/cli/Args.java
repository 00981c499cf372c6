package org.jfallocate.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jfallocate.FallocateFlag;

/**
 * What jfallocate's command line asks for, read as util-linux's getopt_long loop reads it: each
 * option acts as it is returned, so -h and -V stop the reading where they stand and the first
 * conflict is the one reported. Sizes are kept as text and converted afterwards, as util-linux
 * reports bad sizes only once the whole line is read.
 */
final class Args {
    /** What to do: run the command, or print the help or the version (-h, -V). */
    enum Action { RUN, HELP, VERSION }

    Action action = Action.RUN;
    private final Set<Option> given = EnumSet.noneOf(Option.class);
    private final List<FallocateFlag> flags = new ArrayList<>();
    int verbose;
    String length;
    String offset;
    String probeDir;
    String format = "text";
    List<String> files = List.of();

    private Args() {
    }

    /**
     * Read {@code argv}.
     *
     * @throws CliFailure for a line getopt refuses, or options util-linux's {@code excl[]} forbids together
     */
    static Args parse(String[] argv) throws CliFailure {
        Args args = new Args();
        Getopt getopt = new Getopt(argv);
        for (Getopt.Parsed p = getopt.next(); p != null; p = getopt.next()) {
            Option o = p.option();
            checkExclusive(args.given, o);
            args.given.add(o);
            args.flags.addAll(o.flags());
            switch (o) {
                case HELP -> args.action = Action.HELP;
                case VERSION -> args.action = Action.VERSION;
                case VERBOSE -> args.verbose++;
                case LENGTH -> args.length = p.value();
                case OFFSET -> args.offset = p.value();
                case PROBE -> args.probeDir = p.value();
                case FORMAT -> args.format = p.value();
                default -> {
                    // a flag: given, and its fallocate(2) flags taken
                }
            }
            if (args.action != Action.RUN) {
                return args;
            }
        }
        args.files = getopt.operands();
        return args;
    }

    boolean has(Option o) {
        return given.contains(o);
    }

    /** The fallocate(2) flags the options asked for, no duplicates. */
    List<FallocateFlag> flags() {
        return flags.stream().distinct().toList();
    }

    // util-linux's err_exclusive_options(): a second, different option of one group is an error.
    private static void checkExclusive(Set<Option> given, Option o) throws CliFailure {
        for (List<Option> group : Option.EXCLUSIVE) {
            if (group.contains(o) && group.stream().anyMatch(g -> g != o && given.contains(g))) {
                StringBuilder sb = new StringBuilder("mutually exclusive arguments:");
                group.forEach(g -> sb.append(" --").append(g.longName()));
                throw CliFailure.of(sb.toString());
            }
        }
    }
}
