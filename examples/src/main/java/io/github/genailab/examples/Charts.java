package io.github.genailab.examples;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The lectures' chart shapes in one house style (800×500 pixels, legend inside the plot), so no lecture
 * repeats XChart's builder boilerplate.
 */
public final class Charts {

    /** Width of every chart, in pixels. */
    public static final int WIDTH = 800;
    /** Height of every chart, in pixels. */
    public static final int HEIGHT = 500;

    private Charts() {
    }

    /**
     * An empty line/scatter chart.
     *
     * @param title the chart title
     * @param xTitle the x-axis title
     * @param yTitle the y-axis title
     * @return the chart
     */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    /**
     * Adds a line without markers.
     *
     * @param chart the chart
     * @param name the legend entry
     * @param x the abscissae
     * @param y the ordinates
     * @return the series, for further styling
     */
    public static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(SeriesLines.SOLID);
        return series;
    }

    /**
     * Adds unconnected points.
     *
     * @param chart the chart
     * @param name the legend entry
     * @param x the abscissae
     * @param y the ordinates
     * @return the series, for further styling
     */
    public static XYSeries points(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return series;
    }

    /**
     * An empty bar chart.
     *
     * @param title the chart title
     * @param xTitle the category-axis title
     * @param yTitle the value-axis title
     * @return the chart
     */
    public static CategoryChart bars(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    /**
     * A heat map of a matrix, row 0 at the top, on a blue-white-red scale from {@code min} to {@code max}.
     *
     * @param title the chart title
     * @param rowTitle what the rows are
     * @param columnTitle what the columns are
     * @param matrix the values, {@code matrix[row][column]}
     * @param min the value drawn darkest blue
     * @param max the value drawn darkest red
     * @return the chart
     */
    public static HeatMapChart heatMap(String title, String rowTitle, String columnTitle, double[][] matrix,
            double min, double max) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH / 2 + 100).height(HEIGHT)
                .title(title).xAxisTitle(columnTitle).yAxisTitle(rowTitle).build();
        int rows = matrix.length;
        int columns = matrix[0].length;
        int[] x = new int[columns];
        int[] y = new int[rows];
        List<Number[]> cells = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            x[c] = c;
        }
        for (int r = 0; r < rows; r++) {
            y[r] = rows - 1 - r;
            for (int c = 0; c < columns; c++) {
                cells.add(new Number[] {c, rows - 1 - r, matrix[r][c]});
            }
        }
        chart.addSeries(title, toList(x), toList(y), cells);
        chart.getStyler().setMin(min).setMax(max)
                .setRangeColors(new Color[] {new Color(0x3B4CC0), Color.WHITE, new Color(0xB40426)})
                .setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotContentSize(1.0);
        return chart;
    }

    /**
     * Boxes values for XChart's list-based series.
     *
     * @param values the values
     * @return them as a list
     */
    public static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static List<Integer> toList(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
