package io.pitwall.connectors.prometheus;

import static io.pitwall.connectors.prometheus.MockPrometheus.fixture;
import static io.pitwall.connectors.prometheus.MockPrometheus.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pitwall.connectors.http.HttpClients;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.OkHttpTransport;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusClientTest {

    private final MockWebServer server = new MockWebServer();
    private PrometheusClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = MockPrometheus.client(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rangeQuerySendsTheQueryTimesAndStepAndReadsTheMatrix() throws Exception {
        server.enqueue(fixture("query_range-matrix-up.json"));
        TimeRange range = new TimeRange(Instant.parse("2015-07-01T20:10:30.781Z"), Instant.parse("2015-07-01T20:11:00.781Z"));
        RangeResult r = client.queryRange("up{job=~\"p.*\"}", range, Duration.ofSeconds(15)).get();
        assertThat(r.series()).hasSize(2);
        assertThat(r.points()).isEqualTo(6);
        assertThat(r.query()).isEqualTo("up{job=~\"p.*\"}");
        RecordedRequest req = server.takeRequest();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(req.getUrl().encodedPath()).isEqualTo("/api/v1/query_range");
        assertThat(req.getUrl().queryParameter("query")).isEqualTo("up{job=~\"p.*\"}");
        assertThat(req.getUrl().queryParameter("start")).isEqualTo("1435781430.781");
        assertThat(req.getUrl().queryParameter("end")).isEqualTo("1435781460.781");
        assertThat(req.getUrl().queryParameter("step")).isEqualTo("15");
        assertThat(req.getHeaders().get("User-Agent")).isEqualTo(HttpClients.USER_AGENT).startsWith("pitwall/");
    }

    @Test
    void pathPrefixOfTheBaseUrlIsKept() throws Exception {
        server.enqueue(fixture("labels.json"));
        HttpUrl base = server.url("/prometheus/");
        var c = new PrometheusClient(new OkHttpTransport(base, HttpClients.create(HttpSettings.DEFAULT), Runnable::run));
        assertThat(c.labelNames().get()).contains("job");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/prometheus/api/v1/labels");
    }

    @Test
    void metricNamesAreTheValuesOfName() throws Exception {
        server.enqueue(fixture("label-values.json"));
        assertThat(client.metricNames().get()).containsExactly("200", "504");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/label/__name__/values");
    }

    @Test
    void buildInfoForTestConnection() throws Exception {
        server.enqueue(fixture("status-buildinfo.json"));
        BuildInfo info = client.buildInfo().get();
        assertThat(info.version()).isEqualTo("2.13.1");
        assertThat(info.goVersion()).isEqualTo("go1.13.1");
    }

    @Test
    void parseErrorComesBackWithItsTypeMessageAndPosition() {
        server.enqueue(json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter \\\"query\\\": 1:9: parse error: unclosed left parenthesis\"}"));
        QueryException e = failure(client.queryRange("sum(rate(up[5m])", TimeRange.ending(Instant.now(), Duration.ofMinutes(5)), Duration.ofSeconds(15)));
        assertThat(e.errorType()).isEqualTo("bad_data");
        assertThat(e.getMessage()).contains("unclosed left parenthesis");
        assertThat(e.position()).hasValue(8);
    }

    @Test
    void executionErrorKeepsPrometheusWords() {
        server.enqueue(json(422, "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"query processing would load too many samples into memory in query execution\"}"));
        QueryException e = failure(client.query("up", Instant.now()));
        assertThat(e.errorType()).isEqualTo("execution");
        assertThat(e.getMessage()).startsWith("query processing would load too many samples");
        assertThat(e.position()).isEmpty();
    }

    @Test
    void htmlLoginPageIsNotPrometheus() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<!doctype html><html><title>Sign in</title></html>").build());
        QueryException e = failure(client.labelNames());
        assertThat(e.errorType()).isEqualTo("bad_response");
        assertThat(e.getMessage()).contains(server.url("/").toString().replaceAll("/$", ""))
                .contains("<!doctype html>").contains("not Prometheus JSON");
    }

    @Test
    void garbageJsonIsReadableFailure() {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"result\":[{\"values\":[[1,"));
        QueryException e = failure(client.labelNames());
        assertThat(e.errorType()).isEqualTo("bad_response");
        assertThat(e.getMessage()).contains("JSON Pitwall cannot read");
    }

    @Test
    void forbiddenSaysSo() {
        server.enqueue(new MockResponse.Builder().code(403).body("Forbidden").build());
        QueryException e = failure(client.labelNames());
        assertThat(e.errorType()).isEqualTo("forbidden");
        assertThat(e.getMessage()).contains("refused access (403 Forbidden)");
    }

    @Test
    void kubernetesStatusFromAServiceProxyIsQuoted() {
        server.enqueue(json(503, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"no endpoints available for service \\\"prometheus-k8s\\\"\",\"reason\":\"ServiceUnavailable\",\"code\":503}"));
        QueryException e = failure(client.labelNames());
        assertThat(e.errorType()).isEqualTo("unavailable");
        assertThat(e.getMessage()).contains("HTTP 503").contains("no endpoints available for service \"prometheus-k8s\"");
    }

    @Test
    void notFoundPointsAtTheUrl() {
        server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());
        QueryException e = failure(client.buildInfo());
        assertThat(e.errorType()).isEqualTo("not_found");
        assertThat(e.getMessage()).contains("check the URL and its path prefix");
    }

    @Test
    void deadServerIsUnreachableWithTheReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var dead = new PrometheusClient(new OkHttpTransport(HttpUrl.get("http://127.0.0.1:" + port + "/"),
                HttpClients.create(HttpSettings.DEFAULT), Runnable::run));
        QueryException e = failure(dead.labelNames());
        assertThat(e.errorType()).isEqualTo("unreachable");
        assertThat(e.getMessage()).isEqualTo("cannot reach http://127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void scrapeIntervalFromTheConfiguration() {
        String yaml = "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\nscrape_configs:\n- job_name: x\n  scrape_interval: 5m\n";
        assertThat(PrometheusClient.scrapeIntervalOf(yaml)).hasValue(Duration.ofSeconds(1));
        assertThat(PrometheusClient.scrapeIntervalOf("scrape_configs:\n- job_name: x\n  scrape_interval: 5m\n")).isEmpty();
    }

    static QueryException failure(CompletableFuture<?> f) {
        Throwable t = catchThrowable(f::join);
        assertThat(t).isInstanceOf(CompletionException.class);
        assertThat(t.getCause()).isInstanceOf(QueryException.class);
        return (QueryException) t.getCause();
    }
}
