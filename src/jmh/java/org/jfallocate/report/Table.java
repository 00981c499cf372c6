package org.jfallocate.report;

import java.util.List;

/**
 * A table the report shows, rendered once as Markdown and once as HTML so the two never disagree.
 *
 * @param title the heading above it
 * @param headers the column headers
 * @param rows the cells, as plain text
 */
public record Table(String title, List<String> headers, List<List<String>> rows) {

    /** @return the table as GitHub-flavoured Markdown, with a heading of level 3 */
    public String markdown() {
        StringBuilder sb = new StringBuilder("### ").append(title).append("\n\n");
        line(sb, headers);
        sb.append('|');
        headers.forEach(h -> sb.append(" --- |"));
        sb.append('\n');
        rows.forEach(r -> line(sb, r));
        return sb.append('\n').toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append('|');
        cells.forEach(c -> sb.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |"));
        sb.append('\n');
    }

    /** @return the table as an HTML {@code <h3>} and {@code <table>}, text escaped */
    public String html() {
        return "<h3>" + Html.escape(title) + "</h3>\n" + htmlTable();
    }

    /** @return the table alone as an HTML {@code <table>}, without its title, text escaped */
    public String htmlTable() {
        StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
        headers.forEach(h -> sb.append("<th>").append(Html.escape(h)).append("</th>"));
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            r.forEach(c -> sb.append("<td>").append(Html.text(c)).append("</td>"));
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }
}
