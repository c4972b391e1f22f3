package io.pitwall.connectors.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.connectors.traces.TraceQuery;
import io.pitwall.connectors.traces.TracesSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Jaeger, OTLP or Zipkin JSON file opened as a session whose traces are the file's; other JSON is not taken for traces. */
class TraceFileSessionsTest {

    private static final TimeRange ALL = new TimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private Path copy(String folder, String resource) throws IOException {
        Path p = dir.resolve(resource);
        try (InputStream in = getClass().getResourceAsStream("/" + folder + "/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, p);
        }
        return p;
    }

    @ParameterizedTest
    @CsvSource({
            "api-traces-telemetrygen-out.json, Jaeger JSON, 83a9efd15c1c98a977e0711cc93ee28b",
            "otlp-example_trace.json, OTLP JSON, 00000000000000000000000000000011",
            "zipkin-v2-smartthings-oauth-authorization.json, Zipkin v2 JSON, 8ce82b2e9ed820ba"})
    void aTraceFileIsASessionWithItsTraces(String file, String format, String traceId) throws Exception {
        try (Session s = FileSessions.open(copy("traces", file))) {
            assertThat(s.info().kind()).isEqualTo(SessionInfo.Kind.OFFLINE);
            assertThat(s.state(Signal.TRACES)).isInstanceOfSatisfying(SourceState.Offline.class, o -> {
                assertThat(o.present()).isTrue();
                assertThat(o.contents()).startsWith(format + ", ");
            });
            assertThat(s.state(Signal.LOGS)).isInstanceOfSatisfying(SourceState.Offline.class,
                    o -> assertThat(o.present()).isFalse());
            TracesSource traces = s.traces().orElseThrow();
            assertThat(traces.local()).isTrue();
            assertThat(traces.describe()).isEqualTo("file " + file);
            assertThat(traces.search(TraceQuery.of("", s.info().captured().orElseThrow(), 10)).get())
                    .extracting(TraceSummary::traceId).contains(traceId);
            assertThat(traces.trace(traceId).get().spanCount()).isPositive();
            assertThat(traces.services(ALL).get()).isNotEmpty();
            assertThat(s.metrics()).isEmpty();
        }
    }

    @Test
    void kubernetesAndLokiJsonAreNotTakenForTraces() throws Exception {
        try (Session s = FileSessions.open(copy("kubernetes", "k9s-pod.json"))) {
            assertThat(s.traces()).isEmpty();
            assertThat(s.clusterState()).isPresent();
        }
        try (Session s = FileSessions.open(copy("loki", "query_range-streams.json"))) {
            assertThat(s.traces()).isEmpty();
            assertThat(s.logs()).isPresent();
        }
    }
}
