package io.pitwall.connectors.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.logs.CapturedLogs;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.logs.LogsSource;
import io.pitwall.connectors.metrics.AlertsSource;
import io.pitwall.connectors.metrics.MetricsSource;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.Silence;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.security.CapturedSecurity;
import io.pitwall.connectors.security.FalcoEvents;
import io.pitwall.connectors.security.SecuritySource;
import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleReader;
import io.pitwall.connectors.snapshot.CanaryScan;
import io.pitwall.connectors.snapshot.RedactionPattern;
import io.pitwall.connectors.snapshot.TextRedaction;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary secrets planted in every kind of text a capture keeps besides the cluster's objects
 * (ObjectTextRedactionTest has those): log lines and labels, a key logged a line at a time,
 * Authorization and Cookie headers, span tags and operation names, Falco's output and a variable
 * set from a Secret, alert annotations, silences, series labels, a problem's message, the note
 * and the user's own pattern. None is in the bundle's bytes in any form, the manifest counts what
 * was hidden by kind, and the text around each secret is kept.
 */
class CaptureRedactionTest {

    private static final Instant END = Instant.parse("2026-11-24T04:00:00Z");
    private static final TimeRange WINDOW = TimeRange.ending(END, Duration.ofHours(1));
    private static final String KEY_BODY = "MIIEowIBAAKCAQEAcanaryPemBody0x4UbaDzY9bVnG2sLqN0aJq6vYb2kQ6yW3p7k0";

    private static final Map<String, String> CANARIES = new LinkedHashMap<>();

    static {
        CANARIES.put("log cloud key", "AKIAQZCANARY0LOG1234");
        CANARIES.put("jwt", "eyJhbGciOiJIUzI1NiJ9.eyJjYW5hcnkiOiJqd3QifQ.Zm9vYmFyYmF6cXV4Y2FuYXJ5");
        CANARIES.put("pem body", KEY_BODY);
        CANARIES.put("cookie", "canaryCookieSess91");
        CANARIES.put("basic password", "canaryBasicPw!73");
        CANARIES.put("label password", "canaryLabelPw28");
        CANARIES.put("span password", "canarySpanPw77");
        CANARIES.put("operation token", "canaryoptok55");
        CANARIES.put("auth header", "canaryAuthHdr64");
        CANARIES.put("falco password", "canaryFalcoPw42");
        CANARIES.put("secret env", "acct_canaryEnv19");
        CANARIES.put("custom", "ACME-0badf00d");
        CANARIES.put("alert password", "canaryAlertPw31");
        CANARIES.put("alert token", "canaryAlertTok46");
        CANARIES.put("silence", "canarySilencePw82");
        CANARIES.put("series label", "canarySeriesPw13");
        CANARIES.put("problem", "canaryProblemPw57");
        CANARIES.put("note", "canaryNoteTok24");
    }

    @TempDir
    Path dir;

    private static String c(String name) {
        return CANARIES.get(name);
    }

