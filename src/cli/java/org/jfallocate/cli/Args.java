package org.jfallocate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfallocate.FallocateFlag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.PicocliException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * jfallocate's command line, declared for picocli. Every option is a setter, because picocli
 * calls setters in command-line order as getopt(3) returns options: that order decides, as in
 * util-linux, which conflict is reported first, and that {@code -h}/{@code -V} act the moment
 * they are seen (options after them are not even parsed). Sizes are kept as text and converted
 * after parsing, as util-linux reports bad sizes only once the whole line is read.
 */
@Command(name = "jfallocate")
final class Args {
    /** Long names by the letter util-linux's messages use; 'U' stands for --unshare-range. */
    static final Map<Character, String> LONG_NAMES = Map.ofEntries(
            Map.entry('c', "collapse-range"), Map.entry('d', "dig-holes"), Map.entry('i', "insert-range"),
            Map.entry('l', "length"), Map.entry('n', "keep-size"), Map.entry('o', "offset"),
            Map.entry('p', "punch-hole"), Map.entry('r', "report-holes"), Map.entry('v', "verbose"),
            Map.entry('w', "write-zeroes"), Map.entry('x', "posix"), Map.entry('z', "zero-range"),
            Map.entry('h', "help"), Map.entry('V', "version"), Map.entry(ExclusiveOptions.UNSHARE, "unshare-range"));

    @Spec
    private CommandSpec spec;

    private final ExclusiveOptions exclusive = new ExclusiveOptions(LONG_NAMES);
    private final List<FallocateFlag> flags = new ArrayList<>();
    boolean dig;
    boolean reportHoles;
    boolean posix;
    int verbose;
    String length;
    String offset;
    String probeDir;
    boolean layout;
    String format = "text";
    final List<String> files = new ArrayList<>();

    /** Stops parsing: -h, -V, or the first conflict, exactly where getopt's loop would. */
    static final class Stop extends PicocliException {
        private static final long serialVersionUID = 1L;

        /** What to do instead of running: print help, print the version, or fail. */
        enum Action { HELP, VERSION, FAIL }

        final Action action;
        final transient CliFailure failure;

        Stop(Action action, CliFailure failure) {
            super(action.name());
            this.action = action;
            this.failure = failure;
        }
    }

    // picocli collects unknown options and reports them at the end; getopt stops at the first.
    private void stopAtEarlierUnknownOption() {
        List<String> unmatched = spec.commandLine().getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            throw new UnmatchedArgumentException(spec.commandLine(), unmatched);
        }
    }

    private void seen(char option) {
        stopAtEarlierUnknownOption();
        try {
            exclusive.check(option);
        } catch (CliFailure f) {
            throw new Stop(Stop.Action.FAIL, f);
        }
    }

    private void flag(char option, boolean on, FallocateFlag... added) {
        if (on) {
            seen(option);
            flags.addAll(List.of(added));
        }
    }

    /** The fallocate(2) flags the options asked for, no duplicates. */
    List<FallocateFlag> flags() {
        return flags.stream().distinct().toList();
    }

    @Option(names = {"-c", "--collapse-range"})
    void collapseRange(boolean on) {
        flag('c', on, FallocateFlag.COLLAPSE_RANGE);
    }

    @Option(names = {"-d", "--dig-holes"})
    void digHoles(boolean on) {
        if (on) {
            seen('d');
            dig = true;
        }
    }

    @Option(names = {"-i", "--insert-range"})
    void insertRange(boolean on) {
        flag('i', on, FallocateFlag.INSERT_RANGE);
    }

    @Option(names = {"-l", "--length"}, paramLabel = "<num>")
    void length(String value) {
        if (value != null) {
            length = GetoptPrefixes.restore(value);
        }
    }

    @Option(names = {"-n", "--keep-size"})
    void keepSize(boolean on) {
        flag('n', on, FallocateFlag.KEEP_SIZE);
    }

    @Option(names = {"-o", "--offset"}, paramLabel = "<num>")
    void offset(String value) {
        if (value != null) {
            offset = GetoptPrefixes.restore(value);
        }
    }

    @Option(names = {"-p", "--punch-hole"})
    void punchHole(boolean on) {
        flag('p', on, FallocateFlag.PUNCH_HOLE, FallocateFlag.KEEP_SIZE);
    }

    @Option(names = {"-r", "--report-holes"})
    void reportHoles(boolean on) {
        if (on) {
            seen('r');
            reportHoles = true;
        }
    }

    @Option(names = {"-v", "--verbose"})
    void verbose(boolean on) {
        if (on) {
            verbose++;
        }
    }

    @Option(names = {"-w", "--write-zeroes"})
    void writeZeroes(boolean on) {
        flag('w', on, FallocateFlag.WRITE_ZEROES);
    }

    @Option(names = {"-x", "--posix"})
    void posix(boolean on) {
        if (on) {
            seen('x');
            posix = true;
        }
    }

    @Option(names = {"-z", "--zero-range"})
    void zeroRange(boolean on) {
        flag('z', on, FallocateFlag.ZERO_RANGE);
    }

    @Option(names = "--unshare-range")
    void unshareRange(boolean on) {
        flag(ExclusiveOptions.UNSHARE, on, FallocateFlag.UNSHARE_RANGE);
    }

    @Option(names = "--probe", paramLabel = "<dir>")
    void probe(String dir) {
        if (dir != null) {
            probeDir = dir;
        }
    }

    @Option(names = "--layout")
    void layout(boolean on) {
        if (on) {
            layout = true;
        }
    }

    @Option(names = "--format", paramLabel = "<text|csv|json>")
    void format(String value) {
        if (value != null) {
            format = value;
        }
    }

    @Option(names = {"-h", "--help"})
    void help(boolean on) {
        if (on) {
            stopAtEarlierUnknownOption();
            throw new Stop(Stop.Action.HELP, null);
        }
    }

    @Option(names = {"-V", "--version"})
    void version(boolean on) {
        if (on) {
            stopAtEarlierUnknownOption();
            throw new Stop(Stop.Action.VERSION, null);
        }
    }

    @Parameters(paramLabel = "<filename>", arity = "0..*")
    void file(List<String> names) {
        if (names != null) {
            files.clear();
            names.forEach(n -> files.add(GetoptPrefixes.restore(n)));
        }
    }
}
