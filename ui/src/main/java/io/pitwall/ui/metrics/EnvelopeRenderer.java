package io.pitwall.ui.metrics;

import io.fair_acc.chartfx.renderer.spi.AbstractRendererXY;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A chart-fx renderer for dense time series. Where a line has more points in view than the plot
 * has pixel columns, it is drawn as its min/max per pixel envelope ({@link PixelColumns}) into one
 * pixel buffer for every such line, blitted once: the cost of a frame follows the plot's width,
 * not the number of points, and the rasteriser fills a few thousand spans instead of stroking a
 * million antialiased segments. So are all lines when, together, they have more points than
 * that (fifty pods' lines of an hour). A chart of a few sparse lines is stroked, antialiased.
 */
final class EnvelopeRenderer extends AbstractRendererXY<EnvelopeRenderer> {

    /** Points per pixel column from which a line is drawn as its envelope. */
    static final double DENSE = 1.5;
    /**
     * Points of all lines together per pixel column from which every line is drawn that way: the
     * software rasteriser strokes 50 lines of 240 points in about 20 ms, their spans in a few.
     */
    static final double CROWDED = 3;
    private static final double LINE_WIDTH = 1.5;

    private int[] pixels = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;
    private long denseFrames;

    @Override
    protected EnvelopeRenderer getThis() {
        return this;
    }

    @Override
    public void render() {
        if (getDatasets().isEmpty()) {
            return;
        }
        updateCachedVariables();
        Canvas canvas = getChart().getCanvas();
        int w = (int) Math.ceil(canvas.getWidth());
        int h = (int) Math.ceil(canvas.getHeight());
        if (w <= 0 || h <= 0) {
            return;
        }
        double ax = (xAxis.getDisplayPosition(xMax) - xAxis.getDisplayPosition(xMin)) / (xMax - xMin);
        double bx = xAxis.getDisplayPosition(xMin) - ax * xMin;
        double yLo = yAxis.getMin();
        double yHi = yAxis.getMax();
        double ay = (yAxis.getDisplayPosition(yHi) - yAxis.getDisplayPosition(yLo)) / (yHi - yLo);
        double by = yAxis.getDisplayPosition(yLo) - ay * yLo;
        if (!Double.isFinite(ax) || !Double.isFinite(ay) || xAxis.isLogAxis() || yAxis.isLogAxis()) {
            return;
        }
        GraphicsContext gc = canvas.getGraphicsContext2D();
        PixelColumns columns = null;
        int count = getDatasetNodes().size();
        int[] from = new int[count];
        int[] to = new int[count];
        long total = 0;
        for (int i = 0; i < count; i++) {
            DataSet set = getDatasetNodes().get(i).getDataSet();
            int n = set.getDataCount();
            double[] xs = set.getValues(DataSet.DIM_X);
            from[i] = Math.max(0, firstAtOrAfter(xs, n, xMin) - 1);
            to[i] = Math.min(n, firstAtOrAfter(xs, n, xMax) + 1);
            total += getDatasetNodes().get(i).isVisible() ? to[i] - from[i] : 0;
        }
        // many lines together: rasterised too, stroking them costs more than their pixels
        boolean crowded = total > CROWDED * w;
        // the last data set is drawn first, so the first lies on top (as chart-fx does)
        for (int i = count - 1; i >= 0; i--) {
            DataSetNode node = getDatasetNodes().get(i);
            if (!node.isVisible()) {
                continue;
            }
            DataSet set = node.getDataSet();
            double[] xs = set.getValues(DataSet.DIM_X);
            double[] ys = set.getValues(DataSet.DIM_Y);
            if (crowded || to[i] - from[i] > DENSE * w) {
                if (columns == null) {
                    columns = clear(w, h);
                }
                columns.draw(xs, ys, from[i], to[i], ax, bx, ay, by, argb(node.getLineColor()));
            } else {
                stroke(gc, node, xs, ys, from[i], to[i], ax, bx, ay, by);
            }
        }
        if (columns != null) {
            // the image shares the int buffer: no copy, no conversion to bytes and back
            buffer.updateBuffer(b -> null);
            gc.drawImage(image, 0, 0);
            denseFrames++;
        }
    }

    /** One line alone, stroked (render() above draws them all in one pass: one buffer, one blit). */
    @Override
    protected void render(GraphicsContext gc, DataSet dataSet, DataSetNode style) {
        int n = dataSet.getDataCount();
        double[] xs = dataSet.getValues(DataSet.DIM_X);
        double ax = (xAxis.getDisplayPosition(xMax) - xAxis.getDisplayPosition(xMin)) / (xMax - xMin);
        double ay = (yAxis.getDisplayPosition(yAxis.getMax()) - yAxis.getDisplayPosition(yAxis.getMin()))
                / (yAxis.getMax() - yAxis.getMin());
        stroke(gc, style, xs, dataSet.getValues(DataSet.DIM_Y), Math.max(0, firstAtOrAfter(xs, n, xMin) - 1),
                Math.min(n, firstAtOrAfter(xs, n, xMax) + 1), ax, xAxis.getDisplayPosition(xMin) - ax * xMin, ay,
                yAxis.getDisplayPosition(yAxis.getMin()) - ay * yAxis.getMin());
    }

    /** How many frames drew at least one line as its envelope (for tests). */
    long denseFrames() {
        return denseFrames;
    }

    private PixelColumns clear(int w, int h) {
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            pixels = new int[w * h];
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        } else {
            Arrays.fill(pixels, 0);
        }
        return new PixelColumns(pixels, w, h);
    }

    private static void stroke(GraphicsContext gc, DataSetNode node, double[] xs, double[] ys, int from, int to,
                               double ax, double bx, double ay, double by) {
        gc.save();
        gc.setStroke(node.getLineColor());
        gc.setLineWidth(node.getLineWidth() > 0 ? node.getLineWidth() : LINE_WIDTH);
        gc.setLineDashes(node.getLineDashes());
        double[] px = new double[to - from];
        double[] py = new double[to - from];
        int run = 0;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(ys[i])) {
                if (run > 1) {
                    gc.strokePolyline(px, py, run);
                }
                run = 0;
                continue;
            }
            px[run] = ax * xs[i] + bx;
            py[run] = ay * ys[i] + by;
            run++;
        }
        if (run > 1) {
            gc.strokePolyline(px, py, run);
        }
        gc.restore();
    }

    /** The first index whose x is at or after {@code x} ({@code n} when none is). */
    static int firstAtOrAfter(double[] xs, int n, double x) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int argb(Paint paint) {
        Color c = paint instanceof Color colour ? colour : Color.GRAY;
        int a = (int) Math.round(c.getOpacity() * 255);
        int r = (int) Math.round(c.getRed() * c.getOpacity() * 255);
        int g = (int) Math.round(c.getGreen() * c.getOpacity() * 255);
        int b = (int) Math.round(c.getBlue() * c.getOpacity() * 255);
        return a << 24 | r << 16 | g << 8 | b;
    }

    @Override
    public boolean drawLegendSymbol(DataSetNode style, Canvas canvas) {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.save();
        gc.setLineWidth(LINE_WIDTH);
        gc.setStroke(style.getLineColor());
        gc.strokeLine(1, canvas.getHeight() / 2, canvas.getWidth() - 2, canvas.getHeight() / 2);
        gc.restore();
        return true;
    }
}
