package io.pitwall.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PixelColumnsTest {

    private static final int W = 10;
    private static final int H = 20;
    private static final int RED = 0xFFFF0000;

    private final int[] pixels = new int[W * H];
    private final PixelColumns columns = new PixelColumns(pixels, W, H);

    /** The rows painted in one column, top and bottom, or {-1, -1}. */
    private int[] rows(int col) {
        int top = -1;
        int bottom = -1;
        for (int y = 0; y < H; y++) {
            if (pixels[y * W + col] != 0) {
                top = top < 0 ? y : top;
                bottom = y;
            }
        }
        return new int[] {top, bottom};
    }

    @Test
    void manyPointsInAColumnBecomeOneSpanFromTheirLowestToTheirHighest() {
        // 100 points a column, swinging between rows 5 and 15 (pixel = value)
        int n = W * 100;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i / 100.0;
            ys[i] = i % 2 == 0 ? 5 : 15;
        }
        int drawn = columns.draw(xs, ys, 0, n, 1, 0, 1, 0, RED);
        assertThat(drawn).isEqualTo(W);
        for (int c = 0; c < W; c++) {
            assertThat(rows(c)).containsExactly(5, 15);
        }
        assertThat(pixels[10 * W + 3]).isEqualTo(RED);
    }

    @Test
    void aFlatLineIsTwoPixelsTallAndAStepIsDrawnInTheColumnWhereItHappens() {
        double[] xs = {0, 1, 2, 3, 4};
        double[] ys = {4, 4, 4, 12, 12};
        columns.draw(xs, ys, 0, xs.length, 1, 0, 1, 0, RED);
        assertThat(rows(0)).containsExactly(4, 5);
        assertThat(rows(2)).containsExactly(4, 5);
        assertThat(rows(3)).containsExactly(4, 12); // joined to the column before
        assertThat(rows(4)).containsExactly(12, 13);
        assertThat(rows(5)).containsExactly(-1, -1);
    }

    @Test
    void aNaNIsAGapThatIsNotBridged() {
        double[] xs = {0, 1, 2, 3, 4};
        double[] ys = {4, 4, Double.NaN, 12, 12};
        columns.draw(xs, ys, 0, xs.length, 1, 0, 1, 0, RED);
        assertThat(rows(1)).containsExactly(4, 5);
        assertThat(rows(2)).containsExactly(-1, -1);
        assertThat(rows(3)).containsExactly(12, 13); // not joined across the gap
    }

    @Test
    void columnsBetweenSparsePointsFollowTheStraightLine() {
        double[] xs = {0, 8};
        double[] ys = {0, 16};
        columns.draw(xs, ys, 0, 2, 1, 0, 1, 0, RED);
        for (int c = 1; c < 8; c++) {
            int[] r = rows(c);
            assertThat(r[0]).isBetween(2 * c - 1, 2 * c);
            assertThat(r[1]).isBetween(2 * c + 1, 2 * c + 2);
        }
    }

    @Test
    void whatFallsOutsideThePlotIsClippedNotWrapped() {
        double[] xs = {-5, -1, 3, 12, 30};
        double[] ys = {-50, 10, 10, 40, 10};
        columns.draw(xs, ys, 0, xs.length, 1, 0, 1, 0, RED);
        assertThat(rows(0)[0]).isGreaterThanOrEqualTo(0);
        assertThat(rows(3)).containsExactly(10, 11);
        assertThat(rows(5)[1]).isEqualTo(H - 1); // leaving through the bottom edge
        assertThat(rows(W - 1)).containsExactly(-1, -1); // below the plot by then
        // nothing spilled into the next row's first column from the right edge
        for (int y = 0; y < H; y++) {
            assertThat(pixels[y * W]).isIn(0, RED);
        }
        assertThat(rows(0)[1]).isLessThan(H);
    }
}
