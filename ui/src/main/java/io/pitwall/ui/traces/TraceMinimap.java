package io.pitwall.ui.traces;

import io.pitwall.connectors.model.Trace;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The whole trace in a strip: every span's bar (all of them, in depth-first order top to bottom,
 * over the whole trace's time), squeezed into a density image worked out once per trace and
 * width (one pass over the spans, with difference arrays), errors in red. A rectangle marks what
 * the waterfall shows; dragging it scrolls (and pans a zoomed window), a click elsewhere jumps
 * there, a drag elsewhere zooms to the time window dragged out.
 */
final class TraceMinimap extends Region {

    static final double HEIGHT = 46;

    private final Canvas canvas = new Canvas();
    private final TraceWaterfall owner;
    private WaterfallColours colours;
    private WaterfallData data;
    private WritableImage image;
    private double imageWidth = -1;
    private double pressX;
    private double pressY;
    private double[] pressRect;
    private long pressFrom;
    private boolean moving;
    private double dragX = Double.NaN;

    TraceMinimap(TraceWaterfall owner, WaterfallColours colours) {
        this.owner = owner;
        this.colours = colours;
        setId("trace-minimap");
        canvas.setId("trace-minimap-canvas");
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    }

    void setData(WaterfallData next) {
        data = next;
        image = null;
    }

    /** Colours changed: the image is drawn again. */
    void restyle() {
        image = null;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            owner.requestRedraw();
        }
    }

    /** The viewport rectangle: x, y, width, height. */
    double[] viewport() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Trace trace = data.trace();
        WaterfallRows rows = data.rows();
        int n = Math.max(1, trace.spanCount());
        int top = owner.topRow();
        int bottom = Math.min(rows.count(), top + owner.visibleRows()) - 1;
        double y0 = rows.count() == 0 ? 0 : (double) rows.position(rows.span(top)) / n * h;
        double y1 = bottom < 0 ? h : (double) (rows.position(rows.span(bottom)) + 1) / n * h;
        double x0 = xOf(owner.viewFrom(), w);
        double x1 = xOf(owner.viewTo(), w);
        return new double[] {x0, y0, Math.max(3, x1 - x0), Math.max(3, y1 - y0)};
    }

    private double xOf(long t, double w) {
        Trace trace = data.trace();
        return (double) (t - trace.startNanos()) / Math.max(1, trace.durationNanos()) * w;
    }

    private long timeAt(double x) {
        Trace trace = data.trace();
        double f = Math.max(0, Math.min(1, x / Math.max(1, canvas.getWidth())));
        return trace.startNanos() + Math.round(f * trace.durationNanos());
    }

    void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(colours.inset());
        g.fillRect(0, 0, w, h);
        if (data == null || w < 2 || h < 2) {
            return;
        }
        if (image == null || imageWidth != w) {
            image = density((int) w, (int) h);
            imageWidth = w;
        }
        g.drawImage(image, 0, 0);
        double[] r = viewport();
        g.setFill(colours.accent().deriveColor(0, 1, 1, 0.12));
        g.fillRect(r[0], r[1], r[2], r[3]);
        g.setStroke(colours.accent());
        g.setLineWidth(1.5);
        g.strokeRect(r[0] + 0.75, r[1] + 0.75, Math.max(1, r[2] - 1.5), Math.max(1, r[3] - 1.5));
        if (!Double.isNaN(dragX)) {
            double a = Math.min(pressX, dragX);
            g.setFill(colours.accent().deriveColor(0, 1, 1, 0.3));
            g.fillRect(a, 0, Math.abs(dragX - pressX), h);
        }
        g.setStroke(colours.border());
        g.setLineWidth(1);
        g.strokeLine(0, h - 0.5, w, h - 0.5);
    }

    /** Spans per pixel, errors apart; one pass over the spans. */
    private WritableImage density(int w, int h) {
        Trace trace = data.trace();
        WaterfallRows rows = data.rows();
        int n = trace.spanCount();
        int[] diff = new int[h * (w + 1)];
        int[] errors = new int[h * (w + 1)];
        double tw = Math.max(1, trace.durationNanos());
        for (int i = 0; i < n; i++) {
            int y = Math.min(h - 1, (int) ((double) rows.position(i) / n * h));
            int x0 = (int) Math.max(0, Math.min(w - 1, (trace.startNanos(i) - trace.startNanos()) / tw * w));
            int x1 = (int) Math.max(x0, Math.min(w - 1, (trace.endNanos(i) - trace.startNanos()) / tw * w));
            int[] into = trace.isError(i) ? errors : diff;
            into[y * (w + 1) + x0]++;
            into[y * (w + 1) + x1 + 1]--;
        }
        int max = 1;
        int[] grid = new int[h * w];
        int[] errGrid = new int[h * w];
        for (int y = 0; y < h; y++) {
            int run = 0;
            int err = 0;
            for (int x = 0; x < w; x++) {
                run += diff[y * (w + 1) + x];
                err += errors[y * (w + 1) + x];
                grid[y * w + x] = run + err;
                errGrid[y * w + x] = err;
                max = Math.max(max, run + err);
            }
        }
        WritableImage out = new WritableImage(w, h);
        PixelWriter px = out.getPixelWriter();
        Color base = colours.service(0);
        Color error = colours.critical();
        Color back = colours.inset();
        double logMax = Math.log1p(max);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = grid[y * w + x];
                if (c == 0) {
                    px.setColor(x, y, back);
                } else if (errGrid[y * w + x] > 0) {
                    px.setColor(x, y, error);
                } else {
                    double a = 0.6 + 0.4 * Math.log1p(c) / logMax;
                    px.setColor(x, y, back.interpolate(base, a));
                }
            }
        }
        return out;
    }

    // --- the mouse ------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        if (data == null) {
            return;
        }
        pressX = e.getX();
        pressY = e.getY();
        pressRect = viewport();
        pressFrom = owner.viewFrom();
        moving = pressX >= pressRect[0] && pressX <= pressRect[0] + pressRect[2]
                && pressY >= pressRect[1] && pressY <= pressRect[1] + pressRect[3];
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (data == null) {
            return;
        }
        if (moving) {
            scrollToY(pressRect[1] + e.getY() - pressY);
            if (owner.zoomed()) {
                long length = owner.viewTo() - owner.viewFrom();
                long from = pressFrom + timeAt(e.getX()) - timeAt(pressX);
                from = Math.max(data.trace().startNanos(), Math.min(from, data.trace().endNanos() - length));
                owner.zoom(from, from + length);
            }
        } else {
            dragX = e.getX();
            owner.requestRedraw();
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        if (data == null) {
            return;
        }
        if (!moving) {
            if (!Double.isNaN(dragX) && Math.abs(dragX - pressX) > 3) {
                owner.zoom(timeAt(Math.min(pressX, dragX)), timeAt(Math.max(pressX, dragX)));
            } else {
                scrollToY(e.getY() - pressRect[3] / 2);
            }
        }
        dragX = Double.NaN;
        moving = false;
        owner.requestRedraw();
        e.consume();
    }

    private void scrollToY(double top) {
        int n = data.trace().spanCount();
        int position = (int) Math.max(0, Math.min(n - 1, top / Math.max(1, canvas.getHeight()) * n));
        owner.scrollToPosition(position);
    }

    /** For tests: where a click jumps (a y in this strip), through the same path as the mouse. */
    void clickAt(double y) {
        scrollToY(y);
    }

}
