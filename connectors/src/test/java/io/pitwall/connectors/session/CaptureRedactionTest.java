package io.pitwall.connectors.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.logs.CapturedLogs;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.logs.LogsSource;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.security.CapturedSecurity;
import io.pitwall.connectors.security.FalcoEvents;
import io.pitwall.connectors.security.SecuritySource;
import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleEntry;
import io.pitwall.connectors.snapshot.BundleReader;
import io.pitwall.connectors.traces.CapturedTraces;
import io.pitwall.connectors.traces.TraceFiles;
import io.pitwall.connectors.traces.TracesSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary secrets planted in a log line, a span's attribute and a Falco event's command line: a
 * capture holds none of them, anywhere in the bundle's bytes, and counts what it hid by kind.
 */
class CaptureRedactionTest {

    private static final Instant END = Instant.parse("2026-11-24T04:00:00Z");
    private static final TimeRange WINDOW = TimeRange.ending(END, Duration.ofHours(1));
    private static final String LOG_KEY = "AKIAQZCANARY0LOG1234";
    private static final String SPAN_PASSWORD = "canarySpanPw77";
    private static final String FALCO_PASSWORD = "canaryFalcoPw42";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJjYW5hcnkiOiJqd3QifQ.Zm9vYmFyYmF6cXV4Y2FuYXJ5";

    @TempDir
    Path dir;

    @Test
    void noCanaryLeavesTheMachine() throws Exception {
        long t = END.minusSeconds(600).getEpochSecond() * 1_000_000_000L;
        LogsSource logs = new CapturedLogs(List.of(
                new LogEntry(t, new LogStream(Map.of("namespace", "shop", "pod", "web-1")),
                        "uploading with key " + LOG_KEY + " and Authorization: Bearer " + JWT),
                new LogEntry(t + 1, new LogStream(Map.of("namespace", "shop", "pod", "web-1")), "GET /health 200")), "test");
        String zipkin = """
                [[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","id":"00f067aa0ba902b7","name":"get /orders",
                   "timestamp":%d,"duration":1200,"kind":"SERVER","localEndpoint":{"serviceName":"orders"},
                   "tags":{"db.statement":"connect mysql://orders:%s@db:3306/orders","http.status_code":"200"}}]]
                """.formatted(END.minusSeconds(300).getEpochSecond() * 1_000_000L, SPAN_PASSWORD);
        TracesSource traces = new CapturedTraces(TraceFiles.read(new ByteArrayInputStream(zipkin.getBytes(StandardCharsets.UTF_8)))
                .traces(), "test");
        String falco = """
                {"output":"03:50:00.000: Notice Shell spawned (cmdline=mysql -u root --password=%s)","priority":"Notice",
                 "rule":"Terminal shell in container","time":"2026-11-24T03:50:00.000000000Z",
                 "output_fields":{"proc.cmdline":"mysql -u root --password=%s","k8s.ns.name":"shop","k8s.pod.name":"web-1"}}
                """.formatted(FALCO_PASSWORD, FALCO_PASSWORD).replace("\n", "");
        SecuritySource security = new CapturedSecurity(List.of(FalcoEvents.event(falco)), List.of(), "test");
        Session session = new Session() {
            @Override
            public SessionInfo info() {
                return new SessionInfo(SessionInfo.Kind.LIVE, "prod", Optional.empty(), Optional.of("prod"), Optional.empty(),
                        List.of());
            }

            @Override
            public Map<Signal, SourceState> states() {
                Map<Signal, SourceState> m = new EnumMap<>(Signal.class);
                for (Signal s : Signal.values()) {
                    m.put(s, new SourceState.Connected("test"));
                }
                return m;
            }

            @Override
            public Optional<LogsSource> logs() {
                return Optional.of(logs);
            }

            @Override
            public Optional<TracesSource> traces() {
                return Optional.of(traces);
            }

            @Override
            public Optional<SecuritySource> security() {
                return Optional.of(security);
            }

            @Override
            public void close() {
            }
        };
        Path out = dir.resolve("canary.pitwall");
        IncidentCapture.Request request = new IncidentCapture.Request(WINDOW, List.of(),
                Set.of(Signal.LOGS, Signal.TRACES, Signal.SECURITY), "", List.of(), Duration.ofSeconds(15),
                List.of(new LogScope.Cluster()), List.of(), List.of());
        IncidentCapture.Result r = IncidentCapture.run(session, request, out, "1", Clock.fixed(END, ZoneOffset.UTC),
                IncidentCapture.Progress.NONE, () -> false);
        assertThat(r.outcome()).as(r.toString()).isEqualTo(IncidentCapture.Outcome.COMPLETE);

        try (Bundle b = BundleReader.open(out)) {
            StringBuilder all = new StringBuilder();
            for (BundleEntry e : b.manifest().entries()) {
                all.append(new String(b.read(e.path()), StandardCharsets.UTF_8));
            }
            String bytes = all.toString();
            assertThat(bytes).contains("GET /health 200", "<redacted>")
                    .doesNotContain(LOG_KEY, JWT, "eyJjYW5hcnkiOiJqd3QifQ", SPAN_PASSWORD, FALCO_PASSWORD);
            assertThat(b.manifest().redactions()).containsKeys("cloud-key", "jwt", "connection-password", "password");
        }
    }
}
