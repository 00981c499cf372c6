package org.jfallocate.cli;

import java.io.PrintStream;

/** What util-linux lacks: the capability probe and the layout report. */
final class Extras {
    private Extras() {
    }

    static void probe(String dir, PrintStream out) throws CliFailure {
        throw CliFailure.of("--probe " + dir + ": not available in this build yet");
    }

    static void layout(String name, String format, PrintStream out) throws CliFailure {
        throw CliFailure.of(name + ": --layout: not available in this build yet");
    }
}
