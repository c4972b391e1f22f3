package io.pitwall.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnPackerTest {

    @Test
    void blocksFillAColumnTopToBottomThenTheNextOne() {
        // nine 100x100 blocks, gap 10: area 9 * 110 * 110, target height sqrt(area / 1.6) = 260.9
        double[] w = {100, 100, 100, 100, 100, 100, 100, 100, 100};
        double[] h = w.clone();
        double[][] xy = ColumnPacker.pack(w, h, 10);
        assertThat(xy[0]).containsExactly(0, 0, 110, 110, 220, 220, 330, 330, 440);
        assertThat(xy[1]).containsExactly(0, 110, 0, 110, 0, 110, 0, 110, 0);
    }

    @Test
    void aColumnIsAsWideAsItsWidestBlockAndATallBlockStandsAlone() {
        double[][] xy = ColumnPacker.pack(new double[] {50, 300, 80, 60}, new double[] {1000, 40, 40, 40}, 20);
        assertThat(xy[0]).containsExactly(0, 70, 70, 70);
        assertThat(xy[1]).containsExactly(0, 0, 60, 120);
    }
}
