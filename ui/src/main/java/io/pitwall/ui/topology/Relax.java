package io.pitwall.ui.topology;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Moves rectangles that were placed without overlap as little as needed after some of them
 * changed size, without laying them out again: the gaps between neighbours are kept.
 * <ol>
 * <li>Across: a rectangle that had a neighbour on its left (their vertical extents overlap)
 *     keeps its gap to it; with several, it goes as far right as the furthest one needs. One
 *     without such a neighbour keeps its x.</li>
 * <li>Down: the same with the neighbours above, by the new horizontal extents.</li>
 * </ol>
 * So when a workload's box grows by a row, the boxes below it move down by that row and nothing
 * else moves; when nothing changed size, nothing moves. The order of boxes never changes and no
 * two rectangles overlap afterwards (given none did before).
 */
final class Relax {

    private static final double EPS = 0.5;

    private Relax() {
    }

    /**
     * @param x old positions and sizes, {@code x[i], y[i], w[i], h[i]} for rectangle i
     * @param nw the new widths
     * @param nh the new heights
     * @return the new positions, {@code {xs, ys}}
     */
    static double[][] relax(double[] x, double[] y, double[] w, double[] h, double[] nw, double[] nh) {
        int n = x.length;
        double[] nx = new double[n];
        double[] ny = new double[n];
        Integer[] byX = order(n, x, y);
        for (int k = 0; k < n; k++) {
            int b = byX[k];
            double at = x[b];
            boolean constrained = false;
            for (int j = 0; j < k; j++) {
                int a = byX[j];
                if (x[a] + w[a] <= x[b] + EPS && overlap(y[a], h[a], y[b], h[b])) {
                    double need = nx[a] + nw[a] + (x[b] - x[a] - w[a]);
                    at = constrained ? Math.max(at, need) : need;
                    constrained = true;
                }
            }
            nx[b] = at;
        }
        Integer[] byY = order(n, y, x);
        for (int k = 0; k < n; k++) {
            int b = byY[k];
            double at = y[b];
            boolean constrained = false;
            for (int j = 0; j < k; j++) {
                int a = byY[j];
                if (y[a] + h[a] <= y[b] + EPS && overlap(nx[a], nw[a], nx[b], nw[b])) {
                    double need = ny[a] + nh[a] + (y[b] - y[a] - h[a]);
                    at = constrained ? Math.max(at, need) : need;
                    constrained = true;
                }
            }
            ny[b] = at;
        }
        return new double[][] {nx, ny};
    }

    private static boolean overlap(double a, double la, double b, double lb) {
        return a < b + lb - EPS && b < a + la - EPS;
    }

    private static Integer[] order(int n, double[] first, double[] second) {
        Integer[] idx = new Integer[n];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> first[i]).thenComparingDouble(i -> second[i]));
        return idx;
    }
}
