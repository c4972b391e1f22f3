package io.pitwall.bench;

import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.traces.TraceFile;
import io.pitwall.connectors.traces.TraceFiles;
import io.pitwall.connectors.traces.TraceGenerator;
import io.pitwall.themes.Theme;
import io.pitwall.ui.traces.TraceWaterfall;
import io.pitwall.ui.traces.WaterfallData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The Traces issue's waterfall budgets on generated Jaeger traces ({@link TraceGenerator}) of
 * 100,000, 250,000 and 500,000 spans, at 1600x1000: the first frame after the parse (the rows and
 * critical path worked out, as the pane does off the FX thread, then shown, laid out and drawn: a
 * one-pixel snapshot rasterises the Canvas), under 0.5 s for 100,000 spans; parse plus first frame
 * under 3.3 s for 250,000; and a redraw (scrolling one row; collapsing and expanding a subtree),
 * timed from the pulse's start to the drawn Canvas, under 16 ms median.
 */
final class TraceWaterfallBenchmark {

    static final double FIRST_FRAME_BUDGET_MS = 500;
    static final double TOTAL_250K_BUDGET_MS = 3300;
    static final double REDRAW_BUDGET_MS = 16;
    static final int[] SIZES = {100_000, 250_000, 500_000};

    record Size(int spans, double parseMillis, double rowsMillis, double frameMillis, double scrollMedian,
                double toggleMedian) {

        double firstFrameMillis() {
            return rowsMillis + frameMillis;
        }
    }

    private TraceWaterfallBenchmark() {
    }

    static List<Size> run() throws Exception {
        FxBench.start();
        List<Size> out = new ArrayList<>();
        for (int spans : SIZES) {
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            TraceGenerator.write(json, spans, 1);
            byte[] bytes = json.toByteArray();
            json = null;
            // one warm-up round of everything (the JIT), then the measured one
            measure(bytes);
            out.add(measure(bytes));
            System.gc();
        }
        return out;
    }

    private static Size measure(byte[] bytes) throws Exception {
        long t0 = System.nanoTime();
        TraceFile file = TraceFiles.read(new ByteArrayInputStream(bytes));
        Trace trace = file.traces().getFirst();
        long t1 = System.nanoTime();
        WaterfallData data = WaterfallData.of(trace); // off the FX thread, as the pane does
        long t2 = System.nanoTime();
        long[] pulseStart = new long[1];
        CompletableFuture<?>[] drawn = new CompletableFuture<?>[1];
        WritableImage pixel = new WritableImage(1, 1);
        SnapshotParameters onePixel = new SnapshotParameters();
        onePixel.setViewport(new javafx.geometry.Rectangle2D(800, 500, 1, 1));
        TraceWaterfall view = FxBench.call(() -> new TraceWaterfall(Runnable::run, Runnable::run));
        double frame = FxBench.call(() -> {
            long s = System.nanoTime();
            StackPane root = new StackPane(view);
            Scene scene = new Scene(root, 1600, 1000);
            Theme.DARK.apply(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            view.setData(data);
            root.applyCss();
            root.layout();
            view.snapshot(onePixel, pixel);
            scene.addPreLayoutPulseListener(() -> pulseStart[0] = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                if (drawn[0] != null && !drawn[0].isDone()) {
                    view.snapshot(onePixel, pixel);
                    drawn[0].complete(null);
                }
            });
            return (System.nanoTime() - s) / 1e6;
        });
        FxBench.settle();
        int frames = Integer.getInteger("pitwall.bench.frames", 60);
        double[] scroll = new double[frames];
        double[] toggle = new double[frames];
        int parent = firstWithChildren(trace);
        for (int i = -10; i < frames; i++) {
            int k = i;
            scroll[Math.max(0, i)] = frame(pulseStart, drawn, () -> view.scrollTo(view.topRow() + (k % 2 == 0 ? 1 : -1)));
            toggle[Math.max(0, i)] = frame(pulseStart, drawn, () -> view.toggle(parent));
        }
        FxBench.run(() -> view.getScene().getWindow().hide());
        return new Size(trace.spanCount(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, frame,
                FxBench.quantile(scroll, 0.5), FxBench.quantile(toggle, 0.5));
    }

    /** One change and the frame it causes, in ms from the pulse's start to the drawn Canvas. */
    private static double frame(long[] pulseStart, CompletableFuture<?>[] drawn, Runnable change) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        FxBench.run(() -> {
            drawn[0] = done;
            change.run();
            Platform.requestNextPulse();
        });
        done.get(30, TimeUnit.SECONDS);
        return (System.nanoTime() - pulseStart[0]) / 1e6;
    }

    /** A span near the top with children (collapsing it changes the rows below). */
    private static int firstWithChildren(Trace t) {
        int[] order = t.preorder();
        for (int i = 1; i < order.length; i++) {
            if (t.childCount(order[i]) > 3) {
                return order[i];
            }
        }
        return order[0];
    }

    static void print(List<Size> sizes) {
        System.out.println();
        for (Size s : sizes) {
            String n = String.format(Locale.ROOT, "%,d spans", s.spans());
            if (s.spans() == 100_000) {
                BenchMain.printBudget("trace waterfall " + n + ", first frame after the parse", s.firstFrameMillis(), "ms",
                        FIRST_FRAME_BUDGET_MS);
            }
            if (s.spans() == 250_000) {
                BenchMain.printBudget("trace waterfall " + n + ", parse and first frame", s.parseMillis() + s.firstFrameMillis(),
                        "ms", TOTAL_250K_BUDGET_MS);
            }
            BenchMain.printBudget("trace waterfall " + n + ", redraw scrolling a row, median", s.scrollMedian(), "ms",
                    REDRAW_BUDGET_MS);
            BenchMain.printBudget("trace waterfall " + n + ", redraw collapsing a subtree, median", s.toggleMedian(), "ms",
                    REDRAW_BUDGET_MS);
            System.out.printf(Locale.ROOT, "  %s: parse %.0f ms, rows and critical path %.0f ms, first frame drawn %.0f ms%n",
                    n, s.parseMillis(), s.rowsMillis(), s.frameMillis());
        }
    }
}
