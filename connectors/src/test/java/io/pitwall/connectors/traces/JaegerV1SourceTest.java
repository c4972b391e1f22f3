package io.pitwall.connectors.traces;

import static io.pitwall.connectors.traces.MockTraces.RANGE;
import static io.pitwall.connectors.traces.MockTraces.failure;
import static io.pitwall.connectors.traces.MockTraces.fixture;
import static io.pitwall.connectors.traces.MockTraces.json;
import static io.pitwall.connectors.traces.MockTraces.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.SpanRef;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JaegerV1SourceTest {

    private final MockWebServer server = new MockWebServer();
    private JaegerV1Source source;

    @BeforeEach
    void start() throws Exception {
        server.start();
        source = new JaegerV1Source(MockTraces.transport(server, HttpSettings.DEFAULT));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servicesAndOperationsAreReadFromDataSorted() throws Exception {
        server.enqueue(json(200, "{\"data\":[\"telemetrygen\",\"frontend\"],\"total\":2,\"limit\":0,\"offset\":0,\"errors\":null}"));
        assertThat(source.services(RANGE).get()).containsExactly("frontend", "telemetrygen");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/services");

        server.enqueue(json(200, "{\"data\":[\"okey-dokey-0\",\"lets-go\"],\"total\":2,\"limit\":0,\"offset\":0,\"errors\":null}"));
        assertThat(source.operations("telemetrygen", RANGE).get()).containsExactly("lets-go", "okey-dokey-0");
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/services/telemetrygen/operations");
    }

    @Test
    void searchSendsServiceOperationTagsDurationsLimitAndMicrosecondWindow() throws Exception {
        server.enqueue(ok("api-traces-telemetrygen-out.json"));
        TraceQuery q = new TraceQuery("telemetrygen", "lets-go", Map.of("span.kind", "server", "net.peer.ip", "1.2.3.4"),
                Optional.of(Duration.ofMillis(1500)), Optional.of(Duration.ofSeconds(2)), 20, RANGE);
        List<TraceSummary> found = source.search(q).get();

        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/traces");
        assertThat(r.getUrl().queryParameter("service")).isEqualTo("telemetrygen");
        assertThat(r.getUrl().queryParameter("operation")).isEqualTo("lets-go");
        assertThat(r.getUrl().queryParameter("tags")).isEqualTo("{\"net.peer.ip\":\"1.2.3.4\",\"span.kind\":\"server\"}");
        assertThat(r.getUrl().queryParameter("minDuration")).isEqualTo("1.5s");
        assertThat(r.getUrl().queryParameter("maxDuration")).isEqualTo("2s");
        assertThat(r.getUrl().queryParameter("limit")).isEqualTo("20");
        assertThat(r.getUrl().queryParameter("start")).isEqualTo("1764040500000000");
        assertThat(r.getUrl().queryParameter("end")).isEqualTo("1764041100500000");

        Trace expected = TraceFixtures.read("api-traces-telemetrygen-out.json").traces().getFirst();
        assertThat(found).containsExactly(expected.summary());
        assertThat(found.getFirst().traceId()).isEqualTo("83a9efd15c1c98a977e0711cc93ee28b");
        assertThat(found.getFirst().rootService()).isEqualTo("telemetrygen");
    }

    @Test
    void searchWithoutAServiceIsABadQueryAskingNothing() {
        TraceQueryException e = failure(source.search(TraceQuery.of("", RANGE, 10)));
        assertThat(e.kind()).isEqualTo("bad_query");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void traceByIdKeepsFollowsFromReferences() throws Exception {
        server.enqueue(ok("ui-history-api-traces-follows-from.json"));
        Trace t = source.trace("2992F2A5B5D037A8AABFFD08EF384237").get();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/traces/2992f2a5b5d037a8aabffd08ef384237");
        assertThat(t.traceId()).isEqualTo("2992f2a5b5d037a8aabffd08ef384237");
        assertThat(t.services()).containsExactly("issue115");
        boolean followsFrom = false;
        for (int i = 0; i < t.spanCount(); i++) {
            for (int k = 0; k < t.refCount(i); k++) {
                followsFrom |= t.ref(i, k).type() == SpanRef.Type.FOLLOWS_FROM;
            }
        }
        assertThat(followsFrom).isTrue();
    }

    @Test
    void aMissingTraceIsNotFound() {
        server.enqueue(json(404, "{\"data\":null,\"total\":0,\"limit\":0,\"offset\":0,\"errors\":[{\"code\":404,\"msg\":\"trace not found\"}]}"));
        TraceQueryException e = failure(source.trace("00000000000000ff"));
        assertThat(e.kind()).isEqualTo("not_found");
        assertThat(e.getMessage()).contains("00000000000000ff");
    }

    @Test
    void aTraceIdThatIsNotHexIsRefusedBeforeAsking() {
        assertThat(failure(source.trace("../api/services")).kind()).isEqualTo("bad_query");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void dependenciesSendEndAndLookbackInMilliseconds() throws Exception {
        // /api/dependencies answers the jaeger-ui sample's links inside Jaeger's {"data": ...} envelope
        server.enqueue(json(200, "{\"data\":" + fixture("ui-dependencies-small.json") + ",\"total\":0,\"limit\":0,"
                + "\"offset\":0,\"errors\":null}"));
        List<DependencyLink> links = source.dependencies(RANGE).get();
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/dependencies");
        assertThat(r.getUrl().queryParameter("endTs")).isEqualTo("1764041100500");
        assertThat(r.getUrl().queryParameter("lookback")).isEqualTo("600500");
        assertThat(links).hasSize(7).contains(new DependencyLink("Service1", "Service2", 30489, 0),
                new DependencyLink("Service2", "Service4", 129216, 0));
    }

    @Test
    void aJaegerErrorEnvelopeOnA400IsTheMessage() {
        server.enqueue(json(400, "{\"data\":null,\"total\":0,\"limit\":0,\"offset\":0,\"errors\":[{\"code\":400,"
                + "\"msg\":\"parameter 'service' is required\"}]}"));
        TraceQueryException e = failure(source.search(TraceQuery.of("x", RANGE, 5)));
        assertThat(e.kind()).isEqualTo("bad_query");
        assertThat(e.getMessage()).isEqualTo("parameter 'service' is required");
    }
}
