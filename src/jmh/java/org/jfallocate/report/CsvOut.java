package org.jfallocate.report;

import java.util.List;

/** Writes CSV lines as the suite does: {@code '\n'} line ends, RFC-4180 quotes only where a field needs them. */
public final class CsvOut {

    private CsvOut() {
    }

    /**
     * @param fields the fields of one line
     * @return the line, ending in {@code '\n'}
     */
    public static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (f.contains(",") || f.contains("\"") || f.contains("\n")) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append('\n').toString();
    }
}
