package io.pitwall.connectors.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceDependenciesTest {

    private static final String TWO_SERVICES = """
            [{"traceId":"a1","id":"1","name":"get /","kind":"SERVER","timestamp":1000,"duration":900,
              "localEndpoint":{"serviceName":"frontend"}},
             {"traceId":"a1","id":"2","parentId":"1","name":"get /api","kind":"CLIENT","timestamp":1100,"duration":500,
              "localEndpoint":{"serviceName":"frontend"}},
             {"traceId":"a1","id":"2","parentId":"1","name":"get /api","kind":"SERVER","shared":true,"timestamp":1150,
              "duration":400,"localEndpoint":{"serviceName":"backend"},"tags":{"error":"boom"}},
             {"traceId":"a1","id":"3","parentId":"2","name":"select","kind":"CLIENT","timestamp":1200,"duration":100,
              "localEndpoint":{"serviceName":"backend"},"remoteEndpoint":{"serviceName":"db"}},
             {"traceId":"b2","id":"1","name":"get /","timestamp":5000,"duration":100,"localEndpoint":{"serviceName":"frontend"}},
             {"traceId":"b2","id":"4","parentId":"1","name":"get /api","timestamp":5010,"duration":50,
              "localEndpoint":{"serviceName":"backend"}}]
            """;

    @Test
    void callsAcrossServicesAreCountedWithTheCalledSpansErrors() throws Exception {
        List<Trace> traces = TraceFixtures.readText(TWO_SERVICES).traces();
        assertThat(TraceDependencies.of(traces)).containsExactly(new DependencyLink("frontend", "backend", 2, 1));
    }

    @Test
    void aRealZipkinTraceGivesItsServiceEdgesSorted() throws Exception {
        Trace t = TraceFixtures.read("zipkin-v2-smartthings-oauth-authorization.json").traces().getFirst();
        List<DependencyLink> links = TraceDependencies.of(List.of(t));
        assertThat(links).isNotEmpty().isSortedAccordingTo(java.util.Comparator.comparing(DependencyLink::parent)
                .thenComparing(DependencyLink::child));
        assertThat(links).allSatisfy(l -> assertThat(l.parent()).isNotEqualTo(l.child()));
        long crossings = java.util.stream.IntStream.range(0, t.spanCount())
                .filter(i -> t.parent(i) >= 0 && !t.service(t.parent(i)).equals(t.service(i))).count();
        assertThat(links.stream().mapToLong(DependencyLink::calls).sum()).isEqualTo(crossings);
        assertThat(TraceDependencies.of(List.of())).isEmpty();
    }
}
