package io.pitwall.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RelaxTest {

    //  A(0,0 100x50)   C(150,0 100x200)
    //  B(0,70 100x50)
    //  D(0,140 100x50)
    private final double[] x = {0, 0, 150, 0};
    private final double[] y = {0, 70, 0, 140};
    private final double[] w = {100, 100, 100, 100};
    private final double[] h = {50, 50, 200, 50};

    @Test
    void nothingChangedNothingMoves() {
        double[][] out = Relax.relax(x, y, w, h, w, h);
        assertThat(out[0]).containsExactly(x);
        assertThat(out[1]).containsExactly(y);
    }

    @Test
    void aBoxGrowingByARowPushesOnlyTheBoxesBelowIt() {
        double[][] out = Relax.relax(x, y, w, h, w, new double[] {50, 67, 200, 50});
        assertThat(out[1]).containsExactly(0, 70, 0, 157);
        assertThat(out[0]).containsExactly(x);
    }

    @Test
    void aWiderBoxPushesTheBoxesBesideItAndAShrinkingOnePullsThemBack() {
        double[][] wider = Relax.relax(x, y, w, h, new double[] {100, 130, 100, 100}, h);
        assertThat(wider[0]).containsExactly(0, 0, 180, 0);
        double[][] narrower = Relax.relax(x, y, w, h, new double[] {80, 80, 100, 80}, h);
        assertThat(narrower[0]).containsExactly(0, 0, 130, 0);
    }

    @Test
    void noTwoRectanglesOverlapAfterAnyChangeOfSize() {
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 30;
            double[] rx = new double[n];
            double[] ry = new double[n];
            double[] rw = new double[n];
            double[] rh = new double[n];
            // a grid of cells with gaps, sizes at random within their cell
            for (int i = 0; i < n; i++) {
                rx[i] = (i % 6) * 120;
                ry[i] = (i / 6) * 120;
                rw[i] = 20 + r.nextInt(90);
                rh[i] = 20 + r.nextInt(90);
            }
            double[] nw = rw.clone();
            double[] nh = rh.clone();
            for (int i = 0; i < n; i++) {
                nw[i] = Math.max(10, nw[i] + r.nextInt(120) - 40);
                nh[i] = Math.max(10, nh[i] + r.nextInt(120) - 40);
            }
            double[][] out = Relax.relax(rx, ry, rw, rh, nw, nh);
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    boolean overlap = out[0][a] < out[0][b] + nw[b] - 0.5 && out[0][b] < out[0][a] + nw[a] - 0.5
                            && out[1][a] < out[1][b] + nh[b] - 0.5 && out[1][b] < out[1][a] + nh[a] - 0.5;
                    assertThat(overlap).as("round %d: %d and %d overlap", round, a, b).isFalse();
                }
            }
        }
    }
}
