package io.pitwall.bench;

import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.metrics.Unit;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.themes.Theme;
import io.pitwall.ui.metrics.ChartData;
import io.pitwall.ui.metrics.MetricChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * 50 series of 20,000 points (1,000,000 points) in one chart at 1600x1000, shown on a stage:
 * Pitwall's chart (chart-fx on a Canvas, reduced to what the pixels show) against JavaFX's own
 * LineChart on the same data, in the same run. A chart-fx frame pans the time axis by a step and
 * is timed from the pulse's start (a pre-layout listener) to after the chart has drawn (a
 * post-layout listener) and its Canvas is rasterised (a one-pixel snapshot). LineChart's frame
 * is its first layout and snapshot with all the points, capped at {@code pitwall.bench.linechart.seconds}
 * (default 120).
 */
final class ChartRedrawBenchmark {

    static final double BUDGET_MS = 16;
    static final int SERIES = Integer.getInteger("pitwall.bench.chart.series", 50);
    static final int POINTS = Integer.getInteger("pitwall.bench.chart.points", 20_000);

    record Figures(double median, double p95, double lineChartMillis, boolean lineChartFinished) {
    }

    private ChartRedrawBenchmark() {
    }

    static ChartData data() {
        long start = 1_795_000_000_000L;
        List<ChartData.Line> lines = new ArrayList<>();
        java.util.Random r = new java.util.Random(1);
        for (int s = 0; s < SERIES; s++) {
            long[] t = new long[POINTS];
            double[] v = new double[POINTS];
            double level = 1e8 + s * 4e6;
            for (int i = 0; i < POINTS; i++) {
                t[i] = start + i * 15_000L;
                level += (r.nextDouble() - 0.5) * 1e6;
                v[i] = level;
            }
            lines.add(new ChartData.Line("pod-" + s, PanelSpec.Role.VALUE, new MetricSeries(Map.of("pod", "pod-" + s), t, v)));
        }
        return new ChartData("memory", "Memory", Unit.BYTES, lines, Optional.empty());
    }

    static Figures run() throws Exception {
        int frames = Integer.getInteger("pitwall.bench.frames", 100);
        ChartData data = data();
        FxBench.start();
        StackPane root = new StackPane();
        long[] pulseStart = new long[1];
        CompletableFuture<?>[] drawn = new CompletableFuture<?>[1];
        WritableImage pixel = new WritableImage(1, 1);
        SnapshotParameters onePixel = new SnapshotParameters();
        // one pixel in the middle of the plot: rasterising it renders the chart's Canvas
        onePixel.setViewport(new javafx.geometry.Rectangle2D(800, 500, 1, 1));
        MetricChart chart = FxBench.call(() -> {
            Scene scene = new Scene(root, 1600, 1000);
            Theme.DARK.apply(scene);
            // before the chart's own listeners: the frame starts here
            scene.addPreLayoutPulseListener(() -> pulseStart[0] = System.nanoTime());
            MetricChart c = new MetricChart();
            root.getChildren().add(c);
            c.show(data);
            // after the chart's own: it has drawn
            scene.addPostLayoutPulseListener(() -> {
                if (drawn[0] != null && !drawn[0].isDone()) {
                    c.chart().snapshot(onePixel, pixel);
                    drawn[0].complete(null);
                }
            });
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return c;
        });
        FxBench.settle();
        double[] times = new double[frames];
        int warm = Math.min(20, frames);
        io.fair_acc.chartfx.axes.Axis x = chart.chart().getXAxis();
        for (int i = -warm; i < frames; i++) {
            int frame = i;
            CompletableFuture<Void> done = new CompletableFuture<>();
            FxBench.run(() -> {
                drawn[0] = done;
                double shift = frame % 2 == 0 ? 15 : -15;
                x.set(x.getMin() + shift, x.getMax() + shift);
                chart.chart().invalidate();
                Platform.requestNextPulse();
            });
            done.get(30, TimeUnit.SECONDS);
            if (i >= 0) {
                times[i] = (System.nanoTime() - pulseStart[0]) / 1e6;
            }
        }
        String png = System.getProperty("pitwall.bench.chart.png");
        if (png != null) { // a picture of the chart, to look at
            FxBench.run(() -> {
                try {
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(root.snapshot(null, null), null),
                            "png", new java.io.File(png));
                } catch (java.io.IOException e) {
                    System.err.println("cannot write " + png + ": " + e.getMessage());
                }
            });
        }
        FxBench.run(() -> root.getScene().getWindow().hide());
        long cap = Long.getLong("pitwall.bench.linechart.seconds", 120);
        double lineChart = -1;
        boolean finished = true;
        try {
            lineChart = lineChartFirstFrame(data, cap);
        } catch (TimeoutException e) {
            finished = false;
            lineChart = cap * 1000.0;
        }
        return new Figures(FxBench.quantile(times, 0.5), FxBench.quantile(times, 0.95), lineChart, finished);
    }

    /** JavaFX's LineChart with the same points (no symbols): its first layout and picture, in ms. */
    private static double lineChartFirstFrame(ChartData data, long capSeconds) throws Exception {
        CompletableFuture<Double> took = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            NumberAxis xAxis = new NumberAxis();
            NumberAxis yAxis = new NumberAxis();
            xAxis.setForceZeroInRange(false);
            LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
            chart.setCreateSymbols(false);
            chart.setAnimated(false);
            for (ChartData.Line line : data.lines()) {
                List<XYChart.Data<Number, Number>> points = new ArrayList<>(line.series().size());
                for (int i = 0; i < line.series().size(); i++) {
                    points.add(new XYChart.Data<>(line.series().timesMillis()[i] / 1000.0, line.series().values()[i]));
                }
                chart.getData().add(new XYChart.Series<>(line.label(), javafx.collections.FXCollections.observableArrayList(points)));
            }
            Scene scene = new Scene(new StackPane(chart), 1600, 1000);
            chart.applyCss();
            chart.layout();
            chart.snapshot(null, new WritableImage(1600, 1000));
            took.complete((System.nanoTime() - t0) / 1e6);
        });
        return took.get(capSeconds, TimeUnit.SECONDS);
    }

    static void print(Figures f) {
        System.out.println();
        BenchMain.printBudget(String.format(Locale.ROOT, "chart redraw 1600x1000, %,d points, median", (long) SERIES * POINTS), f.median(), "ms", BUDGET_MS);
        System.out.printf(Locale.ROOT, "  chart-fx (Pitwall's chart): median %.1f ms, p95 %.1f ms a frame (%d series of %,d points)%n",
                f.median(), f.p95(), SERIES, POINTS);
        if (f.lineChartFinished()) {
            System.out.printf(Locale.ROOT, "  JavaFX LineChart, same data: %.0f ms for its first frame, %.0fx the chart-fx frame%n",
                    f.lineChartMillis(), f.lineChartMillis() / f.median());
        } else {
            System.out.printf(Locale.ROOT, "  JavaFX LineChart, same data: no first frame within %.0f s (over %.0fx the chart-fx frame)%n",
                    f.lineChartMillis() / 1000, f.lineChartMillis() / f.median());
        }
    }

    public static void main(String[] args) throws Exception {
        print(run());
        System.exit(0);
    }
}
