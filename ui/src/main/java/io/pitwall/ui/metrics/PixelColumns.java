package io.pitwall.ui.metrics;

/**
 * Draws a time series into an ARGB pixel buffer as one vertical span a pixel column: the lowest
 * to the highest value that falls in the column, joined to the column before. However many points
 * a column holds, it costs one span: a million points become a few thousand spans, and the
 * picture is the same as the line's (its min/max per pixel envelope).
 *
 * <p>Pure arithmetic on arrays, no JavaFX: the renderer hands it the axes' linear transforms
 * ({@code pixel = a * value + b}) and blits the buffer once per frame.
 */
final class PixelColumns {

    private final int[] pixels;
    private final int width;
    private final int height;

    /** Draws into {@code pixels}, row-major, {@code width} by {@code height}. */
    PixelColumns(int[] pixels, int width, int height) {
        if (pixels.length < width * height) {
            throw new IllegalArgumentException("buffer of " + pixels.length + " for " + width + "x" + height);
        }
        this.pixels = pixels;
        this.width = width;
        this.height = height;
    }

    /**
     * Draws points {@code [from, to)} of {@code xs}/{@code ys} (xs ascending) in {@code argb}
     * (premultiplied). A NaN value is a gap: the line stops before it and starts again after.
     *
     * @return the number of columns drawn
     */
    int draw(double[] xs, double[] ys, int from, int to, double ax, double bx, double ay, double by, int argb) {
        int drawn = 0;
        int col = Integer.MIN_VALUE;
        double lo = 0;
        double hi = 0;
        double last = Double.NaN;
        for (int i = from; i < to; i++) {
            double v = ys[i];
            if (Double.isNaN(v)) {
                drawn += span(col, lo, hi, argb);
                col = Integer.MIN_VALUE;
                last = Double.NaN;
                continue;
            }
            double fx = ax * xs[i] + bx;
            double py = ay * v + by;
            int px = fx >= Integer.MAX_VALUE ? Integer.MAX_VALUE : fx <= -Integer.MAX_VALUE ? -Integer.MAX_VALUE : (int) Math.floor(fx);
            if (px == col) {
                lo = Math.min(lo, py);
                hi = Math.max(hi, py);
            } else {
                drawn += span(col, lo, hi, argb);
                if (col != Integer.MIN_VALUE && px > col + 1) {
                    drawn += join(col, last, px, py, argb);
                }
                lo = py;
                hi = py;
                if (col != Integer.MIN_VALUE) {
                    // joined to the column before: the step between them is drawn in this one
                    lo = Math.min(lo, last);
                    hi = Math.max(hi, last);
                }
                col = px;
            }
            last = py;
            if (px >= width && col != Integer.MIN_VALUE && i + 1 < to) {
                // past the right edge: the rest cannot show
                drawn += span(col, lo, hi, argb);
                return drawn;
            }
        }
        drawn += span(col, lo, hi, argb);
        return drawn;
    }

    /** The columns strictly between {@code c0} and {@code c1}, along the straight line between them. */
    private int join(int c0, double y0, int c1, double y1, int argb) {
        int drawn = 0;
        int first = Math.max(c0 + 1, 0);
        int end = Math.min(c1, width);
        double slope = (y1 - y0) / (c1 - c0);
        for (int c = first; c < end; c++) {
            double a = y0 + slope * (c - c0);
            double b = y0 + slope * (c + 1 - c0);
            drawn += span(c, Math.min(a, b), Math.max(a, b), argb);
        }
        return drawn;
    }

    /** One column from {@code lo} to {@code hi} (pixels, top down), at least two pixels tall. */
    private int span(int col, double lo, double hi, int argb) {
        if (col < 0 || col >= width || hi < -1 || lo > height) {
            return 0;
        }
        int top = (int) Math.floor(Math.max(lo, 0));
        int bottom = (int) Math.ceil(Math.min(hi, height - 1));
        if (bottom <= top) {
            bottom = Math.min(top + 1, height - 1);
            top = Math.max(bottom - 1, 0);
        }
        for (int y = top, at = top * width + col; y <= bottom; y++, at += width) {
            pixels[at] = argb;
        }
        return 1;
    }
}
