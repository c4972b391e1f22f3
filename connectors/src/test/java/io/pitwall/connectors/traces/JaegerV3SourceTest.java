package io.pitwall.connectors.traces;

import static io.pitwall.connectors.traces.MockTraces.RANGE;
import static io.pitwall.connectors.traces.MockTraces.failure;
import static io.pitwall.connectors.traces.MockTraces.fixture;
import static io.pitwall.connectors.traces.MockTraces.json;
import static io.pitwall.connectors.traces.MockTraces.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.http.HttpSettings;
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

class JaegerV3SourceTest {

    private static final String NO_TRACES = "{\"error\":{\"httpCode\":404,\"message\":\"No traces found\"}}";
    private final MockWebServer server = new MockWebServer();
    private JaegerV3Source source;

    @BeforeEach
    void start() throws Exception {
        server.start();
        source = new JaegerV3Source(MockTraces.transport(server, HttpSettings.DEFAULT));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servicesAndOperations() throws Exception {
        server.enqueue(ok("apiv3-GetServices.json"));
        assertThat(source.services(RANGE).get()).containsExactly("foo");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v3/services");

        server.enqueue(ok("apiv3-GetOperations.json"));
        assertThat(source.operations("foo", RANGE).get()).containsExactly("get_users");
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/operations");
        assertThat(r.getUrl().queryParameter("service")).isEqualTo("foo");
    }

    @Test
    void searchSendsTheQueryFieldsWithRfc3339TimesAndGoDurations() throws Exception {
        server.enqueue(ok("apiv3-FindTraces.json"));
        TraceQuery q = new TraceQuery("foo", "foobar", Map.of(), Optional.of(Duration.ofMillis(1500)),
                Optional.of(Duration.ofMillis(250)), 30, RANGE);
        List<TraceSummary> found = source.search(q).get();
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/traces");
        assertThat(r.getUrl().queryParameter("query.service_name")).isEqualTo("foo");
        assertThat(r.getUrl().queryParameter("query.operation_name")).isEqualTo("foobar");
        assertThat(r.getUrl().queryParameter("query.start_time_min")).isEqualTo("2025-11-25T03:15:00Z");
        assertThat(r.getUrl().queryParameter("query.start_time_max")).isEqualTo("2025-11-25T03:25:00.500Z");
        assertThat(r.getUrl().queryParameter("query.duration_min")).isEqualTo("1.5s");
        assertThat(r.getUrl().queryParameter("query.duration_max")).isEqualTo("0.25s");
        assertThat(r.getUrl().queryParameter("query.search_depth")).isEqualTo("30");
        assertThat(r.getUrl().queryParameter("query.attributes")).isNull();
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.traceId()).isEqualTo("00000000000000000000000000000001");
            assertThat(s.rootOperation()).isEqualTo("foobar");
            assertThat(s.errorCount()).isEqualTo(1);
        });
    }

    @Test
    void attributesAreSentAndCheckedOnTheTracesThatCameBack() throws Exception {
        server.enqueue(ok("otlp-proto-examples-trace.json"));
        Trace all = TraceFixtures.read("otlp-proto-examples-trace.json").traces().getFirst();
        int tagged = java.util.stream.IntStream.range(0, all.spanCount()).filter(i -> all.tags().size(i) > 0).findFirst()
                .orElseThrow();
        String key = all.tags().key(tagged, 0);
        String value = all.tags().value(tagged, 0);
        List<TraceSummary> found = source.search(new TraceQuery(all.service(0), "", Map.of(key, value), Optional.empty(),
                Optional.empty(), 10, RANGE)).get();
        assertThat(server.takeRequest().getUrl().queryParameter("query.attributes"))
                .isEqualTo("{\"" + key + "\":\"" + value + "\"}");
        assertThat(found).extracting(TraceSummary::traceId).containsExactly(all.traceId());

        server.enqueue(ok("otlp-proto-examples-trace.json"));
        assertThat(source.search(new TraceQuery(all.service(0), "", Map.of(key, value + "-not"), Optional.empty(),
                Optional.empty(), 10, RANGE)).get()).isEmpty();
    }

    @Test
    void aSearchThatFindsNothingIsEmptyNotAnError() throws Exception {
        server.enqueue(json(404, NO_TRACES));
        assertThat(source.search(TraceQuery.of("foo", RANGE, 10)).get()).isEmpty();
    }

    @Test
    void traceByIdReadsTheResultAndAStreamOfSeveralResults() throws Exception {
        server.enqueue(ok("apiv3-GetTrace.json"));
        Trace t = source.trace("00000000000000000000000000000001").get();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v3/traces/00000000000000000000000000000001");
        assertThat(t.spanCount()).isEqualTo(1);

        // grpc-gateway streams a large trace as one {"result": ...} object per chunk, one after the other
        server.enqueue(json(200, fixture("apiv3-GetTrace.json") + "\n" + fixture("apiv3-FindTraces.json")));
        Trace two = source.trace("00000000000000000000000000000001").get();
        assertThat(two.spanCount()).isEqualTo(2);
    }

    @Test
    void aMissingTraceIsNotFound() {
        server.enqueue(json(404, NO_TRACES));
        TraceQueryException e = failure(source.trace("abc"));
        assertThat(e.kind()).isEqualTo("not_found");
    }

    @Test
    void dependenciesComeFromTheV1ApiOrAreEmptyWithoutIt() throws Exception {
        server.enqueue(json(200, "{\"data\":" + fixture("ui-dependencies-small.json") + "}"));
        assertThat(source.dependencies(RANGE).get()).hasSize(7);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/dependencies");
        server.enqueue(json(404, "404 page not found"));
        assertThat(source.dependencies(RANGE).get()).isEmpty();
    }
}
