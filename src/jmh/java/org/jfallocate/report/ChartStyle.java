package org.jfallocate.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** How every chart of a report looks: panel size, colours, strategy order, axis labels, the grid of panels. */
final class ChartStyle {

    /** Pixels of one panel. */
    static final int WIDTH = 620;
    static final int HEIGHT = 420;
    /** Panels a row. */
    static final int COLUMNS = 2;
    /** The strategies in the order the suite defines them; others follow alphabetically. */
    static final List<String> STRATEGY_ORDER = List.of("NONE", "SPARSE", "FALLOCATE", "FALLOCATE_KEEP_SIZE",
            "POSIX_FALLOCATE", "ZERO_RANGE", "WRITE_ZEROES", "ZERO_FILLED", "JFALLOCATE", "JFALLOCATE_HANDLE", "JNA", "C", "C_THREADED");
    static final Comparator<String> STRATEGIES = Comparator
            .comparingInt((String s) -> STRATEGY_ORDER.contains(s) ? STRATEGY_ORDER.indexOf(s) : STRATEGY_ORDER.size())
            .thenComparing(Comparator.naturalOrder());
    /** Series colours, in order. */
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf), new Color(0x393b79), new Color(0xad494a)};

    private ChartStyle() {
    }

    /** Applies the report's look to a chart. */
    static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
        s.setYAxisDecimalPattern("#,##0.###");
    }

    /** Height of one row of the shared legend, and the size of its colour swatch. */
    private static final int LEGEND_ROW = 26;
    private static final int SWATCH = 14;
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    /**
     * Writes {@code panels} as one PNG, two panels a row, under one legend shared by every panel: a legend
     * drawn by XChart in each panel is cut off at the panel's edges when it is wider than the panel. The legend
     * is left out when every panel has a single series (its title says what it is).
     *
     * @param panels the panels, at least one
     * @param file the PNG to write
     * @throws IOException if it cannot be written
     */
    static void saveGrid(List<Chart<?, ?>> panels, Path file) throws IOException {
        Map<String, Color> legend = new LinkedHashMap<>();
        for (Chart<?, ?> c : panels) {
            for (Object o : c.getSeriesMap().values()) {
                if (o instanceof XYSeries xy) {
                    legend.putIfAbsent(xy.getName(), xy.getLineColor() != null ? xy.getLineColor() : xy.getMarkerColor());
                } else if (o instanceof Series series) {
                    legend.putIfAbsent(series.getName(), series.getFillColor());
                }
            }
            c.getStyler().setLegendVisible(false);
        }
        boolean withLegend = legend.size() > 1;
        int cols = Math.min(COLUMNS, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        int width = cols * WIDTH;
        List<List<Map.Entry<String, Color>>> legendRows = withLegend ? legendRows(legend, width) : List.of();
        int top = legendRows.isEmpty() ? 0 : legendRows.size() * LEGEND_ROW + 12;
        BufferedImage image = new BufferedImage(width, top + rows * HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setFont(LEGEND_FONT);
            FontMetrics fm = g.getFontMetrics();
            for (int r = 0; r < legendRows.size(); r++) {
                List<Map.Entry<String, Color>> row = legendRows.get(r);
                int x = (width - rowWidth(row, fm)) / 2;
                int y = 8 + r * LEGEND_ROW;
                for (Map.Entry<String, Color> e : row) {
                    g.setColor(e.getValue() == null ? Color.GRAY : e.getValue());
                    g.fillRect(x, y + (LEGEND_ROW - SWATCH) / 2, SWATCH, SWATCH);
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(e.getKey(), x + SWATCH + 6, y + (LEGEND_ROW + fm.getAscent()) / 2 - 2);
                    x += entryWidth(e.getKey(), fm);
                }
            }
            for (int i = 0; i < panels.size(); i++) {
                BufferedImage panel = BitmapEncoder.getBufferedImage(panels.get(i));
                g.drawImage(panel, (i % cols) * WIDTH, top + (i / cols) * HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static int entryWidth(String name, FontMetrics fm) {
        return SWATCH + 6 + fm.stringWidth(name) + 22;
    }

    private static int rowWidth(List<Map.Entry<String, Color>> row, FontMetrics fm) {
        return row.stream().mapToInt(e -> entryWidth(e.getKey(), fm)).sum() - 22;
    }

    /** Legend entries in rows that fit {@code width}, in the panels' series order. */
    private static List<List<Map.Entry<String, Color>>> legendRows(Map<String, Color> legend, int width) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        g.setFont(LEGEND_FONT);
        FontMetrics fm = g.getFontMetrics();
        List<List<Map.Entry<String, Color>>> rows = new ArrayList<>();
        List<Map.Entry<String, Color>> row = new ArrayList<>();
        int used = 0;
        for (Map.Entry<String, Color> e : legend.entrySet()) {
            int w = entryWidth(e.getKey(), fm);
            if (!row.isEmpty() && used + w > width - 40) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(e);
            used += w;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        g.dispose();
        return rows;
    }

    static double log2(long v) {
        return Math.log(v) / Math.log(2);
    }

    /** Labels whole powers of two on a log2(size) axis with the size; other ticks stay blank. */
    static String bytesTick(double log2) {
        if (Math.abs(log2 - Math.rint(log2)) > 1e-9) {
            return " ";
        }
        double v = Math.pow(2, Math.rint(log2));
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (u < units.length - 1 && v >= 1024) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.0f %s", v, units[u]);
    }

    /** Labels whole numbers of nines on a log10(1 / (1 - p)) axis; other ticks stay blank. */
    static String percentileTick(double nines) {
        if (Math.abs(nines - Math.rint(nines)) > 1e-9) {
            return " ";
        }
        double p = 100 * (1 - Math.pow(10, -Math.rint(nines)));
        String s = String.format(Locale.ROOT, "%.4f", p).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }
}
