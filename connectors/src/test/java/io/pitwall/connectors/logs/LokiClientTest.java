package io.pitwall.connectors.logs;

import static io.pitwall.connectors.logs.MockLoki.failure;
import static io.pitwall.connectors.logs.MockLoki.json;
import static io.pitwall.connectors.logs.MockLoki.ok;
import static io.pitwall.connectors.logs.MockLoki.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.http.HttpAuth;
import io.pitwall.connectors.http.HttpClients;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.OkHttpTransport;
import io.pitwall.connectors.http.SecretRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.prometheus.LokiEndpoint;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LokiClientTest {

    static final TimeRange RANGE = new TimeRange(Instant.parse("2025-11-25T03:15:00Z"), Instant.parse("2025-11-25T03:25:00.5Z"));

    private final MockWebServer server = new MockWebServer();
    private LokiClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = MockLoki.client(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void queryRangeSendsNanosecondTimesLimitAndDirectionAndReadsStreamsOldestFirst() throws Exception {
        server.enqueue(ok("query_range-streams.json"));
        LokiClient.Answer a = client.queryRange("{namespace=\"sock-shop\"}", RANGE, 100, true).get();
        RecordedRequest req = server.takeRequest();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(req.getUrl().encodedPath()).isEqualTo("/loki/api/v1/query_range");
        assertThat(req.getUrl().queryParameter("query")).isEqualTo("{namespace=\"sock-shop\"}");
        assertThat(req.getUrl().queryParameter("start")).isEqualTo("1764040500000000000");
        assertThat(req.getUrl().queryParameter("end")).isEqualTo("1764041100500000000");
        assertThat(req.getUrl().queryParameter("limit")).isEqualTo("100");
        assertThat(req.getUrl().queryParameter("direction")).isEqualTo("backward");
        assertThat(req.getHeaders().get("User-Agent")).isEqualTo(HttpClients.USER_AGENT);

        assertThat(a.data().isStreams()).isTrue();
        List<LogEntry> e = a.data().entries();
        assertThat(e).extracting(LogEntry::epochNanos).isSorted().containsExactly(1764040801000000000L,
                1764040802250000000L, 1764040803500000000L, 1764040805000000300L, 1764040805000000300L);
        assertThat(e.get(1).line()).isEqualTo("POST /orders 201 in 184 ms été \"quoted\"");
        assertThat(e.get(1).stream().labels()).containsEntry("pod", "orders-7c9d5f6b8-q2w4e").containsEntry("stream", "stderr");
        assertThat(e.getFirst().time()).isEqualTo(Instant.parse("2025-11-25T03:20:01Z"));
        // one LogStream per stream, shared by its lines
        assertThat(e.get(0).stream()).isSameAs(e.get(2).stream());
    }

    @Test
    void categorizedLabelsKeepTheLineAndTheWarnings() throws Exception {
        server.enqueue(ok("query_range-streams-categorized.json"));
        LokiClient.Answer a = client.queryRange("{k8s_namespace_name=\"payments\"}", RANGE, 10, false).get();
        assertThat(a.data().entries()).extracting(LogEntry::line).containsExactly("settling batch 4411 level=info",
                "settled batch 4411");
        assertThat(a.warnings()).containsExactly("query timed out on one querier: results may be partial");
        assertThat(server.takeRequest().getUrl().queryParameter("direction")).isEqualTo("forward");
    }

    @Test
    void metricQueryReadsTheMatrix() throws Exception {
        server.enqueue(ok("query_range-matrix.json"));
        LokiClient.Answer a = client.queryRange("sum by (pod) (count_over_time({namespace=\"sock-shop\"}[15s]))", RANGE, 100,
                true).get();
        assertThat(a.data().isStreams()).isFalse();
        assertThat(a.data().series()).hasSize(2);
        var carts = a.data().series().getFirst();
        assertThat(carts.labels()).containsEntry("pod", "carts-5d8f7b6c9d-x7k2p");
        assertThat(carts.timesMillis()).containsExactly(1764040800000L, 1764040815000L, 1764040830500L);
        assertThat(carts.values()).containsExactly(12, 30, 41);
        assertThat(a.data().series().get(1).values()[1]).isNaN();
        assertThat(a.data().series().get(1).values()[2]).isInfinite();
    }

    @Test
    void labelsValuesAndSeries() throws Exception {
        server.enqueue(ok("labels-promtail.json"));
        server.enqueue(ok("label-values-namespace.json"));
        server.enqueue(ok("series.json"));
        assertThat(client.labels(RANGE).get()).contains("namespace", "pod", "container");
        assertThat(client.labelValues("namespace", RANGE).get()).containsExactly("kube-system", "monitoring", "sock-shop");
        List<Map<String, String>> series = client.series("{namespace=\"sock-shop\"}", RANGE).get();
        assertThat(series).hasSize(2);
        assertThat(series.get(1)).containsEntry("pod", "carts-db-0");

        RecordedRequest labels = server.takeRequest();
        assertThat(labels.getUrl().encodedPath()).isEqualTo("/loki/api/v1/labels");
        assertThat(labels.getUrl().queryParameter("start")).isEqualTo("1764040500000000000");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/loki/api/v1/label/namespace/values");
        RecordedRequest s = server.takeRequest();
        assertThat(s.getUrl().encodedPath()).isEqualTo("/loki/api/v1/series");
        assertThat(s.getUrl().queryParameter("match[]")).isEqualTo("{namespace=\"sock-shop\"}");
    }

    @Test
    void aLabelNameThatIsNotOneIsRefusedBeforeAsking() {
        LogQueryException e = failure(client.labelValues("../admin", RANGE));
        assertThat(e.kind()).isEqualTo("bad_query");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void tenantAndCredentialsGoAsHeadersAndNeverIntoMessages() throws Exception {
        LokiEndpoint endpoint = new LokiEndpoint("loki", new io.pitwall.connectors.prometheus.EndpointTarget.Url(
                server.url("/").toString()), HttpSettings.DEFAULT.withAuth(new HttpAuth.Bearer(
                new SecretRef.Value("s3cr3t-token", false))), java.util.Optional.of("team-a"));
        LokiClient c = new LokiClient(MockLoki.transport(server, endpoint.effectiveHttp()));
        server.enqueue(text(401, "no org id\n"));
        LogQueryException e = failure(c.labels(RANGE));
        RecordedRequest req = server.takeRequest();
        assertThat(req.getHeaders().get("X-Scope-OrgID")).isEqualTo("team-a");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer s3cr3t-token");
        assertThat(e.kind()).isEqualTo("unauthorized");
        assertThat(e.getMessage()).contains("401 Unauthorized").contains("no org id").doesNotContain("s3cr3t");
    }

    @Test
    void parseErrorIsLokisOwnWords() {
        server.enqueue(text(400, "parse error at line 1, col 11: syntax error: unexpected }, expecting STRING\n"));
        LogQueryException e = failure(client.queryRange("{namespace=}", RANGE, 10, true));
        assertThat(e.kind()).isEqualTo("bad_query");
        assertThat(e.getMessage()).isEqualTo("parse error at line 1, col 11: syntax error: unexpected }, expecting STRING");
    }

    @Test
    void jsonErrorBodyIsReadToo() {
        server.enqueue(json(400, "{\"code\":400,\"status\":\"error\",\"message\":\"max entries limit per query exceeded, limit > max_entries_limit (10000 > 5000)\"}"));
        LogQueryException e = failure(client.queryRange("{a=\"b\"}", RANGE, 10000, true));
        assertThat(e.kind()).isEqualTo("bad_query");
        assertThat(e.getMessage()).startsWith("max entries limit per query exceeded");
    }

    @Test
    void tooManyRequestsSaysToNarrow() {
        server.enqueue(text(429, "Ingestion rate limit exceeded for user fake (limit: 4194304 bytes/sec)"));
        LogQueryException e = failure(client.queryRange("{a=\"b\"}", RANGE, 10, true));
        assertThat(e.kind()).isEqualTo("too_many_requests");
        assertThat(e.getMessage()).contains("429 Too Many Requests").contains("shorter range")
                .contains("Ingestion rate limit exceeded");
    }

    @Test
    void serverErrorGivesTheFirstLineOfItsBody() {
        server.enqueue(text(500, "rpc error: code = Unavailable desc = no healthy ingesters\ngoroutine 1 [running]:\nmain.main()"));
        LogQueryException e = failure(client.queryRange("{a=\"b\"}", RANGE, 10, true));
        assertThat(e.kind()).isEqualTo("server_error");
        assertThat(e.getMessage()).endsWith("answered the query with HTTP 500: rpc error: code = Unavailable desc = no healthy ingesters")
                .doesNotContain("goroutine");
    }

    @Test
    void gatewayHtmlErrorPageIsNotQuoted() {
        server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build());
        LogQueryException e = failure(client.labels(RANGE));
        assertThat(e.kind()).isEqualTo("server_error");
        assertThat(e.getMessage()).endsWith("answered labels with HTTP 502");
    }

    @Test
    void forbiddenAndNotFound() {
        server.enqueue(text(403, "Forbidden"));
        server.enqueue(text(404, "404 page not found"));
        assertThat(failure(client.labels(RANGE)).kind()).isEqualTo("forbidden");
        LogQueryException nf = failure(client.labels(RANGE));
        assertThat(nf.kind()).isEqualTo("not_found");
        assertThat(nf.getMessage()).contains("check the URL and its path prefix");
    }

    @Test
    void loginPageWithStatus200IsNotLoki() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<!doctype html><title>Sign in</title>").build());
        LogQueryException e = failure(client.labels(RANGE));
        assertThat(e.kind()).isEqualTo("bad_response");
        assertThat(e.getMessage()).contains("not Loki JSON").contains("<!doctype html>");
    }

    @Test
    void garbageJsonIsAReadableFailure() {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[{\"stream\":{},\"values\":[[\"12\","));
        LogQueryException e = failure(client.queryRange("{a=\"b\"}", RANGE, 10, true));
        assertThat(e.kind()).isEqualTo("bad_response");
        assertThat(e.getMessage()).contains("JSON Pitwall cannot read");
    }

    @Test
    void aLineWhoseTimeIsNotNanosecondsIsLeftOutWithAWarning() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[{\"stream\":{},"
                + "\"values\":[[\"yesterday\",\"x\"],[\"1795000000000000000\",\"y\"]]}]}}"));
        LokiClient.Answer a = client.queryRange("{a=\"b\"}", RANGE, 10, true).get();
        assertThat(a.data().entries()).extracting(LogEntry::line).containsExactly("y");
        assertThat(a.warnings()).containsExactly("1 value of the answer was neither a log line nor a sample "
                + "(a time that is not nanoseconds?) and was left out");
    }

    @Test
    void deadServerIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var dead = new LokiClient(new OkHttpTransport(HttpUrl.get("http://127.0.0.1:" + port + "/"),
                HttpClients.create(HttpSettings.DEFAULT), Runnable::run));
        LogQueryException e = failure(dead.labels(RANGE));
        assertThat(e.kind()).isEqualTo("unreachable");
        assertThat(e.getMessage()).isEqualTo("cannot reach http://127.0.0.1:" + port + ": connection refused");
    }
}
