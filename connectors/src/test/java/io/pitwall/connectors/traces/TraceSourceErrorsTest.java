package io.pitwall.connectors.traces;

import static io.pitwall.connectors.traces.MockTraces.RANGE;
import static io.pitwall.connectors.traces.MockTraces.failure;
import static io.pitwall.connectors.traces.MockTraces.fixture;
import static io.pitwall.connectors.traces.MockTraces.json;
import static io.pitwall.connectors.traces.MockTraces.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.prometheus.TraceEndpoint;
import io.pitwall.connectors.session.SourceState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every protocol's failures: each status, a body that is not JSON, cut short, or late, is one line of the right kind. */
class TraceSourceErrorsTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpTracesSource source(TraceEndpoint.Protocol p) {
        return HttpTracesSource.of(p, MockTraces.transport(server, HttpSettings.DEFAULT));
    }

    @ParameterizedTest
    @EnumSource(TraceEndpoint.Protocol.class)
    void statusesBecomeKindsWithWhatTheServerSaid(TraceEndpoint.Protocol p) {
        HttpTracesSource s = source(p);
        server.enqueue(text(400, "text/plain", "malformed parameter query.start_time_min: parsing time \"x\"\nmore"));
        TraceQueryException e = failure(s.search(TraceQuery.of("frontend", RANGE, 10)));
        assertThat(e.kind()).isEqualTo("bad_query");
        assertThat(e.getMessage()).isEqualTo("malformed parameter query.start_time_min: parsing time \"x\"");

        server.enqueue(text(401, "text/plain", "Unauthorized"));
        e = failure(s.services(RANGE));
        assertThat(e.kind()).isEqualTo("unauthorized");
        assertThat(e.getMessage()).contains("401 Unauthorized").contains(s.endpoint());

        server.enqueue(json(403, "{\"error\":{\"httpCode\":403,\"message\":\"RBAC: access denied\"}}"));
        e = failure(s.services(RANGE));
        assertThat(e.kind()).isEqualTo("forbidden");
        assertThat(e.getMessage()).endsWith("(403 Forbidden): RBAC: access denied");

        server.enqueue(text(404, "text/plain", "404 page not found"));
        e = failure(s.services(RANGE));
        assertThat(e.kind()).isEqualTo("not_found");
        assertThat(e.getMessage()).contains("has no the services API (404 Not Found)");

        server.enqueue(text(500, "text/plain", "storage: connection to cassandra lost\ngoroutine 1 [running]:"));
        e = failure(s.dependencies(RANGE));
        assertThat(e.kind()).isEqualTo("server_error");
        assertThat(e.getMessage()).endsWith("with HTTP 500: storage: connection to cassandra lost");

        server.enqueue(text(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>"));
        e = failure(s.services(RANGE));
        assertThat(e.kind()).isEqualTo("server_error");
        assertThat(e.getMessage()).endsWith("with HTTP 502");
    }

    @ParameterizedTest
    @EnumSource(TraceEndpoint.Protocol.class)
    void anHtmlPageIsABadResponseNamingWhatItSaid(TraceEndpoint.Protocol p) {
        server.enqueue(text(200, "text/html", "<!doctype html>\n<html><head><title>Grafana</title></head></html>"));
        TraceQueryException e = failure(source(p).services(RANGE));
        assertThat(e.kind()).isEqualTo("bad_response");
        assertThat(e.getMessage()).contains("\"<!doctype html> <html><head><title>Grafana</title></head></html>\"")
                .contains("is this " + (p == TraceEndpoint.Protocol.ZIPKIN ? "Zipkin" : "Jaeger") + "'s URL");
    }

    @ParameterizedTest
    @EnumSource(TraceEndpoint.Protocol.class)
    void garbageJsonIsABadResponse(TraceEndpoint.Protocol p) {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\"}}"));
        TraceQueryException e = failure(source(p).search(TraceQuery.of("frontend", RANGE, 10)));
        assertThat(e.kind()).isEqualTo("bad_response");
        server.enqueue(json(200, "{]"));
        assertThat(failure(source(p).services(RANGE)).kind()).isEqualTo("bad_response");
    }

    @ParameterizedTest
    @EnumSource(TraceEndpoint.Protocol.class)
    void aTruncatedBodyIsABadResponse(TraceEndpoint.Protocol p) {
        String body = switch (p) {
            case JAEGER_V1 -> fixture("api-traces-telemetrygen-out.json");
            case JAEGER_V3 -> fixture("apiv3-FindTraces.json");
            case ZIPKIN -> "[" + fixture("zipkin-v2-smartthings-oauth-authorization.json") + "]";
        };
        server.enqueue(json(200, body.substring(0, body.length() / 2)));
        TraceQueryException e = failure(source(p).search(TraceQuery.of("frontend", RANGE, 10)));
        assertThat(e.kind()).isEqualTo("bad_response");
        assertThat(e.getMessage()).contains("cut short");
    }

    @ParameterizedTest
    @EnumSource(TraceEndpoint.Protocol.class)
    void aServerThatDoesNotAnswerInTimeIsUnreachable(TraceEndpoint.Protocol p) {
        HttpTracesSource s = HttpTracesSource.of(p, MockTraces.transport(server,
                HttpSettings.DEFAULT.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))));
        server.enqueue(new MockResponse.Builder().code(200).body("[\"a\"]").headersDelay(2, TimeUnit.SECONDS).build());
        TraceQueryException e = failure(s.services(RANGE));
        assertThat(e.kind()).isEqualTo("unreachable");
        assertThat(e.getMessage()).isEqualTo("no answer from " + s.endpoint() + " within the timeout");
    }

    @ParameterizedTest
    @EnumSource(TraceEndpoint.Protocol.class)
    void theStateFollowsTheAnswersButAMissingTraceSaysNothing(TraceEndpoint.Protocol p) throws Exception {
        HttpTracesSource s = source(p);
        List<SourceState> states = new ArrayList<>();
        java.lang.reflect.Field f = HttpTracesSource.class.getDeclaredField("onState");
        f.setAccessible(true);
        f.set(s, (java.util.function.Consumer<SourceState>) states::add);
        server.enqueue(text(503, "text/plain", "no healthy upstream"));
        failure(s.services(RANGE));
        server.enqueue(json(200, p == TraceEndpoint.Protocol.JAEGER_V3 ? "{\"services\":[\"a\"]}"
                : p == TraceEndpoint.Protocol.JAEGER_V1 ? "{\"data\":[\"a\"]}" : "[\"a\"]"));
        s.services(RANGE).get();
        server.enqueue(text(404, "text/plain", "trace not found"));
        failure(s.trace("abcdef"));
        assertThat(states).hasSize(2);
        assertThat(states.get(0)).isInstanceOf(SourceState.Failing.class);
        assertThat(((SourceState.Failing) states.get(0)).reason()).endsWith("HTTP 503: no healthy upstream");
        assertThat(states.get(1)).isEqualTo(new SourceState.Connected(s.describe()));
    }
}
