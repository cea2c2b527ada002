package nl.monitor.reporting.document;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/** The report's figures, drawn by JFreeChart from the report objects' own numbers, as PNG. */
final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    private Charts() {
    }

    /** One bar per series and category; a null value draws no bar. */
    record Series(String name, List<Double> values) {
    }

    /** The points of one series of a scatter chart. */
    record Points(String name, List<double[]> xy) {
    }

    /**
     * A scatter chart over whole-number x values (grades): one marker per point, a colour and shape per series, each
     * series drawn a little beside the whole number (the earlier left, the later right) so that none hides another.
     */
    static String scatter(String xAxis, String yAxis, List<Points> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < series.size(); i++) {
            double offset = (i - (series.size() - 1) / 2.0) * 0.2;
            XYSeries points = new XYSeries(series.get(i).name(), false, true);
            series.get(i).xy().forEach(p -> points.add(p[0] + offset, p[1]));
            data.addSeries(points);
        }
        JFreeChart chart = ChartFactory.createScatterPlot(null, xAxis, yAxis, data, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(Color.GRAY);
        NumberAxis grade = (NumberAxis) plot.getDomainAxis();
        grade.setRange(0.5, 10.5);
        grade.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        return png(chart);
    }

    static String bars(String valueAxis, List<String> categories, List<Series> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Series s : series) {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(s.values().get(i), s.name(), categories.get(i));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, valueAxis, data, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.GRAY);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
        chart.getCategoryPlot().getDomainAxis().setTickLabelFont(font);
        chart.getCategoryPlot().getRangeAxis().setTickLabelFont(font);
        chart.getCategoryPlot().getRangeAxis().setLabelFont(font);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(font);
        }
        return png(chart);
    }

    private static String png(JFreeChart chart) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.getDomainAxis().setTickLabelFont(font);
            plot.getDomainAxis().setLabelFont(font);
            plot.getRangeAxis().setTickLabelFont(font);
            plot.getRangeAxis().setLabelFont(font);
            if (chart.getLegend() != null) {
                chart.getLegend().setItemFont(font);
            }
        }
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
            return Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Drawing a chart in memory failed", e);
        }
    }
}
