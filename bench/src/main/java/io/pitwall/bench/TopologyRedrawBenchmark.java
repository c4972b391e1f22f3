package io.pitwall.bench;

import io.pitwall.connectors.kube.ClusterStates;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.Topology;
import io.pitwall.themes.Theme;
import io.pitwall.ui.topology.TopologyLayout;
import io.pitwall.ui.topology.TopologyView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * A full redraw of the generated 10,000-pod cluster's topology at 1600x1000 on a real JavaFX
 * Canvas, fitted (everything in view) and at a legible zoom (scale 1), in a scene that is not
 * shown (so no pulse renders a window between the frames measured). Each frame pans the view
 * by a pixel (so all of it is drawn anew) and is timed three times on the FX thread: issuing the
 * draw calls into the Canvas; that plus rasterising them (a one-pixel snapshot of the Canvas,
 * which makes Prism's software pipeline render all of the Canvas's commands into its image: the
 * redraw, as the budget means it); and that plus a snapshot of the whole view read back into a
 * 1600x1000 image (more than a frame on screen costs).
 * <ul>
 * <li>{@code -Dpitwall.bench.frames=N}: frames per case (default 200);</li>
 * <li>{@code -Dpitwall.bench.shown=true}: the scene in a shown window, whose pulses then render
 *     it between the frames (the render thread's time goes partly into the figures);</li>
 * <li>{@code -Dpitwall.bench.png=DIR}: each case's last frame written there as PNG.</li>
 * </ul>
 */
final class TopologyRedrawBenchmark {

    /** The budget for a full redraw, median. */
    static final double BUDGET_MS = 16;

    /** Medians and 95th percentiles, in ms: draw calls; with rasterising; with reading the frame back. */
    record Figures(double drawMedian, double drawP95, double renderMedian, double renderP95, double readMedian,
                   double readP95) {
    }

    private TopologyRedrawBenchmark() {
    }

    static Map<String, Figures> run() throws Exception {
        int frames = Integer.getInteger("pitwall.bench.frames", 200);
        String png = System.getProperty("pitwall.bench.png");
        ClusterState state = ClusterStates.from(GeneratedCluster.objects(10_000, 1_500, 2_000, 200), Map.of(), Set.of(),
                Set.of(), Instant.EPOCH);
        TopologyLayout layout = TopologyLayout.of(Topology.of(state));
        FxBench.start();
        boolean shown = Boolean.getBoolean("pitwall.bench.shown");
        TopologyView view = FxBench.call(() -> {
            TopologyView v = new TopologyView();
            Scene scene = new Scene(v, 1600, 1000);
            Theme.DARK.apply(scene);
            if (shown) {
                javafx.stage.Stage stage = new javafx.stage.Stage();
                stage.setScene(scene);
                stage.show();
            }
            // not shown: no pulse renders the window between frames, so a frame's figure is its own
            v.resize(1600, 1000);
            v.applyCss();
            v.layout();
            v.setLayout(layout);
            v.layout();
            return v;
        });
        FxBench.settle();
        Map<String, Figures> out = new LinkedHashMap<>();
        if (shown) {
            FxBench.settle();
        }
        FxBench.run(view::fit);
        out.put("fitted", measure(view, frames, png == null ? null : Path.of(png, "topology-fitted-dark.png")));
        FxBench.run(() -> {
            // the densest part: the top left band, at scale 1
            TopologyLayout.Band band = layout.bands().getFirst();
            view.setScale(1);
            view.centreOn(band.x() + 800, band.y() + 500);
        });
        out.put("scale 1", measure(view, frames, png == null ? null : Path.of(png, "topology-zoomed-dark.png")));
        if (png != null) {
            FxBench.run(() -> Theme.LIGHT.apply(view.getScene()));
            FxBench.settle();
            measure(view, 3, Path.of(png, "topology-zoomed-light.png"));
            FxBench.run(view::fit);
            measure(view, 3, Path.of(png, "topology-fitted-light.png"));
        }
        if (shown) {
            FxBench.run(() -> view.getScene().getWindow().hide());
        }
        return out;
    }

    private static Figures measure(TopologyView view, int frames, Path png) throws Exception {
        int warm = Math.min(30, frames);
        double[] draw = new double[frames];
        double[] render = new double[frames];
        double[] read = new double[frames];
        WritableImage image = new WritableImage(1600, 1000);
        WritableImage pixel = new WritableImage(1, 1);
        SnapshotParameters onePixel = new SnapshotParameters();
        onePixel.setViewport(new javafx.geometry.Rectangle2D(0, 0, 1, 1));
        Node canvas = view.lookup("#topology-canvas");
        for (int i = -warm; i < frames; i++) {
            int frame = i;
            double[] t = FxBench.call(() -> {
                double step = frame % 2 == 0 ? 1 : -1;
                long t0 = System.nanoTime();
                javafx.geometry.Rectangle2D v = view.viewport();
                view.centreOn(v.getMinX() + v.getWidth() / 2 + step / view.scale(), v.getMinY() + v.getHeight() / 2);
                view.redrawNow();
                long t1 = System.nanoTime();
                canvas.snapshot(onePixel, pixel);
                long t2 = System.nanoTime();
                view.snapshot(null, image);
                long t3 = System.nanoTime();
                return new double[] {(t1 - t0) / 1e6, (t2 - t0) / 1e6, (t3 - t0) / 1e6};
            });
            if (i >= 0) {
                draw[i] = t[0];
                render[i] = t[1];
                read[i] = t[2];
            }
        }
        if (png != null) {
            Files.createDirectories(png.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
        }
        return new Figures(FxBench.quantile(draw, 0.5), FxBench.quantile(draw, 0.95), FxBench.quantile(render, 0.5),
                FxBench.quantile(render, 0.95), FxBench.quantile(read, 0.5), FxBench.quantile(read, 0.95));
    }

    static void print(Map<String, Figures> figures) {
        System.out.println();
        figures.forEach((name, f) -> BenchMain.printBudget("topology redraw 1600x1000, " + name + ", median",
                f.renderMedian(), "ms", BUDGET_MS));
        if (Boolean.getBoolean("pitwall.bench.shown")) {
            System.out.println("  (in a shown window: its pulses render it between the frames, partly counted)");
        }
        System.out.println("  (10,000 pods on a Canvas, Prism's software pipeline; the redraw is the draw calls and their");
        System.out.println("  rasterising, forced by a one-pixel snapshot of the Canvas; median / p95 of each part:)");
        figures.forEach((name, f) -> {
            System.out.printf(Locale.ROOT, "  %-8s draw calls into the Canvas:         %6.1f ms / %6.1f ms%n", name, f.drawMedian(),
                    f.drawP95());
            System.out.printf(Locale.ROOT, "  %-8s draw and rasterise (the redraw):    %6.1f ms / %6.1f ms%n", name, f.renderMedian(),
                    f.renderP95());
            System.out.printf(Locale.ROOT, "  %-8s and read the 1600x1000 frame back: %6.1f ms / %6.1f ms%n", name, f.readMedian(),
                    f.readP95());
        });
    }

    public static void main(String[] args) throws Exception {
        print(run());
        System.exit(0);
    }
}
