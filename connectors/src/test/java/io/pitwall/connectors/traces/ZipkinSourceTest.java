package io.pitwall.connectors.traces;

import static io.pitwall.connectors.traces.MockTraces.RANGE;
import static io.pitwall.connectors.traces.MockTraces.failure;
import static io.pitwall.connectors.traces.MockTraces.fixture;
import static io.pitwall.connectors.traces.MockTraces.json;
import static io.pitwall.connectors.traces.MockTraces.ok;
import static io.pitwall.connectors.traces.MockTraces.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZipkinSourceTest {

    private static final String TRACE_ID = "8ce82b2e9ed820ba";
    private final MockWebServer server = new MockWebServer();
    private ZipkinSource source;

    @BeforeEach
    void start() throws Exception {
        server.start();
        source = new ZipkinSource(MockTraces.transport(server, HttpSettings.DEFAULT));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servicesAndSpanNames() throws Exception {
        server.enqueue(json(200, "[\"paperboy\",\"auth\",\"account\"]"));
        assertThat(source.services(RANGE).get()).containsExactly("account", "auth", "paperboy");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v2/services");

        server.enqueue(json(200, "[\"post /tokens/access\",\"client-select-by-id\"]"));
        assertThat(source.operations("auth", RANGE).get()).containsExactly("client-select-by-id", "post /tokens/access");
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v2/spans");
        assertThat(r.getUrl().queryParameter("serviceName")).isEqualTo("auth");
    }

    @Test
    void searchSendsAnnotationQueryMicrosecondDurationsAndMillisecondWindow() throws Exception {
        // /api/v2/traces answers a list of traces: the one real trace inside the list
        server.enqueue(json(200, "[" + fixture("zipkin-v2-smartthings-oauth-authorization.json") + "]"));
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("http.method", "POST");
        tags.put("error", "");
        List<TraceSummary> found = source.search(new TraceQuery("auth", "post /tokens/access", tags,
                Optional.of(Duration.ofMillis(100)), Optional.of(Duration.ofSeconds(3)), 15, RANGE)).get();
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v2/traces");
        assertThat(r.getUrl().queryParameter("serviceName")).isEqualTo("auth");
        assertThat(r.getUrl().queryParameter("spanName")).isEqualTo("post /tokens/access");
        assertThat(r.getUrl().queryParameter("annotationQuery")).isEqualTo("error and http.method=POST");
        assertThat(r.getUrl().queryParameter("minDuration")).isEqualTo("100000");
        assertThat(r.getUrl().queryParameter("maxDuration")).isEqualTo("3000000");
        assertThat(r.getUrl().queryParameter("endTs")).isEqualTo("1764041100500");
        assertThat(r.getUrl().queryParameter("lookback")).isEqualTo("600500");
        assertThat(r.getUrl().queryParameter("limit")).isEqualTo("15");

        Trace expected = TraceFixtures.read("zipkin-v2-smartthings-oauth-authorization.json").traces().getFirst();
        assertThat(found).containsExactly(expected.summary());
        assertThat(found.getFirst().traceId()).isEqualTo(TRACE_ID);
        assertThat(found.getFirst().services()).contains("auth", "paperboy", "bouncer");
        assertThat(found.getFirst().errorCount()).isEqualTo(2);
    }

    @Test
    void anEmptySearchIsAnEmptyList() throws Exception {
        server.enqueue(json(200, "[]"));
        assertThat(source.search(TraceQuery.of("auth", RANGE, 10)).get()).isEmpty();
    }

    @Test
    void traceById() throws Exception {
        server.enqueue(ok("zipkin-v2-smartthings-oauth-authorization.json"));
        Trace t = source.trace(TRACE_ID).get();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v2/trace/" + TRACE_ID);
        assertThat(t.spanCount()).isEqualTo(175);
        assertThat(t.traceId()).isEqualTo(TRACE_ID);
    }

    @Test
    void aMissingTraceIsNotFound() {
        server.enqueue(text(404, "text/plain", "Trace not found"));
        TraceQueryException e = failure(source.trace("00000000000000aa"));
        assertThat(e.kind()).isEqualTo("not_found");
        assertThat(e.getMessage()).isEqualTo("trace 00000000000000aa is not in Zipkin " + source.endpoint());
    }

    @Test
    void dependenciesKeepTheErrorCount() throws Exception {
        server.enqueue(json(200, "[{\"parent\":\"paperboy\",\"child\":\"auth\",\"callCount\":12,\"errorCount\":3},"
                + "{\"parent\":\"auth\",\"child\":\"account\",\"callCount\":5}]"));
        assertThat(source.dependencies(RANGE).get()).containsExactly(new DependencyLink("paperboy", "auth", 12, 3),
                new DependencyLink("auth", "account", 5, 0));
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v2/dependencies");
        assertThat(r.getUrl().queryParameter("endTs")).isEqualTo("1764041100500");
        assertThat(r.getUrl().queryParameter("lookback")).isEqualTo("600500");
    }
}
