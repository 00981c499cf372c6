package org.jfallocate.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@link CsvRow}s as RFC 4180 CSV with '\n' line ends, quoting only the fields that need it. */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** Writes the header and the rows to {@code file}, replacing it. */
    public static void write(Path file, List<CsvRow> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(line(CsvRow.COLUMNS));
            for (CsvRow row : rows) {
                out.write(line(row.fields()));
            }
        }
    }

    static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i) == null ? "" : fields.get(i)));
        }
        return sb.append('\n').toString();
    }

    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
