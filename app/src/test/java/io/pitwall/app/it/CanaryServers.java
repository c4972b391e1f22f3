package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.connectors.security.FalcoEvents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * What the capture canary test puts on the servers: a trace in Zipkin, an alert and a silence in
 * Alertmanager (both expire within minutes by themselves), and a Loki (MockWebServer: no real one
 * is to be had) answering {@code labels} as promtail's and {@code query_range} in Loki's streams
 * shape, with Falco's events on falcosidekick's labels.
 */
final class CanaryServers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CanaryServers() {
    }

    /** A Loki on 127.0.0.1 and the queries it was asked. */
    record Loki(MockWebServer server, List<String> queries) implements AutoCloseable {

        String url() {
            return server.url("/").toString();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /**
     * Loki with the namespace's logs (pod web-1's {@code lines}, and a line of pod db-1 whose
     * stream has a label {@code db_url} of {@code dbUrl}) and Falco's {@code events} (JSON lines).
     */
    static Loki loki(String ns, List<String> lines, String dbUrl, List<String> events) throws IOException {
        long t = Instant.now().minusSeconds(120).toEpochMilli() * 1_000_000L;
        ArrayNode logs = JSON.createArrayNode();
        stream(logs, Map.of("namespace", ns, "pod", "web-1", "container", "web"), lines, t);
        stream(logs, Map.of("namespace", ns, "pod", "db-1", "container", "db", "db_url", dbUrl),
                List.of("ready to accept connections"), t + 500);
        ArrayNode falco = JSON.createArrayNode();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = JSON.readTree(events.get(i));
            stream(falco, Map.of("rule", e.path("rule").asText(), "priority", e.path("priority").asText(), "source", "syscall",
                    "hostname", "node-1", "k8s_ns_name", ns, "k8s_pod_name", "web-1"), List.of(events.get(i)), t + 1000 + i);
        }
        List<String> queries = new CopyOnWriteArrayList<>();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/loki/api/v1/labels")) {
                    return json("{\"status\":\"success\",\"data\":[\"container\",\"namespace\",\"pod\",\"priority\",\"rule\"]}");
                }
                if (path.equals("/loki/api/v1/query_range")) {
                    String q = request.getUrl().queryParameter("query");
                    queries.add(q);
                    return json(streams(FalcoEvents.LOKI_SELECTOR.equals(q) ? falco : logs));
                }
                return new MockResponse.Builder().code(404).body("404 page not found\n").build();
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        return new Loki(server, queries);
    }

    private static void stream(ArrayNode into, Map<String, String> labels, List<String> lines, long firstNanos) {
        ObjectNode s = into.addObject();
        ObjectNode l = s.putObject("stream");
        labels.forEach(l::put);
        ArrayNode values = s.putArray("values");
        for (int i = lines.size() - 1; i >= 0; i--) { // backward, as Pitwall asks
            values.addArray().add(Long.toString(firstNanos + i * 1_000_000L)).add(lines.get(i));
        }
    }

    private static String streams(ArrayNode result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "success");
        ObjectNode data = root.putObject("data");
        data.put("resultType", "streams");
        data.set("result", result);
        data.putObject("stats");
        return root.toString();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** Posts a failed two-minute span of {@code service} named {@code get /reset?token=TOKEN} to Zipkin; waits until served. */
    static void postTrace(URI zipkin, String service, String token, Map<String, String> tags, String annotation)
            throws Exception {
        String traceId = hex(16);
        long start = Instant.now().minusSeconds(150).toEpochMilli() * 1000;
        ObjectNode span = JSON.createObjectNode();
        span.put("traceId", traceId).put("id", hex(8)).put("name", "get /reset?token=" + token).put("kind", "SERVER")
                .put("timestamp", start).put("duration", 120_000_000L);
        span.putObject("localEndpoint").put("serviceName", service);
        ObjectNode t = span.putObject("tags");
        tags.forEach(t::put);
        span.putArray("annotations").addObject().put("timestamp", start + 1000).put("value", annotation);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(zipkin.resolve("/api/v2/spans"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[" + span + "]"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("Zipkin accepts the span: " + r.body()).isEqualTo(202);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (http.send(HttpRequest.newBuilder(zipkin.resolve("/api/v2/trace/" + traceId)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    fail("Zipkin did not serve trace " + traceId + " within 30 s");
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * Resolves the alert {@link #postAlert} posted (the same labels, ending now), so that tests
     * after this one see no alert naming a pod.
     */
    static void resolveAlert(URI alertmanager, String alertname, String ns) throws Exception {
        ObjectNode a = JSON.createArrayNode().addObject();
        a.putObject("labels").put("alertname", alertname).put("namespace", ns).put("pod", "web-1").put("severity", "warning");
        a.put("startsAt", Instant.now().minusSeconds(120).toString()).put("endsAt", Instant.now().minusSeconds(1).toString());
        send(alertmanager, "POST", "/api/v2/alerts", "[" + a + "]", 200);
    }

    /** Posts an alert to Alertmanager, ending in five minutes. */
    static void postAlert(URI alertmanager, String alertname, String ns, Map<String, String> annotations) throws Exception {
        ObjectNode a = JSON.createArrayNode().addObject();
        a.putObject("labels").put("alertname", alertname).put("namespace", ns).put("pod", "web-1").put("severity", "warning");
        ObjectNode ann = a.putObject("annotations");
        annotations.forEach(ann::put);
        a.put("startsAt", Instant.now().minusSeconds(60).toString()).put("endsAt", Instant.now().plusSeconds(300).toString());
        send(alertmanager, "POST", "/api/v2/alerts", "[" + a + "]", 200);
    }

    /** Silences {@code alertname} for five minutes with {@code comment}; the silence's id. */
    static String silence(URI alertmanager, String alertname, String comment) throws Exception {
        ObjectNode s = JSON.createObjectNode();
        s.putArray("matchers").addObject().put("name", "alertname").put("value", alertname).put("isRegex", false)
                .put("isEqual", true);
        s.put("startsAt", Instant.now().minusSeconds(60).toString()).put("endsAt", Instant.now().plusSeconds(300).toString())
                .put("createdBy", "pitwall-canary-it").put("comment", comment);
        return JSON.readTree(send(alertmanager, "POST", "/api/v2/silences", s.toString(), 200)).path("silenceID").asText();
    }

    static void expireSilence(URI alertmanager, String id) throws Exception {
        send(alertmanager, "DELETE", "/api/v2/silence/" + id, null, 200);
    }

    private static String send(URI base, String method, String path, String body, int expected) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json");
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
            return r.body();
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
