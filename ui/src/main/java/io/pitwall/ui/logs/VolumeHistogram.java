package io.pitwall.ui.logs;

import io.pitwall.connectors.model.TimeRange;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * How many lines per time bucket, stacked by level, above the lines; where the search hits are,
 * as ticks under the bars. Dragging across it selects a time range (the app makes it the shared
 * range). Drawn on a Canvas from counts computed off the FX thread.
 */
public final class VolumeHistogram extends Region {

    static final double HEIGHT = 56;

    private final Canvas canvas = new Canvas();
    private final LogColours colours = new LogColours();
    private int[][] counts = new int[0][0];
    private int[] hits = new int[0];
    private long from;
    private long to;
    private double dragFrom = -1;
    private double dragTo = -1;
    private Consumer<TimeRange> onRange = r -> { };
    private Consumer<java.time.Instant> onTime = t -> { };
    private long frames;
    /** The shared time cursor (epoch nanoseconds), or Long.MIN_VALUE for none. */
    private long cursor = Long.MIN_VALUE;
    private Consumer<java.time.Instant> onHover = t -> { };

    public VolumeHistogram() {
        setId("log-histogram");
        getStyleClass().add("pw-log-histogram");
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        getChildren().add(canvas);
        colours.probes().forEach(getChildren()::add);
        io.pitwall.ui.fx.SceneHooks.install(this, null, this::restyle);
        setOnMousePressed(e -> {
            dragFrom = e.getX();
            dragTo = e.getX();
            draw();
        });
        setOnMouseDragged(e -> {
            dragTo = Math.max(0, Math.min(getWidth(), e.getX()));
            draw();
        });
        setOnMouseMoved(e -> {
            if (to > from) {
                onHover.accept(instant(Math.max(0, Math.min(getWidth(), e.getX()))));
            }
        });
        setOnMouseExited(e -> onHover.accept(null));
        setOnMouseReleased(e -> {
            double a = Math.min(dragFrom, dragTo);
            double b = Math.max(dragFrom, dragTo);
            dragFrom = -1;
            draw();
            if (b - a >= 3 && to > from) {
                onRange.accept(new TimeRange(instant(a), instant(b)));
            } else if (to > from && e.getX() >= 0 && e.getX() <= getWidth()) {
                onTime.accept(instant(e.getX())); // a click: that moment's lines
            }
        });
    }

    private void restyle() {
        colours.read();
        draw();
    }

    /** Where a drag's range goes. */
    public void setOnRangeSelected(Consumer<TimeRange> action) {
        onRange = action == null ? r -> { } : action;
    }

    /** Where a click (not a drag) goes: the lines jump to that moment. */
    public void setOnTimeClicked(Consumer<java.time.Instant> action) {
        onTime = action == null ? t -> { } : action;
    }

    /** Where hovers go: the time under the pointer, null when it leaves. */
    public void setOnHover(Consumer<java.time.Instant> action) {
        onHover = action == null ? t -> { } : action;
    }

    /** Draws the shared time cursor at {@code at}, when in the histogram's window; null hides it. */
    public void showCursor(java.time.Instant at) {
        long nanos = at == null ? Long.MIN_VALUE : at.getEpochSecond() * 1_000_000_000L + at.getNano();
        if (nanos != cursor) {
            cursor = nanos;
            draw();
        }
    }

    /** Whether the cursor's marker falls in the window drawn (for tests). */
    public boolean cursorShown() {
        return cursor != Long.MIN_VALUE && to > from && cursor >= from && cursor <= to;
    }

    /** The counts per level and bucket over {@code [fromNanos, toNanos)}, and hits per bucket (or none). */
    public void show(int[][] perLevel, int[] hitsPerBucket, long fromNanos, long toNanos) {
        counts = perLevel;
        hits = hitsPerBucket == null ? new int[0] : hitsPerBucket;
        from = fromNanos;
        to = toNanos;
        Platform.requestNextPulse();
        draw();
    }

    /** How many buckets fit the width (about one per 4 px). */
    int buckets() {
        return Math.max(10, Math.min(400, (int) (getWidth() / 4)));
    }

    public long frames() {
        return frames;
    }

    /** The total of lines counted. */
    public long total() {
        long sum = 0;
        for (int[] level : counts) {
            for (int c : level) {
                sum += c;
            }
        }
        return sum;
    }

    private Instant instant(double x) {
        long t = from + (long) ((to - from) * (x / Math.max(1, getWidth())));
        return Instant.ofEpochSecond(0, t);
    }

    private void draw() {
        frames++;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setFill(colours.subtle());
        gc.fillRect(0, 0, w, h);
        int n = counts.length == 0 ? 0 : counts[0].length;
        if (n == 0) {
            return;
        }
        int max = 1;
        for (int b = 0; b < n; b++) {
            int sum = 0;
            for (int[] level : counts) {
                sum += level[b];
            }
            max = Math.max(max, sum);
        }
        double bw = w / n;
        double plot = h - 8;
        Color unknown = colours.muted().deriveColor(0, 1, 1, 0.6);
        Color warn = colours.warn();
        for (int b = 0; b < n; b++) {
            double y = plot;
            for (int l = 0; l < counts.length; l++) {
                int c = counts[l][b];
                if (c == 0) {
                    continue;
                }
                double bh = Math.max(1, plot * c / max);
                gc.setFill(l == LogLevel.UNKNOWN.ordinal() ? unknown : colours.level(LogLevel.of(l)));
                gc.fillRect(b * bw + 0.5, y - bh, Math.max(1, bw - 1), bh);
                y -= bh;
            }
            if (b < hits.length && hits[b] > 0) {
                gc.setFill(warn);
                gc.fillRect(b * bw + 0.5, h - 5, Math.max(1, bw - 1), 4);
            }
        }
        if (cursorShown()) {
            double cx = Math.round(w * (double) (cursor - from) / (to - from)) + 0.5;
            gc.setStroke(colours.accent());
            gc.setLineWidth(1.5);
            gc.strokeLine(cx, 0, cx, h);
            gc.setLineWidth(1);
        }
        if (dragFrom >= 0) {
            gc.setFill(colours.accent().deriveColor(0, 1, 1, 0.3));
            gc.fillRect(Math.min(dragFrom, dragTo), 0, Math.abs(dragTo - dragFrom), h);
        }
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }
}
