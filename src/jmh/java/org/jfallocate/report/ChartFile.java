package org.jfallocate.report;

/**
 * A chart written into the report's {@code charts/} directory.
 *
 * @param fileName the PNG's name, relative to {@code charts/}
 * @param title what it shows
 * @param caption how to read it
 */
public record ChartFile(String fileName, String title, String caption) {
}
