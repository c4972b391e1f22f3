package io.pitwall.ui.metrics;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.metrics.Unit;
import io.pitwall.connectors.model.MetricSeries;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * One resource graph, drawn by chart-fx on a Canvas: a time axis, values in their unit, a
 * crosshair with values, drag to zoom (right-click or the zoomer's reset to undo), pan with the
 * middle button, legend entries that hide and show their line, requests and limits dashed.
 * A line denser than the pixels is drawn as its min/max per pixel envelope ({@link EnvelopeRenderer}),
 * so a million points draw about as fast as a few thousand.
 */
public final class MetricChart extends BorderPane {

    private final Label title = new Label();
    private final Label problem = new Label();
    private final DefaultNumericAxis x = new DefaultNumericAxis();
    private final DefaultNumericAxis y = new DefaultNumericAxis();
    private final XYChart chart = new XYChart(x, y);
    private final EnvelopeRenderer lines = new EnvelopeRenderer();
    private final ErrorDataSetRenderer thresholds = new ErrorDataSetRenderer();
    private final Zoomer zoomer = new Zoomer(AxisMode.X);
    private final CrosshairIndicator crosshair = new CrosshairIndicator();
    private final DataPointTooltip tooltip = new DataPointTooltip();
    private ChartData shown;
    /** The shared time cursor's marker, on the chart only while the cursor is in its range. */
    private final XValueIndicator marker;
    private TimeLinks links = TimeLinks.NONE;
    private double pressedX = Double.NaN;

    /** What the chart tells the rest of the workspace about time: hovers, clicks and dragged windows. */
    public interface TimeLinks {
        TimeLinks NONE = new TimeLinks() { };

        default void hover(Instant at) {
        }

        default void hoverEnded() {
        }

        default void clicked(Instant at) {
        }

        default void rangeDragged(io.pitwall.connectors.model.TimeRange range) {
        }
    }

    public MetricChart() {
        getStyleClass().add("pw-metric-chart");
        title.getStyleClass().add("pw-metric-chart-title");
        problem.getStyleClass().add("pw-metric-chart-problem");
        problem.setWrapText(true);
        problem.setVisible(false);
        x.setTimeAxis(true);
        x.setAutoRangeRounding(false);
        x.setAutoRangePadding(0);
        y.setAutoRangeRounding(true);
        y.setForceZeroInRange(true);
        thresholds.setDrawMarker(false);
        thresholds.setErrorStyle(ErrorStyle.NONE);
        thresholds.setPolyLineStyle(LineStyle.NORMAL);
        thresholds.setAllowNaNs(true); // a gap in the data stays a gap
        chart.getRenderers().setAll(lines, thresholds);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        zoomer.setPannerEnabled(true);
        zoomer.setSliderVisible(false);
        // the crosshair and the tooltip say the time of day and the value in the chart's unit
        StringConverter<Number> time = new StringConverter<>() {
            private final java.time.format.DateTimeFormatter hms = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                    .withZone(java.time.ZoneId.systemDefault());

            @Override
            public String toString(Number seconds) {
                return seconds == null ? "" : hms.format(Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000)));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        };
        crosshair.setXValueFormatter(time);
        tooltip.setXValueFormatter(time);
        chart.getPlugins().addAll(zoomer, crosshair, tooltip);
        chart.getToolBar().setVisible(false);
        chart.getToolBar().setManaged(false);
        chart.setMinHeight(160);
        // chart-fx caches its plot canvas as a bitmap; the canvas keeps its own picture already,
        // and a chart that pans or refreshes redraws it every frame, so the cache only adds a
        // full-size copy to each frame (about a fifth of a 1600x1000 frame in software rendering)
        chart.getCanvas().setCache(false);
        x.getCanvas().setCache(false);
        y.getCanvas().setCache(false);
        setTop(title);
        setCenter(new StackPane(chart, problem));
        marker = new XValueIndicator(x, 0);
        marker.setEditable(false);
        // filters: the zoomer and the crosshair consume the plot's mouse events before they bubble
        chart.addEventFilter(MouseEvent.MOUSE_MOVED, e -> timeAt(e).ifPresentOrElse(links::hover, links::hoverEnded));
        chart.addEventFilter(MouseEvent.MOUSE_EXITED_TARGET, e -> {
            if (e.getTarget() == chart) {
                links.hoverEnded();
            }
        });
        chart.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> pressedX = e.getButton() == MouseButton.PRIMARY
                && timeAt(e).isPresent() ? e.getSceneX() : Double.NaN);
        chart.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
    }

    /** Where the chart's hovers, clicks and dragged windows go. */
    public void setTimeLinks(TimeLinks links) {
        this.links = links == null ? TimeLinks.NONE : links;
    }

    /** Draws the shared cursor at {@code at}, or no marker when null or outside the chart's range. */
    public void showCursor(Instant at) {
        double v = at == null ? Double.NaN : at.toEpochMilli() / 1000.0;
        boolean inside = !Double.isNaN(v) && v >= x.getMin() && v <= x.getMax();
        if (inside) {
            marker.setValue(v);
            if (!chart.getPlugins().contains(marker)) {
                chart.getPlugins().add(marker);
            }
        } else {
            chart.getPlugins().remove(marker);
        }
    }

    /** Whether the cursor's marker is drawn now (for tests). */
    public boolean cursorShown() {
        return chart.getPlugins().contains(marker);
    }

    private void released(MouseEvent e) {
        double from = pressedX;
        pressedX = Double.NaN;
        if (Double.isNaN(from) || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        // a drag that ends past the plot's edge ends at the edge
        javafx.geometry.Bounds axis = x.localToScene(x.getBoundsInLocal());
        java.util.Optional<Instant> at = timeAtScene(Math.max(axis.getMinX(), Math.min(axis.getMaxX(), e.getSceneX())));
        if (Math.abs(e.getSceneX() - from) < 4) {
            at.ifPresent(links::clicked);
            return;
        }
        java.util.Optional<Instant> start = timeAtScene(from);
        if (at.isPresent() && start.isPresent()) {
            Instant a = start.get().isBefore(at.get()) ? start.get() : at.get();
            Instant b = start.get().isBefore(at.get()) ? at.get() : start.get();
            links.rangeDragged(new io.pitwall.connectors.model.TimeRange(a, b));
        }
    }

    private java.util.Optional<Instant> timeAt(MouseEvent e) {
        return timeAtScene(e.getSceneX());
    }

    /** The time under scene x, when the chart has a range. */
    java.util.Optional<Instant> timeAtScene(double sceneX) {
        if (shown == null || x.getMax() <= x.getMin()) {
            return java.util.Optional.empty();
        }
        double local = x.sceneToLocal(sceneX, 0).getX();
        if (local < 0 || local > x.getWidth()) {
            return java.util.Optional.empty(); // left of the plot (the value axis) or right of it
        }
        double seconds = x.getValueForDisplay(local);
        if (!Double.isFinite(seconds)) {
            return java.util.Optional.empty();
        }
        seconds = Math.max(x.getMin(), Math.min(x.getMax(), seconds));
        return java.util.Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
    }

    /** Shows {@code data}: its lines, its unit on the value axis and, if any, its problem. */
    public void show(ChartData data) {
        shown = data;
        title.setText(data.title());
        Unit unit = data.unit();
        StringConverter<Number> inUnit = new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : Units.format(unit, n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        };
        y.setTickLabelFormatter(inUnit);
        crosshair.setYValueFormatter(inUnit);
        tooltip.setYValueFormatter(inUnit);
        List<DataSet> values = new ArrayList<>();
        List<DataSet> dashed = new ArrayList<>();
        for (ChartData.Line line : data.lines()) {
            (line.role() == PanelSpec.Role.VALUE ? values : dashed).add(dataSet(line));
        }
        lines.getDatasets().setAll(values);
        thresholds.getDatasets().setAll(dashed);
        zoomer.clear();
        fitValueAxis(data);
        problem.setText(data.problem().orElse(""));
        problem.setVisible(data.problem().isPresent());
    }

    /**
     * The value axis from zero to a little above the highest value of every line, thresholds
     * included (chart-fx's own auto-range was seen to leave a limit line out of view).
     */
    private void fitValueAxis(ChartData data) {
        double min = 0;
        double max = 0;
        for (ChartData.Line line : data.lines()) {
            for (double v : line.series().values()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (max <= min) {
            max = min + 1;
        }
        y.setAutoRanging(false);
        y.set(min, max + (max - min) * 0.08);
        y.setTickUnit(y.computePreferredTickUnit(y.getLength() > 0 ? y.getLength() : 200));
    }

    private static DataSet dataSet(ChartData.Line line) {
        MetricSeries s = line.series();
        double[] xs = new double[s.size()];
        long[] t = s.timesMillis();
        for (int i = 0; i < xs.length; i++) {
            xs[i] = t[i] / 1000.0; // the time axis counts seconds
        }
        DoubleDataSet set = new DoubleDataSet(line.label(), xs, s.values().clone(), xs.length, false);
        if (line.role() != PanelSpec.Role.VALUE) {
            String colour = line.role() == PanelSpec.Role.LIMIT ? "-pw-critical" : "-pw-warn";
            set.setStyle("-fx-line-dash-array: 6 4; -fx-line-width: 1.5; -fx-line-color: " + colour + "; -fx-marker-color: "
                    + colour + ";");
        }
        return set;
    }

    public ChartData shown() {
        return shown;
    }

    /** Every line's data set: the values first, then requests and limits. */
    public List<DataSet> dataSets() {
        List<DataSet> all = new ArrayList<>(lines.getDatasets());
        all.addAll(thresholds.getDatasets());
        return all;
    }

    /** How many frames drew a line as its envelope (a line denser than the pixels). */
    public long envelopeFrames() {
        return lines.denseFrames();
    }

    public XYChart chart() {
        return chart;
    }

    public Label problemLabel() {
        return problem;
    }
}
