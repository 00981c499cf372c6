package org.jfallocate.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli set up to read a command line as glibc's getopt_long(3) reads fallocate(1)'s:
 * clustered short options ({@code -nl 1MiB}), attached values ({@code -l1G},
 * {@code --length=1G}), unambiguous prefixes of long options ({@code --len 1G}, expanded by
 * {@link GetoptPrefixes}), a lone {@code -} as a file name, options
 * after the file name, {@code --} to end options, any argument as an option's value
 * ({@code -o -1} is offset "-1"), repeated options (the last value wins), and no
 * {@code @file} expansion. Its errors are reworded as getopt's, followed by util-linux's
 * "Try 'jfallocate --help'" line.
 */
final class CommandLineParser {
    private CommandLineParser() {
    }

    /**
     * Parse {@code argv}.
     *
     * @throws Args.Stop   for -h, -V and conflicting options, where getopt would have stopped
     * @throws CliFailure  for a command line getopt refuses
     */
    static Args parse(String[] argv) throws CliFailure {
        String[] resolved = GetoptPrefixes.resolve(argv);
        Args args = new Args();
        CommandLine cl = new CommandLine(args)
                .setPosixClusteredShortOptionsAllowed(true)
                .setAbbreviatedOptionsAllowed(false) // getopt's prefixes: GetoptPrefixes
                .setAllowOptionsAsOptionParameters(true)
                .setOverwrittenOptionsAllowed(true)
                .setExpandAtFiles(false)
                .setUnmatchedArgumentsAllowed(false)
                .setCaseInsensitiveEnumValuesAllowed(false)
                .setTrimQuotes(false);
        try {
            cl.parseArgs(resolved);
            return args;
        } catch (Args.Stop stop) {
            throw stop;
        } catch (UnmatchedArgumentException e) {
            throw CliFailure.usage(unmatched(e));
        } catch (MissingParameterException e) {
            throw CliFailure.usage(missing(e, argv));
        } catch (ParameterException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Args.Stop stop) {
                throw stop;
            }
            if (cause instanceof UnmatchedArgumentException u) {
                throw CliFailure.usage(unmatched(u));
            }
            throw CliFailure.usage(getoptWording(e.getMessage()));
        }
    }

    // getopt: "unrecognized option '--bogus'", or "invalid option -- 'q'" for a short one.
    private static String unmatched(UnmatchedArgumentException e) {
        List<String> unmatched = e.getUnmatched();
        String arg = unmatched.isEmpty() ? "" : unmatched.getFirst();
        char letter = GetoptPrefixes.invalidLetter(arg);
        if (letter != 0) {
            return "invalid option -- '" + letter + "'";
        }
        return "unrecognized option '" + arg + "'";
    }

    // getopt: "option requires an argument -- 'l'", or "option '--length' requires an argument".
    private static String missing(MissingParameterException e, String[] argv) {
        List<ArgSpec> missing = e.getMissing();
        String last = argv.length > 0 ? argv[argv.length - 1] : "";
        if (!missing.isEmpty() && missing.getFirst() instanceof OptionSpec option) {
            if (last.startsWith("--")) {
                return "option '" + option.longestName() + "' requires an argument";
            }
            return "option requires an argument -- '" + option.shortestName().substring(1) + "'";
        }
        return e.getMessage();
    }

    private static final Pattern NOT_UNIQUE = Pattern.compile("Error: '([^']*)' is not unique: it matches (.*)");
    private static final Pattern NOT_BOOLEAN =
            Pattern.compile("Invalid value for option '(--[^']*)': '.*' is not a boolean");

    // picocli: "Error: '--p' is not unique: it matches '--punch-hole', '--posix'"
    //     and  "Invalid value for option '--keep-size': '3' is not a boolean"
    // getopt:  "option '--p' is ambiguous; possibilities: '--punch-hole' '--posix'"
    //     and  "option '--keep-size' doesn't allow an argument"
    private static String getoptWording(String message) {
        Matcher m = NOT_UNIQUE.matcher(message);
        if (m.matches()) {
            return "option '" + m.group(1) + "' is ambiguous; possibilities: " + m.group(2).replace(", ", " ");
        }
        m = NOT_BOOLEAN.matcher(message);
        if (m.matches()) {
            return "option '" + m.group(1) + "' doesn't allow an argument";
        }
        return message;
    }
}
