package io.pitwall.ui.traces;

import static io.pitwall.ui.traces.TraceFixtures.S;
import static io.pitwall.ui.traces.TraceFixtures.build;
import static io.pitwall.ui.traces.TraceFixtures.index;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.Trace;
import org.junit.jupiter.api.Test;

/** The waterfall's visible rows: collapse, expand, per level, reveal, on small, deep and big traces. */
class TraceWaterfallRowsTest {

    //  a
    //  ├ b
    //  │ └ c
    //  └ d
    //    ├ e
    //    └ f
    private static Trace small() {
        return build(new S("a", "", 0, 100), new S("b", "a", 5, 40), new S("c", "b", 10, 30),
                new S("d", "a", 50, 90), new S("e", "d", 55, 60), new S("f", "d", 70, 80));
    }

    private static String ids(Trace t, WaterfallRows rows) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows.count(); r++) {
            b.append(t.spanId(rows.span(r)));
        }
        return b.toString();
    }

    @Test
    void collapsingASubtreeHidesItsDescendantsAndExpandingShowsThemAgain() {
        Trace t = small();
        WaterfallRows rows = new WaterfallRows(t);
        assertThat(ids(t, rows)).isEqualTo("abcdef");
        rows.toggle(index(t, "d"));
        assertThat(ids(t, rows)).isEqualTo("abcd");
        assertThat(rows.subtreeSize(index(t, "d"))).isEqualTo(3);
        rows.toggle(index(t, "b"));
        assertThat(ids(t, rows)).isEqualTo("abd");
        assertThat(rows.rowOf(index(t, "e"))).isEqualTo(-1);
        assertThat(rows.rowOf(index(t, "d"))).isEqualTo(2);
        rows.toggle(index(t, "d"));
        assertThat(ids(t, rows)).isEqualTo("abdef");
        rows.setCollapsed(index(t, "c"), true); // a leaf has nothing to collapse
        assertThat(rows.isCollapsed(index(t, "c"))).isFalse();
        rows.collapseAll();
        assertThat(ids(t, rows)).isEqualTo("a");
        rows.expandAll();
        assertThat(ids(t, rows)).isEqualTo("abcdef");
    }

    @Test
    void collapsingToALevelShowsThatLevelAndTheOnesAbove() {
        Trace t = small();
        WaterfallRows rows = new WaterfallRows(t);
        rows.collapseToDepth(1);
        assertThat(ids(t, rows)).isEqualTo("abd");
        assertThat(rows.isCollapsed(index(t, "b"))).isTrue();
        rows.collapseToDepth(2);
        assertThat(ids(t, rows)).isEqualTo("abcdef");
        assertThat(rows.maxDepth()).isEqualTo(2);
    }

    @Test
    void revealingAHiddenSpanExpandsOnlyItsAncestors() {
        Trace t = small();
        WaterfallRows rows = new WaterfallRows(t);
        rows.collapseAll();
        int row = rows.reveal(index(t, "f"));
        assertThat(ids(t, rows)).isEqualTo("abdef");
        assertThat(row).isEqualTo(4);
        assertThat(rows.isCollapsed(index(t, "b"))).isTrue();
    }

    @Test
    void aChainTwentyThousandLevelsDeepFoldsAndUnfoldsWithoutRecursion() {
        int n = 20_000;
        Trace t = TraceFixtures.chain(n);
        assertThat(t.depth(n - 1)).isEqualTo(n - 1);
        WaterfallRows rows = new WaterfallRows(t);
        assertThat(rows.count()).isEqualTo(n);
        assertThat(rows.maxDepth()).isEqualTo(n - 1);
        rows.toggle(0);
        assertThat(rows.count()).isEqualTo(1);
        rows.toggle(0);
        rows.collapseToDepth(10_000);
        assertThat(rows.count()).isEqualTo(10_001);
        assertThat(rows.span(rows.count() - 1)).isEqualTo(10_000);
        rows.collapseAll();
        assertThat(rows.reveal(n - 1)).isEqualTo(n - 1);
        assertThat(rows.count()).isEqualTo(n);
        assertThat(rows.subtreeSize(0)).isEqualTo(n);
        assertThat(rows.subtreeSize(n - 1)).isEqualTo(1);
        CriticalPath cp = CriticalPath.of(t);
        assertThat(cp.spans().cardinality()).isEqualTo(n); // every link of the chain waits on the next
    }

    @Test
    void aHundredThousandSpansFoldPerLevelAndKeepDepthFirstOrder() {
        Trace t = TraceFixtures.generated(100_000);
        WaterfallRows rows = new WaterfallRows(t);
        assertThat(rows.count()).isEqualTo(100_000);
        int[] preorder = t.preorder();
        for (int r = 0; r < rows.count(); r += 997) {
            assertThat(rows.span(r)).isEqualTo(preorder[r]);
        }
        rows.collapseToDepth(2);
        long expected = java.util.stream.IntStream.range(0, t.spanCount()).filter(i -> t.depth(i) <= 2).count();
        assertThat(rows.count()).isEqualTo((int) expected);
        for (int r = 1; r < rows.count(); r++) {
            assertThat(rows.position(rows.span(r))).isGreaterThan(rows.position(rows.span(r - 1)));
        }
        int deepest = java.util.stream.IntStream.range(0, t.spanCount()).reduce((a, b) -> t.depth(a) >= t.depth(b) ? a : b).orElseThrow();
        int row = rows.reveal(deepest);
        assertThat(rows.span(row)).isEqualTo(deepest);
        rows.expandAll();
        assertThat(rows.count()).isEqualTo(100_000);
    }
}
