package org.jfallocate.report;

import java.nio.file.Path;

/**
 * Benchmark results that a report cannot be built from: a missing or truncated file, a missing column,
 * a value that is not a number, a filesystem without data. The message names the file and, where there
 * is one, the line.
 */
public final class BadResultsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and what was expected
     */
    public BadResultsException(String message) {
        super(message);
    }

    /**
     * @param file the file that is wrong
     * @param line its 1-based line number, or 0 when the problem is not on one line
     * @param message what is wrong and what was expected
     * @return the exception, its message prefixed with {@code file:line: }
     */
    public static BadResultsException at(Path file, int line, String message) {
        return new BadResultsException(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
