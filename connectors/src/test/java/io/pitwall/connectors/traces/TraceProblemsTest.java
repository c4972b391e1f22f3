package io.pitwall.connectors.traces;

import static io.pitwall.connectors.traces.TraceFixtures.only;
import static io.pitwall.connectors.traces.TraceFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.Span;
import io.pitwall.connectors.model.SpanKind;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceBuilder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Orphans, duplicate ids, cycles, clock skew and deep trees: shown, never dropped, never recursed over. */
class TraceProblemsTest {

    @Test
    void orphansAndDuplicatesAreKeptAndFlagged() throws Exception {
        Trace t = read("handmade-orphans-duplicates.json").traces().getFirst();
        assertThat(t.spanCount()).isEqualTo(5);
        int root = only(t, "0000000000000001");
        int lost = only(t, "0000000000000003");
        assertThat(t.parent(lost)).isEqualTo(-1);
        assertThat(t.flags(lost)).isEqualTo(Trace.ORPHAN);
        assertThat(t.parentSpanId(lost)).isEqualTo("00000000000000ff");
        assertThat(t.rootCount()).isEqualTo(2);
        assertThat(t.root(0)).as("roots by start time: the orphan started first").isEqualTo(lost);
        assertThat(t.summary().rootOperation()).as("the summary's root is the true one").isEqualTo("GET /");

        int[] twos = t.indexOf("0000000000000002");
        assertThat(twos).hasSize(2);
        assertThat(Arrays.stream(twos).map(t::parent).toArray()).containsExactly(root, root);
        assertThat(t.has(twos[0], Trace.DUPLICATE_ID)).isFalse();
        assertThat(t.has(twos[1], Trace.DUPLICATE_ID)).isTrue();
        assertThat(t.isError(twos[0])).isTrue();
        assertThat(t.errorCount()).isEqualTo(1);

        int early = only(t, "0000000000000004");
        assertThat(t.has(early, Trace.CLOCK_SKEW)).as("starts before its parent").isTrue();
        assertThat(t.count(Trace.CLOCK_SKEW)).isEqualTo(1);
        assertThat(t.child(root, 0)).as("children by start time").isEqualTo(early);
        assertThat(t.preorder()).containsExactly(lost, root, early, twos[0], twos[1]);

        Span span = t.span(early);
        assertThat(span.logs()).singleElement().satisfies(l -> {
            assertThat(l.epochNanos()).isEqualTo(1699999999999910L * 1000);
            assertThat(l.fields()).containsEntry("event", "retry");
        });
        assertThat(span.processTags()).containsEntry("hostname", "web-1");
        assertThat(t.kind(root)).isEqualTo(SpanKind.SERVER);
        assertThat(t.services()).containsExactly("db", "frontend");
    }

    @Test
    void cyclesAreCutAndSelfParentsBecomeRoots() throws Exception {
        TraceFile file = read("handmade-zipkin-cycle.json");
        assertThat(file.format()).isEqualTo(TraceFormat.ZIPKIN_V2);
        assertThat(file.traces()).extracting(Trace::traceId).containsExactly("463ac35c9f6413ad", "0000000000000001");
        Trace t = file.traces().getFirst();
        assertThat(t.spanCount()).isEqualTo(4);
        int b = only(t, "b");
        int c = only(t, "c");
        int d = only(t, "d");
        assertThat(t.parent(d)).isEqualTo(-1);
        assertThat(t.has(d, Trace.ORPHAN)).as("its only parent is itself: not found elsewhere").isTrue();
        assertThat(t.has(b, Trace.CYCLE) || t.has(c, Trace.CYCLE)).isTrue();
        assertThat(t.count(Trace.CYCLE)).isEqualTo(1);
        int cut = t.has(b, Trace.CYCLE) ? b : c;
        int other = cut == b ? c : b;
        assertThat(t.parent(cut)).isEqualTo(-1);
        assertThat(t.parent(other)).isEqualTo(cut);
        assertThat(t.preorder()).hasSize(4);
        assertThat(t.isError(c)).isTrue();
        assertThat(file.traces().get(1).kind(0)).isEqualTo(SpanKind.SERVER);
    }

    @Test
    void otlpBase64IdsAndAResourceAfterItsSpans() throws Exception {
        TraceFile file = read("handmade-otlp-base64-ids.json");
        assertThat(file.format()).isEqualTo(TraceFormat.OTLP);
        Trace t = file.traces().getFirst();
        assertThat(t.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
        int child = only(t, "eee19b7ec3c1b174");
        int parent = only(t, "eee19b7ec3c1b173");
        assertThat(t.parent(child)).isEqualTo(parent);
        assertThat(t.services()).containsExactly("checkout");
        assertThat(t.kind(child)).isEqualTo(SpanKind.CLIENT);
        assertThat(t.isError(child)).isTrue();
        assertThat(t.span(child).tags()).containsEntry("list", "[a, 2]").containsEntry("map", "{k=true}")
                .containsEntry("otel.status_description", "boom");
        assertThat(t.span(parent).logs()).singleElement()
                .satisfies(l -> assertThat(l.fields()).containsEntry("event", "cache miss").containsEntry("key", "user:1"));
        assertThat(t.durationNanos(child)).isEqualTo(100_000_000L);
    }

    @Test
    void aChainOfTwentyThousandSpansIsNeverRecursedOver() {
        int n = 20_000;
        TraceBuilder b = new TraceBuilder("deep");
        for (int i = n - 1; i >= 0; i--) {  // children before parents: the order must not matter
            b.spanId("s" + i);
            b.operation("op");
            b.start(1_000_000L + i);
            b.duration(2L * (n - i));
            if (i > 0) {
                b.endRef(io.pitwall.connectors.model.SpanRef.Type.CHILD_OF, "deep", "s" + (i - 1));
            }
            b.endSpan();
        }
        Trace t = b.build();
        int last = only(t, "s" + (n - 1));
        assertThat(t.depth(last)).isEqualTo(n - 1);
        assertThat(t.rootCount()).isEqualTo(1);
        assertThat(t.spanId(t.root(0))).isEqualTo("s0");
        int[] rows = t.preorder();
        assertThat(rows).hasSize(n);
        assertThat(t.spanId(rows[n - 1])).isEqualTo("s" + (n - 1));
        assertThat(t.count(Trace.CLOCK_SKEW | Trace.ORPHAN | Trace.CYCLE)).isZero();
        assertThat(t.durationNanos()).isEqualTo(2L * n);
    }

    @Test
    void aDeepChainReadFromJaegerJson() throws Exception {
        int n = 20_000;
        StringBuilder json = new StringBuilder("{\"traceID\":\"t\",\"processes\":{\"p1\":{\"serviceName\":\"s\"}},\"spans\":[");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append("{\"spanID\":\"").append(i).append("\",\"operationName\":\"o\",")
                    .append("\"startTime\":").append(1_000_000 + i).append(",\"duration\":").append(n - i)
                    .append(",\"processID\":\"p1\",\"references\":[");
            if (i > 0) {
                json.append("{\"refType\":\"CHILD_OF\",\"traceID\":\"t\",\"spanID\":\"").append(i - 1).append("\"}");
            }
            json.append("]}");
        }
        Trace t = TraceFixtures.readText(json.append("]}").toString()).traces().getFirst();
        assertThat(t.spanCount()).isEqualTo(n);
        assertThat(t.depth(only(t, String.valueOf(n - 1)))).isEqualTo(n - 1);
        assertThat(t.parent(only(t, "1"))).isEqualTo(only(t, "0"));
    }
}
