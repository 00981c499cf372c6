package org.jfallocate.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What picocli does differently from getopt_long(3), settled before picocli reads the line:
 * <ul>
 * <li>a long option may be shortened to any unambiguous prefix ({@code --len}, {@code --k});
 *     picocli's own abbreviations also take {@code --k-s} for {@code --keep-size}, which
 *     getopt refuses, so they are off and prefixes are expanded here, as getopt does: an exact
 *     name wins, one candidate is taken, several are an error listing them;</li>
 * <li>a lone {@code -} is a file name; picocli fails on it, so it is passed as {@link #DASH};</li>
 * <li>in a cluster, {@code l} or {@code o} takes the rest as its value, "=" included
 *     ({@code -l=5} is the length "=5", refused); picocli would drop the "=";</li>
 * <li>a letter that is no option ({@code -5}, {@code -n5}) is an invalid option; picocli would
 *     take {@code -5} for a negative number and a file name. It is passed as a long option no
 *     one has ({@link #invalidOption}), which picocli reports in its place on the line.</li>
 * </ul>
 * An argument that is the value of the option before it ({@code -o --len}) is left alone.
 */
final class GetoptPrefixes {
    /** Stands for a lone "-" while picocli parses: a NUL cannot be in a file name. */
    static final String DASH = "\0-";
    private static final String INVALID = "--\0invalid-option-";

    /** Long options in getopt's table order (util-linux's, then jfallocate's own). */
    private static final List<String> LONG = List.of("help", "version", "keep-size", "punch-hole",
            "collapse-range", "dig-holes", "insert-range", "zero-range", "write-zeroes", "offset", "length",
            "posix", "verbose", "report-holes", "unshare-range", "probe", "layout", "format");
    private static final List<String> WITH_VALUE = List.of("offset", "length", "probe", "format");
    private static final String SHORT_WITH_VALUE = "lo";
    private static final String SHORT_FLAGS = "cdinprvwxzhV";

    private GetoptPrefixes() {
    }

    static String[] resolve(String[] argv) throws CliFailure {
        List<String> out = new ArrayList<>(argv.length);
        boolean valueNext = false;
        boolean optionsEnded = false;
        for (String arg : argv) {
            if (valueNext || optionsEnded) {
                out.add(arg);
                valueNext = false;
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                out.add(arg);
            } else if (arg.equals("-")) {
                out.add(DASH);
            } else if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = arg.substring(2, eq < 0 ? arg.length() : eq);
                String full = expand(name);
                valueNext = eq < 0 && WITH_VALUE.contains(full);
                out.add("--" + full + (eq < 0 ? "" : arg.substring(eq)));
            } else if (arg.startsWith("-")) {
                valueNext = splitCluster(arg, out);
            } else {
                out.add(arg);
            }
        }
        return out.toArray(String[]::new);
    }

    /** A lone "-" back from {@link #DASH}. */
    static String restore(String arg) {
        return DASH.equals(arg) ? "-" : arg;
    }

    // The full name for a prefix; an unknown name is left for picocli to report.
    private static String expand(String name) throws CliFailure {
        if (name.isEmpty() || LONG.contains(name)) {
            return name;
        }
        List<String> candidates = LONG.stream().filter(l -> l.startsWith(name)).toList();
        if (candidates.size() == 1) {
            return candidates.getFirst();
        }
        if (candidates.size() > 1) {
            StringBuilder sb = new StringBuilder("option '--" + name + "' is ambiguous; possibilities:");
            candidates.forEach(c -> sb.append(" '--").append(c).append('\''));
            throw CliFailure.usage(sb.toString());
        }
        return name;
    }

    /**
     * The short letter an {@link #invalidOption} token stands for, or 0 when {@code arg} is
     * none.
     */
    static char invalidLetter(String arg) {
        return arg.startsWith(INVALID) && arg.length() == INVALID.length() + 1 ? arg.charAt(INVALID.length()) : 0;
    }

    private static String invalidOption(char letter) {
        return INVALID + letter;
    }

    // Adds the cluster (split where getopt would see an invalid letter or an attached value)
    // and says whether the next argument is the value of its last option (-nl 1M).
    private static boolean splitCluster(String cluster, List<String> out) {
        for (int i = 1; i < cluster.length(); i++) {
            char c = cluster.charAt(i);
            if (SHORT_WITH_VALUE.indexOf(c) >= 0) {
                if (i == cluster.length() - 1) {
                    out.add(cluster);
                    return true;
                }
                out.add(cluster.substring(0, i + 1));
                out.add(cluster.substring(i + 1)); // the attached value, as it is
                return false;
            }
            if (SHORT_FLAGS.indexOf(c) < 0) {
                if (i > 1) {
                    out.add(cluster.substring(0, i));
                }
                out.add(invalidOption(c));
                return false;
            }
        }
        out.add(cluster);
        return false;
    }
}
