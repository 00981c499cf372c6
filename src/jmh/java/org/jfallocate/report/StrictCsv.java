package org.jfallocate.report;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for the suite's RFC-4180 CSV: {@code '\n'} line ends, quotes only around fields that hold a
 * comma or a quote. Anything else is an error naming the file and line, never a guess: a file that does not end
 * with a line end was cut off while being written, and a row with a different number of fields than the
 * header is not a row of this table.
 */
public final class StrictCsv {

    /** One data row: its 1-based line number in the file and its fields by column name. */
    public record Row(Path file, int line, Map<String, String> fields) {

        /** @return the field of {@code column}, never null (the header was checked to have it) */
        public String get(String column) {
            return fields.get(column);
        }
    }

    private StrictCsv() {
    }

    /**
     * Reads {@code file}, checking that its header has every one of {@code requiredColumns}.
     *
     * @param file the CSV file
     * @param requiredColumns the columns the caller needs; others are allowed and kept
     * @return the data rows, in file order
     * @throws BadResultsException if the file is missing, empty, truncated, malformed or lacks a column
     * @throws IOException if the file cannot be read
     */
    public static List<Row> read(Path file, List<String> requiredColumns) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw BadResultsException.at(file, 0, "file is missing");
        } catch (CharacterCodingException e) {
            throw BadResultsException.at(file, 0, "not UTF-8 text");
        }
        if (text.isEmpty()) {
            throw BadResultsException.at(file, 0, "file is empty: expected a header line with columns " + requiredColumns);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(file, text, records, lines);

        List<String> header = records.get(0);
        List<String> missing = requiredColumns.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw BadResultsException.at(file, 1, "missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (header is: " + String.join(",", header) + ")");
        }
        List<Row> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (fields.size() != header.size()) {
                throw BadResultsException.at(file, lines.get(r),
                        "has " + fields.size() + " fields, the header has " + header.size());
            }
            Map<String, String> byName = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byName.put(header.get(c), fields.get(c));
            }
            rows.add(new Row(file, lines.get(r), byName));
        }
        return rows;
    }

    private static void parse(Path file, String text, List<List<String>> records, List<Integer> lines) {
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw BadResultsException.at(file, recordLine, "truncated: a quoted field is never closed");
                        }
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            field.append(c);
                        }
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n') {
                        throw BadResultsException.at(file, line, "text after a closing quote");
                    }
                } else {
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n') {
                        char c = text.charAt(i++);
                        if (c == '"' || c == '\r') {
                            throw BadResultsException.at(file, line, c == '"'
                                    ? "a quote inside an unquoted field"
                                    : "a carriage return: lines must end with '\\n' alone");
                        }
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i >= n) {
                    throw BadResultsException.at(file, recordLine,
                            "truncated: the last line has no line end (was the run interrupted?)");
                }
                char separator = text.charAt(i++);
                if (separator == '\n') {
                    endOfRecord = true;
                    line++;
                }
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                throw BadResultsException.at(file, recordLine, "empty line");
            }
            records.add(fields);
            lines.add(recordLine);
        }
    }
}
