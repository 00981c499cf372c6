package org.jfallocate.cli;

import org.jfallocate.Errno;

/**
 * A failure the CLI reports as one line on stderr, {@code jfallocate: MESSAGE}, and exit status
 * {@link #status()}. {@code usageHint} adds util-linux's second line, "Try 'jfallocate --help'".
 */
final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean usageHint;

    CliFailure(String message, boolean usageHint) {
        super(message, null, false, false);
        this.usageHint = usageHint;
    }

    /** A failure with no errno: util-linux's errx(3). */
    static CliFailure of(String message) {
        return new CliFailure(message, false);
    }

    /** A failure with an errno, "WHAT: errno text": util-linux's err(3). */
    static CliFailure errno(String what, int errno) {
        return new CliFailure(what + ": " + Errno.textOf(errno), false);
    }

    /** A command-line error after which util-linux prints "Try '... --help'". */
    static CliFailure usage(String message) {
        return new CliFailure(message, true);
    }

    boolean usageHint() {
        return usageHint;
    }

    /** util-linux exits 1 on every failure. */
    int status() {
        return 1;
    }
}
