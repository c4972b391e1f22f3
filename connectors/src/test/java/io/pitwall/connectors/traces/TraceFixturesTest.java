package io.pitwall.connectors.traces;

import static io.pitwall.connectors.traces.TraceFixtures.only;
import static io.pitwall.connectors.traces.TraceFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.Trace;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every real trace file of the fixtures (test resources {@code traces/}, see SOURCES.md there). */
class TraceFixturesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // file | format | traces | spans of each | services of the first | duration of each (ns)
        "api-trace-ui_01.json | JAEGER_V1 | 1 | 5 | service-x service-y | 5000",
        "api-traces-telemetrygen-out.json | JAEGER_V1 | 1 | 2 | telemetrygen | 123000",
        "apiv3-FindTraces.json | OTLP | 1 | 1 | unknown | 0",
        "apiv3-GetTrace.json | OTLP | 1 | 1 | unknown | 0",
        "otlp-example_trace.json | OTLP | 1 | 5 | example-service-1 example-service-2 example-service-3 | 100000",
        "otlp-in-error.json | OTLP | 1 | 1 | unknown | 123000",
        "otlp-link_attributes_trace.json | OTLP | 1 | 1 | query25-service | 2000",
        "otlp-memory-otel_traces_01.json | OTLP | 2 | 2 2 | service-x | 5000 5000",
        "otlp-multi-in-combined.json | OTLP | 1 | 4 | example-trace | 176321958",
        "otlp-proto-examples-trace.json | OTLP | 1 | 1 | my.service | 1000000000",
        "otlp-telemetrygen-in.json | OTLP | 1 | 2 | telemetrygen | 123000",
        "ui-api-traces-multi-out.json | JAEGER_V1 | 1 | 4 | example-trace | 176321000",
        "ui-history-api-traces-follows-from.json | JAEGER_V1 | 1 | 2 | issue115 | 70406000",
        "ui-trace-genai.json | JAEGER_V1 | 1 | 57 | api-edge auth-service coding-agent graphql-gateway k8s-api mcp-gateway metrics-backend summarizer-agent trace-store vector-store | 44000000000",
        "ui-trace-graph-testTrace.json | JAEGER_V1 | 1 | 11 | service1 service2 | 1000000000",
        "ui-trace-overlapping-children-longer-than-parent.json | JAEGER_V1 | 1 | 4 | service-one service-two | 400000",
        "zipkin-v2-smartthings-oauth-authorization.json | ZIPKIN_V2 | 1 | 175 | account auth bouncer datamgmt dove paperboy pusher stlogin | 100348445000",
    })
    void readsEachFixture(String file, TraceFormat format, int traces, String spans, String services, String durations)
            throws Exception {
        TraceFile read = read(file);
        assertThat(read.format()).isEqualTo(format);
        assertThat(read.traces()).hasSize(traces);
        assertThat(read.traces().stream().mapToInt(Trace::spanCount).toArray())
                .containsExactly(Arrays.stream(spans.split(" ")).mapToInt(Integer::parseInt).toArray());
        assertThat(read.traces().getFirst().services()).containsExactly(services.split(" "));
        assertThat(read.traces().stream().mapToLong(Trace::durationNanos).toArray())
                .containsExactly(Arrays.stream(durations.split(" ")).mapToLong(Long::parseLong).toArray());
        for (Trace t : read.traces()) {
            int rows = t.preorder().length;
            assertThat(rows).as("every span is a row").isEqualTo(t.spanCount());
        }
    }

    @org.junit.jupiter.api.Test
    void jaegerParentsDepthsAndChildrenByStart() throws Exception {
        Trace t = read("ui-trace-graph-testTrace.json").traces().getFirst();
        assertThat(t.traceId()).isEqualTo("trace-123");
        int root = only(t, "span-1");
        assertThat(t.rootCount()).isEqualTo(1);
        assertThat(t.root(0)).isEqualTo(root);
        assertThat(t.parent(only(t, "span-5"))).isEqualTo(only(t, "span-4"));
        assertThat(t.depth(only(t, "span-5"))).isEqualTo(3);
        assertThat(t.parentSpanId(only(t, "span-5"))).isEqualTo("span-4");
        List<String> children = java.util.stream.IntStream.range(0, t.childCount(root))
                .mapToObj(k -> t.spanId(t.child(root, k))).toList();
        assertThat(children).containsExactly("span-2", "span-3", "span-2_1", "span-6", "span-12");
        assertThat(t.service(only(t, "span-4"))).isEqualTo("service2");
        assertThat(t.durationNanos(only(t, "span-4"))).isEqualTo(20_000_000L);
        assertThat(t.startNanos(root)).isEqualTo(1542666452979000L * 1000);
    }

    @org.junit.jupiter.api.Test
    void followsFromIsKeptAsAReferenceAndMakesTheParent() throws Exception {
        Trace t = read("ui-history-api-traces-follows-from.json").traces().getFirst();
        int thread = only(t, "1bdf4201221bb2ac");
        int demo = only(t, "ea7cfaca83f0724b");
        assertThat(t.parent(thread)).isEqualTo(demo);
        assertThat(t.refCount(thread)).isEqualTo(1);
        assertThat(t.ref(thread, 0).type()).isEqualTo(io.pitwall.connectors.model.SpanRef.Type.FOLLOWS_FROM);
        assertThat(t.ref(thread, 0).spanId()).isEqualTo("ea7cfaca83f0724b");
        assertThat(t.flags(thread)).isZero();

        Trace graph = read("ui-trace-graph-testTrace.json").traces().getFirst();
        int seven = only(graph, "span-7");
        assertThat(graph.parent(seven)).isEqualTo(only(graph, "span-6"));
        assertThat(graph.span(seven).refs()).singleElement()
                .extracting(r -> r.type()).isEqualTo(io.pitwall.connectors.model.SpanRef.Type.FOLLOWS_FROM);
        assertThat(graph.has(seven, Trace.CLOCK_SKEW)).as("a FOLLOWS_FROM child may end after its parent").isFalse();
    }

    @org.junit.jupiter.api.Test
    void overlappingChildrenLongerThanTheParentAreFlaggedAsSkewed() throws Exception {
        Trace t = read("ui-trace-overlapping-children-longer-than-parent.json").traces().getFirst();
        int send = only(t, "006c3cf93508f205");
        assertThat(t.childCount(send)).isEqualTo(3);
        assertThat(t.kind(send)).isEqualTo(io.pitwall.connectors.model.SpanKind.PRODUCER);
        assertThat(t.has(only(t, "4570ab68826f43f9"), Trace.CLOCK_SKEW)).as("inside its parent").isFalse();
        assertThat(t.has(only(t, "2dc4b796e2127e32"), Trace.CLOCK_SKEW)).isTrue();
        assertThat(t.has(only(t, "5d423585b4c63d48"), Trace.CLOCK_SKEW)).isTrue();
        assertThat(t.count(Trace.CLOCK_SKEW)).isEqualTo(2);
    }

    @org.junit.jupiter.api.Test
    void jaegerDuplicatesOtherTracesReferencesTagsAndLogs() throws Exception {
        Trace t = read("api-trace-ui_01.json").traces().getFirst();
        int[] twos = t.indexOf("0000000000000002");
        assertThat(twos).hasSize(2);
        assertThat(t.has(twos[0], Trace.DUPLICATE_ID)).isFalse();
        assertThat(t.has(twos[1], Trace.DUPLICATE_ID)).isTrue();
        int four = only(t, "0000000000000004");
        assertThat(t.parent(four)).as("its first CHILD_OF is in another trace: the next one").isEqualTo(twos[0]);
        assertThat(t.refCount(four)).isEqualTo(3);
        assertThat(t.parent(only(t, "0000000000000005"))).isEqualTo(four);
        assertThat(t.span(twos[0]).logs()).isNotEmpty();
        assertThat(t.service(four)).isEqualTo("service-y");

        Trace genai = read("ui-trace-genai.json").traces().getFirst();
        assertThat(genai.parent(only(genai, "0000000000000006"))).isEqualTo(only(genai, "0000000000000005"));
        assertThat(genai.errorCount()).isEqualTo(1);
        assertThat(genai.summary().rootService()).isEqualTo(genai.service(only(genai, "0000000000000001")));
        assertThat(genai.summary().rootOperation()).isEqualTo("POST /api/graphql");
        assertThat(genai.summary().spanCount()).isEqualTo(57);
    }

    @org.junit.jupiter.api.Test
    void otlpParentsAttributesStatusEventsAndLinks() throws Exception {
        Trace multi = read("otlp-multi-in-combined.json").traces().getFirst();
        assertThat(multi.traceId()).isEqualTo("c620759e5d60fafb8ee0922b30e06bc6");
        int main = only(multi, "eff3153be6b1fb93");
        assertThat(multi.rootCount()).isEqualTo(1);
        assertThat(multi.root(0)).isEqualTo(main);
        assertThat(multi.parent(only(multi, "49b8e9efa1e8a3b1"))).isEqualTo(main);
        assertThat(multi.parent(only(multi, "26f5ef9dbb885479"))).isEqualTo(only(multi, "49b8e9efa1e8a3b1"));
        assertThat(multi.durationNanos(main)).isEqualTo(1711138247116321958L - 1711138246940000000L);
        assertThat(multi.processTags().get(multi.process(main), "telemetry.sdk.language")).isEqualTo("nodejs");

        TraceFile memory = read("otlp-memory-otel_traces_01.json");
        Trace first = memory.traces().getFirst();
        assertThat(first.traceId()).isEqualTo("00000000000000010000000000000000");
        int two = only(first, "0000000000000002");
        assertThat(first.isError(two)).isTrue();
        assertThat(first.spanId(first.parent(two))).as("its parent 0000000000000003 is in the other trace, so its"
                + " FOLLOWS_FROM link to 0000000000000004 makes the parent").isEqualTo("0000000000000004");
        assertThat(first.has(two, Trace.ORPHAN)).isFalse();
        int four = only(first, "0000000000000004");
        assertThat(first.has(four, Trace.ORPHAN)).as("0000000000000011 is nowhere").isTrue();
        assertThat(first.parentSpanId(four)).isEqualTo("0000000000000011");
        assertThat(first.logCount(two)).isEqualTo(2);
        assertThat(first.refCount(two)).as("two links, no parent in this trace").isEqualTo(3);
        assertThat(first.errorCount()).isEqualTo(2);

        Trace proto = read("otlp-proto-examples-trace.json").traces().getFirst();
        assertThat(proto.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(proto.kind(0)).isEqualTo(io.pitwall.connectors.model.SpanKind.SERVER);
        assertThat(proto.tags().get(0, "my.span.attr")).isEqualTo("some value");
        assertThat(proto.tags().get(0, "otel.scope.name")).isEqualTo("my.library");

        Trace links = read("otlp-link_attributes_trace.json").traces().getFirst();
        assertThat(links.span(0).refs()).extracting(r -> r.type()).containsExactly(
                io.pitwall.connectors.model.SpanRef.Type.CHILD_OF, io.pitwall.connectors.model.SpanRef.Type.CHILD_OF,
                io.pitwall.connectors.model.SpanRef.Type.FOLLOWS_FROM);
        assertThat(links.span(0).refs().getFirst().attributes()).containsEntry("sameplacelinkattribute2", "123");

        Trace v3 = read("apiv3-GetTrace.json").traces().getFirst();
        assertThat(v3.isError(0)).isTrue();
        assertThat(v3.kind(0)).isEqualTo(io.pitwall.connectors.model.SpanKind.SERVER);
    }

    @org.junit.jupiter.api.Test
    void zipkinSharedServerSpansHangUnderTheirClients() throws Exception {
        Trace t = read("zipkin-v2-smartthings-oauth-authorization.json").traces().getFirst();
        assertThat(t.traceId()).isEqualTo("8ce82b2e9ed820ba");
        assertThat(t.rootCount()).isEqualTo(1);
        assertThat(t.spanId(t.root(0))).isEqualTo("8ce82b2e9ed820ba");
        assertThat(t.operation(t.root(0))).isEqualTo("get /oauth/authorize");
        int child = only(t, "c8a2bcb3011b9fcd");
        assertThat(t.spanId(t.parent(child))).isEqualTo("54456c991996a6c7");
        assertThat(t.service(child)).isEqualTo("auth");
        assertThat(t.durationNanos(child)).isEqualTo(3_816_000L);
        int[] retried = t.indexOf("9d2d35b746db84f3");
        assertThat(retried).hasSize(6);
        int client = Arrays.stream(retried).filter(i -> t.kind(i) == io.pitwall.connectors.model.SpanKind.CLIENT)
                .findFirst().orElseThrow();
        for (int i : retried) {
            if (i != client) {
                assertThat(t.parent(i)).as("a shared server span is its client's child").isEqualTo(client);
            }
        }
        assertThat(TraceFixtures.withFlag(t, Trace.DUPLICATE_ID)).as("the four retries beyond the first server span")
                .hasSize(4);
        assertThat(t.count(Trace.ORPHAN)).isZero();
        assertThat(t.errorCount()).isEqualTo(2);
    }
}
