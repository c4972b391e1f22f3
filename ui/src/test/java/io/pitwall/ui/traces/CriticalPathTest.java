package io.pitwall.ui.traces;

import static io.pitwall.ui.traces.TraceFixtures.S;
import static io.pitwall.ui.traces.TraceFixtures.T0;
import static io.pitwall.ui.traces.TraceFixtures.build;
import static io.pitwall.ui.traces.TraceFixtures.index;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The critical path, as jaeger-ui defines it, on hand-built traces and jaeger-ui's own fixtures. */
class CriticalPathTest {

    /** The pieces as "id:start-end" (offsets from T0 or the trace's start), latest first. */
    private static List<String> pieces(Trace t, CriticalPath cp, long origin) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < cp.sectionCount(); k++) {
            out.add(t.spanId(cp.sectionSpan(k)) + ":" + (cp.sectionStart(k) - origin) + "-" + (cp.sectionEnd(k) - origin));
        }
        return out;
    }

    @Test
    void aSpanWithoutChildrenIsWhollyCritical() {
        Trace t = build(new S("a", "", 0, 100));
        assertThat(pieces(t, CriticalPath.of(t), T0)).containsExactly("a:0-100");
    }

    @Test
    void theWalkGoesBackThroughTheLastFinishingChildAndSkipsOverlappedOnes() {
        // a 0-100; b 10-60; c 20-50 (inside b's time, ends before b); d 55-90
        Trace t = build(new S("a", "", 0, 100), new S("b", "a", 10, 60), new S("c", "a", 20, 50), new S("d", "a", 55, 90));
        CriticalPath cp = CriticalPath.of(t);
        // a's tail, then d; back in a until d's start; b ended after 55? no: b ends at 60 >= 55, so it is passed over;
        // c ended at 50 < 55: it takes over; then a from 20 back to 0
        assertThat(pieces(t, cp, T0)).containsExactly("a:90-100", "d:55-90", "a:50-55", "c:20-50", "a:0-20");
        assertThat(cp.contains(index(t, "b"))).isFalse();
    }

    @Test
    void childrenOverflowingTheirParentAreCutToIt() {
        // b starts before a and ends after it: cut to a's whole time
        Trace t = build(new S("a", "", 10, 50), new S("b", "a", 0, 80));
        assertThat(pieces(t, CriticalPath.of(t), T0)).containsExactly("b:10-50");
    }

    @Test
    void jaegersTraceWithOverlappingChildrenLongerThanItsParent() {
        Trace t = TraceFixtures.fixture("ui-trace-overlapping-children-longer-than-parent.json");
        CriticalPath cp = CriticalPath.of(t);
        long origin = t.startNanos(index(t, "006c3cf93508f205"));
        // send 0-40us; short child 15-25us; the async tasks start after send ended: left out
        assertThat(pieces(t, cp, origin)).containsExactly("006c3cf93508f205:25000-40000", "4570ab68826f43f9:15000-25000",
                "006c3cf93508f205:0-15000");
        assertThat(cp.contains(index(t, "2dc4b796e2127e32"))).isFalse();
        assertThat(cp.contains(index(t, "5d423585b4c63d48"))).isFalse();
    }

    @Test
    void aFollowsFromChildIsNotWaitedOn() {
        Trace t = TraceFixtures.fixture("ui-history-api-traces-follows-from.json");
        int demo = index(t, "ea7cfaca83f0724b");
        int thread = index(t, "1bdf4201221bb2ac");
        assertThat(t.parent(thread)).isEqualTo(demo);
        CriticalPath cp = CriticalPath.of(t);
        assertThat(pieces(t, cp, t.startNanos(demo))).containsExactly("ea7cfaca83f0724b:0-70406000");
        assertThat(cp.contains(thread)).isFalse();
    }

    @Test
    void aFollowsFromChildBuiltByHandIsLeftOutWithItsChildren() {
        Trace t = build(new S("a", "", 0, 100), new S("b", "a", 50, 150, "svc", "async", true), new S("c", "b", 60, 90));
        CriticalPath cp = CriticalPath.of(t);
        assertThat(pieces(t, cp, T0)).containsExactly("a:0-100");
    }
}
