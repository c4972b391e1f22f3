package io.pitwall.ui.traces;

import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.ui.fx.SceneHooks;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A search's traces as points: when each started (across) against how long it took (up), bigger
 * for more spans, red when it has errors. A click picks the nearest trace. Drawn on a Canvas, at
 * most once per pulse.
 */
public final class TraceScatter extends Region {

    private static final double PAD_L = 52;
    private static final double PAD_B = 18;
    private static final double PAD_T = 8;
    private static final double PAD_R = 10;

    private final Canvas canvas = new Canvas();
    private final WaterfallColours colours = new WaterfallColours();
    private final ObservableList<TraceSummary> items;
    private final Font small = Font.font("System", 10);
    private Consumer<TraceSummary> onPick = s -> { };
    private String selected = "";
    private boolean dirty = true;
    private long frames;

    public TraceScatter(ObservableList<TraceSummary> items) {
        this.items = items;
        setId("trace-scatter");
        canvas.setId("trace-scatter-canvas");
        getChildren().add(canvas);
        getChildren().addAll(colours.probes());
        setMinSize(120, 80);
        setPrefSize(360, 160);
        items.addListener((ListChangeListener<TraceSummary>) c -> requestRedraw());
        SceneHooks.install(this, () -> {
            if (dirty) {
                redrawNow();
            }
        }, () -> {
            colours.read();
            requestRedraw();
        });
        canvas.setOnMouseClicked(e -> pick(e.getX(), e.getY()).ifPresent(s -> {
            select(s.traceId());
            onPick.accept(s);
        }));
    }

    /** What a click on a point does (the pane opens the trace). */
    public void setOnPick(Consumer<TraceSummary> action) {
        onPick = action == null ? s -> { } : action;
    }

    /** Rings the point of this trace. */
    public void select(String traceId) {
        selected = traceId == null ? "" : traceId;
        requestRedraw();
    }

    private long[] bounds() {
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        long dmax = 1;
        for (TraceSummary s : items) {
            t0 = Math.min(t0, s.startNanos());
            t1 = Math.max(t1, s.startNanos());
            dmax = Math.max(dmax, s.durationNanos());
        }
        if (t0 >= t1) {
            t0 = t0 == Long.MAX_VALUE ? 0 : t0 - 1_000_000_000L;
            t1 = t0 + 2_000_000_000L;
        }
        return new long[] {t0, t1, dmax};
    }

    /** Where the point of {@code s} is drawn. */
    public javafx.geometry.Point2D pointOf(TraceSummary s) {
        long[] b = bounds();
        double inset = 12; // the biggest point stays inside the plot
        double w = canvas.getWidth() - PAD_L - PAD_R - 2 * inset;
        double h = canvas.getHeight() - PAD_T - PAD_B;
        double x = PAD_L + inset + (double) (s.startNanos() - b[0]) / (b[1] - b[0]) * w;
        double y = PAD_T + h - (double) s.durationNanos() / (b[2] * 1.08) * h;
        return new javafx.geometry.Point2D(x, y);
    }

    private double radius(TraceSummary s) {
        return 3 + Math.min(7, Math.log10(Math.max(1, s.spanCount())) * 2);
    }

    java.util.Optional<TraceSummary> pick(double x, double y) {
        TraceSummary best = null;
        double bestD = 12 * 12;
        for (TraceSummary s : items) {
            javafx.geometry.Point2D p = pointOf(s);
            double d = (p.getX() - x) * (p.getX() - x) + (p.getY() - y) * (p.getY() - y);
            if (d <= bestD) {
                bestD = d;
                best = s;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private void requestRedraw() {
        dirty = true;
        Platform.requestNextPulse();
    }

    public long frames() {
        return frames;
    }

    public void redrawNow() {
        dirty = false;
        frames++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(colours.bg());
        g.fillRect(0, 0, w, h);
        g.setStroke(colours.border());
        g.strokeLine(PAD_L + 0.5, PAD_T, PAD_L + 0.5, h - PAD_B);
        g.strokeLine(PAD_L, h - PAD_B + 0.5, w - PAD_R, h - PAD_B + 0.5);
        g.setFont(small);
        g.setFill(colours.muted());
        g.setTextBaseline(VPos.CENTER);
        if (items.isEmpty()) {
            g.fillText("duration over time", PAD_L + 8, h / 2);
            return;
        }
        long[] b = bounds();
        g.fillText(Durations.format(b[2]), 4, PAD_T + (h - PAD_T - PAD_B) * (1 - 1 / 1.08));
        g.fillText("0", 4, h - PAD_B);
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(java.time.ZoneId.systemDefault());
        g.fillText(f.format(java.time.Instant.ofEpochSecond(0, b[0])), PAD_L, h - PAD_B / 2);
        g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        g.fillText(f.format(java.time.Instant.ofEpochSecond(0, b[1])), w - PAD_R, h - PAD_B / 2);
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        List<TraceSummary> list = List.copyOf(items);
        for (TraceSummary s : list) {
            javafx.geometry.Point2D p = pointOf(s);
            double r = radius(s);
            Color c = s.errorCount() > 0 ? colours.critical() : colours.accent();
            g.setFill(c.deriveColor(0, 1, 1, 0.55));
            g.fillOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
            g.setStroke(c);
            g.strokeOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
            if (s.traceId().equals(selected)) {
                g.setStroke(colours.fg());
                g.setLineWidth(2);
                g.strokeOval(p.getX() - r - 3, p.getY() - r - 3, 2 * r + 6, 2 * r + 6);
                g.setLineWidth(1);
            }
        }
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            dirty = true;
        }
        if (dirty) {
            redrawNow();
        }
    }
}
