package org.jfallocate.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
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

    /**
     * Writes {@code panels} as one PNG, two panels a row.
     *
     * @param panels the panels, at least one
     * @param file the PNG to write
     * @throws IOException if it cannot be written
     */
    static void saveGrid(List<Chart<?, ?>> panels, Path file) throws IOException {
        List<Chart<?, ?>> grid = new ArrayList<>(panels);
        int cols = Math.min(COLUMNS, grid.size());
        int rows = (grid.size() + cols - 1) / cols;
        while (grid.size() < rows * cols) {
            grid.add(blank());
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Chart> list = (List) grid;
        BitmapEncoder.saveBitmap(list, rows, cols, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static Chart<?, ?> blank() {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBorderVisible(false);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setChartTitleVisible(false);
        chart.getStyler().setAxisTitlesVisible(false);
        return chart;
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