    @Test
    void noCanaryLeavesTheMachine() throws Exception {
        long t = END.minusSeconds(600).getEpochSecond() * 1_000_000_000L;
        LogStream web = new LogStream(Map.of("namespace", "shop", "pod", "web-1"));
        LogStream db = new LogStream(Map.of("namespace", "shop", "pod", "db-1", "db_url",
                "postgres://app:" + c("label password") + "@db:5432/shop"));
        List<LogEntry> lines = new ArrayList<>();
        lines.add(new LogEntry(t, web, "uploading with key " + c("log cloud key") + " and Authorization: Bearer " + c("jwt")));
        lines.add(new LogEntry(t + 1, web, "GET /health 200"));
        lines.add(new LogEntry(t + 2, web, "request headers: Cookie: session=" + c("cookie") + "; theme=dark"));
        String basic = Base64.getEncoder().encodeToString(("ops:" + c("basic password")).getBytes(StandardCharsets.UTF_8));
        lines.add(new LogEntry(t + 3, web, "proxying with Authorization: Basic " + basic));
        lines.add(new LogEntry(t + 4, web, "ticket " + c("custom") + " opened"));
        lines.add(new LogEntry(t + 5, db, "loaded key:"));
        lines.add(new LogEntry(t + 6, db, "-----BEGIN RSA PRIVATE KEY-----"));
        lines.add(new LogEntry(t + 7, db, KEY_BODY));
        lines.add(new LogEntry(t + 8, web, "GET /carts 200"));
        lines.add(new LogEntry(t + 9, db, "-----END RSA PRIVATE KEY-----"));
        lines.add(new LogEntry(t + 10, db, "ready to accept connections"));
        LogsSource logs = new CapturedLogs(lines, "test");

        String zipkin = """
                [[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","id":"00f067aa0ba902b7","name":"get /reset?token=%s",
                   "timestamp":%d,"duration":1200,"kind":"SERVER","localEndpoint":{"serviceName":"orders"},
                   "tags":{"db.statement":"connect mysql://orders:%s@db:3306/orders","http.status_code":"200",
                           "http.request.header.authorization":"%s","ticket":"%s"}}]]
                """.formatted(c("operation token"), END.minusSeconds(300).getEpochSecond() * 1_000_000L,
                c("span password"), c("auth header"), c("custom"));
        TracesSource traces = new CapturedTraces(TraceFiles.read(new ByteArrayInputStream(zipkin.getBytes(StandardCharsets.UTF_8)))
                .traces(), "test");

        String falco = """
                {"output":"03:50:00.000: Notice Shell spawned (cmdline=mysql -u root --password=%1$s env=STRIPE_ACCOUNT=%2$s %3$s)",
                 "priority":"Notice","rule":"Terminal shell in container","time":"2026-11-24T03:50:00.000000000Z",
                 "output_fields":{"proc.cmdline":"mysql -u root --password=%1$s","proc.env":"HOME=/root STRIPE_ACCOUNT=%2$s",
                                  "proc.name":"%3$s","k8s.ns.name":"shop","k8s.pod.name":"web-1"}}
                """.formatted(c("falco password"), c("secret env"), c("custom")).replace("\n", "");
        SecuritySource security = new CapturedSecurity(List.of(FalcoEvents.event(falco)), List.of(), "test");

        MetricsSource metrics = new MetricsSource() {
            @Override
            public CompletableFuture<RangeResult> queryRange(String promql, TimeRange range, Duration step) {
                if (promql.equals("broken")) {
                    return CompletableFuture.failedFuture(new QueryException("bad_data",
                            "cannot reach https://probe:" + c("problem") + "@prom/api", OptionalInt.of(400)));
                }
                return CompletableFuture.completedFuture(new RangeResult(promql, range, step, List.of(new MetricSeries(
                        Map.of("job", "blackbox", "instance", "https://probe:" + c("series label") + "@shop.example"),
                        new long[] {END.toEpochMilli()}, new double[] {1})), List.of()));
            }

            @Override
            public CompletableFuture<List<String>> metricNames() {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<List<String>> labelNames() {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<List<String>> labelValues(String label) {
                return CompletableFuture.completedFuture(List.of());
            }
        };
        AlertsSource alerts = new AlertsSource() {
            @Override
            public CompletableFuture<List<Alert>> alerts() {
                return CompletableFuture.completedFuture(List.of(new Alert("CartsDown", Alert.State.FIRING, "critical",
                        Map.of("alertname", "CartsDown", "namespace", "shop"),
                        Map.of("summary", "carts is down", "description", "check postgres://carts:" + c("alert password")
                                + "@db/carts", "webhook_token", c("alert token")), Optional.of(END.minusSeconds(900)),
                        Optional.of("0"), "up == 0", "prometheus")));
            }

            @Override
            public CompletableFuture<List<Silence>> silences() {
                return CompletableFuture.completedFuture(List.of(new Silence("s1", List.of(new Silence.Matcher("alertname",
                        "CartsDown", false, true)), END.minusSeconds(600), END.plusSeconds(600), "ops",
                        "db password=" + c("silence") + " rotated", "active")));
            }
        };

        Session session = new StubSession(logs, traces, security, metrics, alerts);
        Path out = dir.resolve("canary.pitwall");
        IncidentCapture.Request request = new IncidentCapture.Request(WINDOW, List.of(),
                Set.of(Signal.METRICS, Signal.ALERTS, Signal.LOGS, Signal.TRACES, Signal.SECURITY), "rotated token=" + c("note"),
                List.of("up", "broken"), Duration.ofSeconds(15), List.of(new LogScope.Cluster()), List.of(), List.of());
        IncidentCapture.Result r = IncidentCapture.run(session, request, out, "1", Clock.fixed(END, ZoneOffset.UTC),
                IncidentCapture.Progress.NONE, () -> false, TextRedaction.of(List.of(RedactionPattern.of("acme", "ACME-[0-9a-f]{8}"))));
        assertThat(r.outcome()).as(r.toString()).isEqualTo(IncidentCapture.Outcome.PARTIAL);

        assertThat(CanaryScan.hits(out, CANARIES)).isEmpty();
        String text = CanaryScan.text(out);
        assertThat(text).contains("GET /health 200", "GET /carts 200", "loaded key:", "ready to accept connections",
                "uploading with key <redacted>", "Cookie: <redacted>", "Authorization: Basic <redacted>",
                "postgres://app:<redacted>@db:5432/shop", "get /reset?token=<redacted>", "\"http.status_code\"",
                "Terminal shell in container", "HOME=/root STRIPE_ACCOUNT=<redacted>", "carts is down",
                "https://probe:<redacted>@shop.example", "cannot reach https://probe:<redacted>@prom/api", "rotated token=<redacted>",
                "ticket <redacted> opened");
        try (Bundle b = BundleReader.open(out)) {
            // each place counted by kind: e.g. custom:acme in the log line, the span tag, and Falco's output,
            // message and proc.name; the variable set from a Secret among Falco's environment values
            assertThat(b.manifest().redactions()).isEqualTo(Map.ofEntries(Map.entry("authorization", 2L),
                    Map.entry("cloud-key", 1L), Map.entry("connection-password", 5L), Map.entry("cookie", 1L),
                    Map.entry("custom:acme", 5L), Map.entry("falco-env", 1L), Map.entry("jwt", 1L),
                    Map.entry("password", 6L), Map.entry("private-key", 1L), Map.entry("token", 1L)));
        }
    }

    /** A live session's sources, without a cluster, whose pods set STRIPE_ACCOUNT from a Secret. */
    private record StubSession(LogsSource logs0, TracesSource traces0, SecuritySource security0, MetricsSource metrics0,
                               AlertsSource alerts0) implements Session {

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
        public Set<String> secretEnvNames() {
            return Set.of("STRIPE_ACCOUNT");
        }

        @Override
        public Optional<LogsSource> logs() {
            return Optional.of(logs0);
        }

        @Override
        public Optional<TracesSource> traces() {
            return Optional.of(traces0);
        }

        @Override
        public Optional<SecuritySource> security() {
            return Optional.of(security0);
        }

        @Override
        public Optional<MetricsSource> metrics() {
            return Optional.of(metrics0);
        }

        @Override
        public Optional<AlertsSource> alerts() {
            return Optional.of(alerts0);
        }

        @Override
        public void close() {
        }
    }
}
