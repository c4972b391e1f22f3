package io.pitwall.ui.topology;

/**
 * Places blocks (one per namespace) in newspaper columns: top to bottom, then the next column to
 * the right, in the order given, each column about as tall as the whole picture should be for a
 * 16:10 screen. Used when there is no earlier placement to keep.
 */
final class ColumnPacker {

    static final double ASPECT = 1.6;

    private ColumnPacker() {
    }

    /**
     * @return {@code {xs, ys}} of the blocks' top left corners
     */
    static double[][] pack(double[] w, double[] h, double gap) {
        int n = w.length;
        double target = targetHeight(w, h, gap);
        double[] xs = new double[n];
        double[] ys = new double[n];
        double x = 0;
        double y = 0;
        double columnWidth = 0;
        for (int i = 0; i < n; i++) {
            if (y > 0 && y + h[i] > target) {
                x += columnWidth + gap;
                y = 0;
                columnWidth = 0;
            }
            xs[i] = x;
            ys[i] = y;
            y += h[i] + gap;
            columnWidth = Math.max(columnWidth, w[i]);
        }
        return new double[][] {xs, ys};
    }

    /** The height a picture of these blocks aims at: see {@link #pack}. */
    static double targetHeight(double[] w, double[] h, double gap) {
        double area = 0;
        double tallest = 0;
        for (int i = 0; i < w.length; i++) {
            area += (w[i] + gap) * (h[i] + gap);
            tallest = Math.max(tallest, h[i]);
        }
        return Math.max(tallest, Math.sqrt(area / ASPECT));
    }
}
