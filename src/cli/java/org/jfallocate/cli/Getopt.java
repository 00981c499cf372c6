package org.jfallocate.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * glibc's getopt_long(3) over the {@link Option} table, as fallocate(1) calls it: options are
 * returned one at a time in command-line order, so that the caller acts on each as util-linux's
 * loop does (-h prints help before a later bad option is read, the first conflict is the one
 * reported). Clustered short options ({@code -nl 1MiB}), a value attached ({@code -l1G},
 * {@code -l=5} is the value "=5") or in the next argument whatever it looks like
 * ({@code -o -1}), {@code --name=value}, any unambiguous prefix of a long name ({@code --len};
 * an exact name wins), operands anywhere (GNU permutation), a lone {@code -} as an operand, and
 * {@code --} to end options. Errors are getopt's messages; util-linux then prints its "Try"
 * line ({@link CliFailure#usage}).
 */
final class Getopt {
    /** One option as getopt_long returns it, with its value (null for an option without one). */
    record Parsed(Option option, String value) {
    }

    private final String[] argv;
    private final List<String> operands = new ArrayList<>();
    private int next;
    private String cluster; // the short-option argument being read, e.g. "-nl1G"
    private int clusterPos;

    Getopt(String[] argv) {
        this.argv = argv.clone();
    }

    /** The arguments that are no options nor their values, in order (valid once {@link #next()} is null). */
    List<String> operands() {
        return List.copyOf(operands);
    }

    /**
     * The next option, or null when none is left.
     *
     * @throws CliFailure getopt's message for an invalid or ambiguous option or a missing or unexpected value
     */
    Parsed next() throws CliFailure {
        if (cluster != null) {
            return shortOption();
        }
        while (next < argv.length) {
            String arg = argv[next++];
            if (arg.equals("--")) {
                operands.addAll(Arrays.asList(argv).subList(next, argv.length));
                next = argv.length;
            } else if (arg.startsWith("--")) {
                return longOption(arg.substring(2));
            } else if (arg.startsWith("-") && arg.length() > 1) {
                cluster = arg;
                clusterPos = 1;
                return shortOption();
            } else {
                operands.add(arg);
            }
        }
        return null;
    }

    private Parsed shortOption() throws CliFailure {
        char c = cluster.charAt(clusterPos++);
        boolean last = clusterPos == cluster.length();
        String rest = cluster.substring(clusterPos);
        if (last) {
            cluster = null;
        }
        Option option = Option.ofLetter(c);
        if (option == null) {
            cluster = null;
            throw CliFailure.usage("invalid option -- '" + c + "'");
        }
        if (!option.takesValue()) {
            return new Parsed(option, null);
        }
        cluster = null;
        if (!last) {
            return new Parsed(option, rest);
        }
        if (next < argv.length) {
            return new Parsed(option, argv[next++]);
        }
        throw CliFailure.usage("option requires an argument -- '" + c + "'");
    }

    // body: the argument without its "--", e.g. "len=1G".
    private Parsed longOption(String body) throws CliFailure {
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        Option option = null;
        List<Option> prefixed = new ArrayList<>();
        for (Option o : Option.values()) {
            if (o.longName().equals(name)) {
                option = o;
                break;
            }
            if (o.longName().startsWith(name)) {
                prefixed.add(o);
            }
        }
        if (option == null) {
            if (prefixed.isEmpty()) {
                throw CliFailure.usage("unrecognized option '--" + body + "'");
            }
            if (prefixed.size() > 1) {
                StringBuilder sb = new StringBuilder("option '--" + body + "' is ambiguous; possibilities:");
                prefixed.forEach(o -> sb.append(" '--").append(o.longName()).append('\''));
                throw CliFailure.usage(sb.toString());
            }
            option = prefixed.getFirst();
        }
        if (!option.takesValue()) {
            if (eq >= 0) {
                throw CliFailure.usage("option '--" + option.longName() + "' doesn't allow an argument");
            }
            return new Parsed(option, null);
        }
        if (eq >= 0) {
            return new Parsed(option, body.substring(eq + 1));
        }
        if (next < argv.length) {
            return new Parsed(option, argv[next++]);
        }
        throw CliFailure.usage("option '--" + option.longName() + "' requires an argument");
    }
}
