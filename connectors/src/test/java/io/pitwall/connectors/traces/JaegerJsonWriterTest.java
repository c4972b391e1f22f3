package io.pitwall.connectors.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.Span;
import io.pitwall.connectors.model.SpanKind;
import io.pitwall.connectors.model.SpanLog;
import io.pitwall.connectors.model.SpanRef;
import io.pitwall.connectors.model.Trace;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Read a fixture, write it as Jaeger JSON, read that: the same traces. */
class JaegerJsonWriterTest {

    static List<Trace> roundTrip(List<Trace> traces) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JaegerJsonWriter.write(out, traces);
        TraceFile back = TraceFixtures.read(out.toByteArray());
        assertThat(back.format()).isEqualTo(TraceFormat.JAEGER_V1);
        return back.traces();
    }

    /** Everything a trace holds, span by span, with its tree. */
    static void assertSame(Trace back, Trace t, boolean exactTags) {
        assertThat(back.traceId()).isEqualTo(t.traceId());
        assertThat(back.spanCount()).isEqualTo(t.spanCount());
        assertThat(back.services()).isEqualTo(t.services());
        assertThat(back.errorCount()).isEqualTo(t.errorCount());
        assertThat(back.rootCount()).isEqualTo(t.rootCount());
        assertThat(back.preorder()).containsExactly(t.preorder());
        for (int i = 0; i < t.spanCount(); i++) {
            Span a = t.span(i);
            Span b = back.span(i);
            assertThat(b.spanId()).isEqualTo(a.spanId());
            assertThat(b.traceId()).isEqualTo(a.traceId());
            assertThat(b.parentSpanId()).isEqualTo(a.parentSpanId());
            assertThat(back.parent(i)).as("parent of span %d", i).isEqualTo(t.parent(i));
            assertThat(b.service()).isEqualTo(a.service());
            assertThat(b.operation()).isEqualTo(a.operation());
            assertThat(b.startNanos()).isEqualTo(a.startNanos() / 1000 * 1000);
            assertThat(b.durationNanos()).isEqualTo(a.durationNanos() / 1000 * 1000);
            assertThat(b.kind()).isEqualTo(a.kind());
            assertThat(b.flags()).as("flags of span %d", i).isEqualTo(a.flags());
            assertThat(b.processTags()).isEqualTo(a.processTags());
            assertThat(b.refs()).isEqualTo(a.refs());
            assertThat(b.logs()).extracting(SpanLog::fields).isEqualTo(a.logs().stream().map(SpanLog::fields).toList());
            assertThat(b.logs()).extracting(SpanLog::epochNanos)
                    .isEqualTo(a.logs().stream().map(l -> l.epochNanos() / 1000 * 1000).toList());
            if (exactTags) {
                assertThat(b.tags()).isEqualTo(a.tags());
            } else {
                Map<String, String> added = new LinkedHashMap<>(b.tags());
                added.keySet().removeAll(a.tags().keySet());
                assertThat(added.keySet()).isSubsetOf("span.kind", "error", "otel.status_code");
                assertThat(b.tags()).containsAllEntriesOf(a.tags());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-traces-telemetrygen-out.json", "ui-api-traces-multi-out.json",
            "ui-history-api-traces-follows-from.json", "api-trace-ui_01.json", "ui-trace-genai.json",
            "ui-trace-graph-testTrace.json", "ui-trace-overlapping-children-longer-than-parent.json",
            "handmade-orphans-duplicates.json"})
    void jaegerFilesComeBackExactly(String fixture) throws Exception {
        List<Trace> traces = TraceFixtures.read(fixture).traces();
        List<Trace> back = roundTrip(traces);
        assertThat(back).hasSameSizeAs(traces);
        for (int k = 0; k < traces.size(); k++) {
            assertSame(back.get(k), traces.get(k), true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"otlp-link_attributes_trace.json", "otlp-in-error.json", "otlp-proto-examples-trace.json",
            "otlp-telemetrygen-in.json", "handmade-otlp-base64-ids.json", "zipkin-v2-smartthings-oauth-authorization.json",
            "handmade-zipkin-cycle.json"})
    void otlpAndZipkinTracesKeepKindsErrorsLinksAndSharedSpans(String fixture) throws Exception {
        List<Trace> traces = TraceFixtures.read(fixture).traces();
        List<Trace> back = roundTrip(traces);
        assertThat(back).hasSameSizeAs(traces);
        for (int k = 0; k < traces.size(); k++) {
            assertSame(back.get(k), traces.get(k), false);
        }
    }

    /** An OTLP span with a plain link (no opentracing.ref_type), carrying attributes. */
    private static final String LINKED = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"worker"}}]},
              "scopeSpans":[{"scope":{"name":"batch"},"spans":[
                {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"process","kind":5,
                 "startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661000000000",
                 "links":[{"traceId":"5b8efff798038103d269b633813fc60b","spanId":"eee19b7ec3c1b173",
                           "attributes":[{"key":"messaging.batch.index","value":{"intValue":"3"}}]}]}]}]}]}
            """;

    @Test
    void linksWithAttributesAndFollowsFromAreWrittenAsReferences() throws Exception {
        Trace t = TraceFixtures.readText(LINKED).traces().getFirst();
        assertThat(t.ref(0, 0).type()).isEqualTo(SpanRef.Type.LINK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JaegerJsonWriter.write(out, List.of(t));
        String json = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"refType\":\"LINK\"").contains("\"attributes\":[");
        Trace back = roundTrip(List.of(t)).getFirst();
        assertSame(back, t, false);
        assertThat(back.ref(0, 0).attributes()).containsEntry("messaging.batch.index", "3");
        assertThat(back.parent(0)).isEqualTo(-1);
        Trace follows = TraceFixtures.read("ui-history-api-traces-follows-from.json").traces().getFirst();
        out.reset();
        JaegerJsonWriter.write(out, List.of(follows));
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"refType\":\"FOLLOWS_FROM\"");
    }

    @Test
    void aKindAndAnErrorWithoutTagsBecomeJaegersTags() throws Exception {
        Trace t = TraceFixtures.read("apiv3-FindTraces.json").traces().getFirst();
        assertThat(t.span(0).tags()).doesNotContainKey("span.kind").containsEntry("otel.status_code", "ERROR");
        Trace back = roundTrip(List.of(t)).getFirst();
        assertThat(back.isError(0)).isTrue();
        assertThat(back.kind(0)).isEqualTo(SpanKind.SERVER);
        assertThat(back.span(0).tags()).containsEntry("span.kind", "server").doesNotContainKey("error");
        // a Zipkin span whose error tag holds a message keeps it, and stays failed
        Trace zipkin = TraceFixtures.readText("""
                [{"traceId":"a1","id":"1","name":"get","timestamp":1000,"duration":9,"localEndpoint":{"serviceName":"api"},
                  "tags":{"error":"401"}}]""").traces().getFirst();
        Trace zipkinBack = roundTrip(List.of(zipkin)).getFirst();
        assertThat(zipkinBack.isError(0)).isTrue();
        assertThat(zipkinBack.span(0).tags()).containsEntry("error", "401").containsEntry("otel.status_code", "ERROR");
    }
}
