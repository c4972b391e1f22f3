package io.pitwall.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stepping through search hits, and the selection's lines as copied. */
class LogHitsTest {

    static Matches ids(long... ids) {
        return new Matches(ids, ids.length, 0, 100, 0);
    }

    @Test
    void aNewSearchStartsAtTheFirstHitFromWhereTheUserLooksAndStepsWrapAround() {
        LogHits hits = new LogHits();
        assertThat(hits.text(false)).isEmpty();
        assertThat(hits.take(ids(3, 10, 40), true, () -> 11)).isTrue();
        assertThat(hits.currentId()).isEqualTo(40);
        assertThat(hits.text(true)).isEqualTo("3 of 3");
        assertThat(hits.step(1)).isTrue();
        assertThat(hits.currentId()).isEqualTo(3);
        assertThat(hits.step(-1)).isTrue();
        assertThat(hits.position()).isEqualTo(3);
        // past the last hit: the last one
        assertThat(hits.take(ids(3, 10, 40), true, () -> 99)).isTrue();
        assertThat(hits.currentId()).isEqualTo(40);
    }

    @Test
    void anExtendedSearchKeepsTheCurrentHitAndNoHitsSayNoMatch() {
        LogHits hits = new LogHits();
        hits.take(ids(3, 10), true, () -> 5);
        assertThat(hits.currentId()).isEqualTo(10);
        assertThat(hits.take(ids(3, 10, 12, 90), false, () -> 0)).isFalse();
        assertThat(hits.currentId()).isEqualTo(10);
        assertThat(hits.text(true)).isEqualTo("2 of 4");
        assertThat(hits.take(ids(), true, () -> 0)).isFalse();
        assertThat(hits.text(true)).isEqualTo("no match");
        assertThat(hits.step(1)).isFalse();
        assertThat(hits.take(null, true, () -> 0)).isFalse();
        assertThat(hits.currentId()).isEqualTo(-1);
        assertThat(hits.position()).isZero();
    }

    @Test
    void theSelectionCopiesItsLinesInTheOrderShownEitherWayItWasDragged() {
        LogBuffer b = new LogBuffer(4);
        for (int i = 0; i < 6; i++) {
            b.append(List.of(LogBufferTest.at(i, LogBufferTest.CARTS, "line " + i)));
        }
        RowMap rows = new RowMap(b.counts(), null);
        LogSelection s = new LogSelection();
        assertThat(s.text(b, rows)).isEmpty();
        s.select(4, false); // ids: 2 were evicted, so id 4 is "line 4" at index 2
        s.select(3, true);
        assertThat(s.contains(3)).isTrue();
        assertThat(s.contains(5)).isFalse();
        assertThat(s.text(b, rows)).isEqualTo("line 3\nline 4\n");
        s.select(2, false);
        assertThat(s.text(b, rows)).isEqualTo("line 2\n");
    }
}
