package org.jfallocate.report;

/** HTML text escaping. */
public final class Html {

    private Html() {
    }

    /**
     * @param text any text
     * @return the text with {@code & < > " '} escaped, safe inside elements and quoted attributes
     */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * @param text any text
     * @return the text escaped, with a value, its error and its unit kept on one line ({@code 49.8 ± 4.4 µs}
     *         never breaks at the ± or before the unit)
     */
    public static String text(String text) {
        return escape(text).replace(" ± ", "&nbsp;±&nbsp;")
                .replaceAll("(\\d) (ns|µs|ms|s|MiB/s|ops/s|faster|slower)(?![\\w/])", "$1&nbsp;$2");
    }
}
