package io.pitwall.app.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link CaptureParityIT}'s recorded Loki holds: the namespace's pods' lines (a Java service
 * running out of heap, a healthy one, a debug shell), a line of another namespace, and Falco's
 * event of a terminal shell (Falco's own, from the test resources, moved into the namespace) on
 * falcosidekick's labels. And the wait for the pods' series in Prometheus.
 */
final class ParityData {

    static final int LINES_PER_POD = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParityData() {
    }

    static List<RecordedLoki.Stream> streams(String ns, String crashing, String running, Instant now) throws Exception {
        // from 150 s to 40 s before now: within the capture's five minutes, which end a minute or more after now
        long base = now.minusSeconds(150).toEpochMilli() * 1_000_000L;
        String[] oom = {"Started CartsApplication in 6.2 seconds (JVM running for 7.1)",
            "Added item 808a2de1 to cart 57a98d98e4b00679b4a830af", "GET /carts/57a98d98e4b00679b4a830af/items 200 in 14 ms",
            "WARN  GC overhead: 71% of time in the last 60 s", "WARN  GC overhead: 93% of time in the last 60 s",
            "ERROR java.lang.OutOfMemoryError: Java heap space"};
        String[] ok = {"GET /health 200 in 1 ms", "POST /orders 201 in 184 ms été \"quoted\"",
            "POST /orders 503: carts did not answer within 5 s", "GET /catalogue?size=5 200 in 23 ms"};
        List<RecordedLoki.Stream> out = new ArrayList<>();
        out.add(stream(Map.of("namespace", ns, "pod", crashing, "container", "web", "app", "web", "stream", "stdout"),
                base, 10_000, LINES_PER_POD, i -> oom[i % oom.length]));
        out.add(stream(Map.of("namespace", ns, "pod", running, "container", "web", "app", "web", "stream", "stderr"),
                base + 3_500_000_000L, 10_000, LINES_PER_POD, i -> ok[i % ok.length]));
        out.add(stream(Map.of("namespace", ns, "pod", "debug-shell", "container", "shell", "app", "debug", "stream", "stdout"),
                base + 60_000_000_000L, 10_000, 3, i -> "sh: curl: not found (" + i + ")"));
        out.add(stream(Map.of("namespace", "kube-system", "pod", "coredns-5d78c9869d-8kqzx", "container", "coredns"),
                base, 30_000, 4, i -> "[INFO] 10.244.0." + i + ":53 - \"A IN web." + ns + ".svc.cluster.local. udp\" NOERROR"));
        out.add(falco(ns, now.minusSeconds(100)));
        return out;
    }

    private static RecordedLoki.Stream stream(Map<String, String> labels, long firstNanos, long everyMillis, int n,
                                              java.util.function.IntFunction<String> line) {
        List<RecordedLoki.Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new RecordedLoki.Entry(firstNanos + i * everyMillis * 1_000_000L, line.apply(i)));
        }
        return new RecordedLoki.Stream(labels, entries);
    }

    /** Falco's event of a terminal shell, in the namespace's debug-shell pod, at {@code at}. */
    private static RecordedLoki.Stream falco(String ns, Instant at) throws Exception {
        ObjectNode e;
        try (InputStream in = ParityData.class.getResourceAsStream("/security/falco/event-terminal-shell-k8s-critical.json")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource security/falco/event-terminal-shell-k8s-critical.json");
            }
            e = (ObjectNode) JSON.readTree(in);
        }
        e.put("time", at.toString());
        e.put("output", e.path("output").asText().replace("k8s.ns=default k8s.pod=kubecon",
                "k8s.ns=" + ns + " k8s.pod=debug-shell"));
        ObjectNode fields = (ObjectNode) e.get("output_fields");
        fields.put("k8s.ns.name", ns).put("k8s.pod.name", "debug-shell")
                .put("evt.time", at.getEpochSecond() * 1_000_000_000L + at.getNano());
        Map<String, String> labels = Map.of("rule", e.path("rule").asText(), "priority", e.path("priority").asText(),
                "source", e.path("source").asText(), "hostname", e.path("hostname").asText(), "k8s_ns_name", ns,
                "k8s_pod_name", "debug-shell");
        long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
        return new RecordedLoki.Stream(labels, List.of(new RecordedLoki.Entry(nanos, JSON.writeValueAsString(e))));
    }

    /** Waits until Prometheus has {@code span} of every pod's CPU counter (scraped each second). */
    static void awaitSeries(URI prometheus, String ns, Duration span) throws Exception {
        String q = "min(count_over_time(container_cpu_usage_seconds_total{namespace=\"" + ns + "\"}[5m]))"
                + " and count(container_cpu_usage_seconds_total{namespace=\"" + ns + "\"}) == 3";
        long deadline = System.nanoTime() + span.multipliedBy(3).toNanos();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (true) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(prometheus.resolve("/api/v1/query?query="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode result = JSON.readTree(r.body()).path("data").path("result");
                if (!result.isEmpty() && result.get(0).path("value").get(1).asDouble() >= span.toSeconds()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    fail("Prometheus did not scrape " + span + " of the pods' series from 127.0.0.1:" + PodExporter.PORT
                            + " (job pitwall-test-pods in backends/config/prometheus.yml): " + r.body());
                }
                Thread.sleep(1000);
            }
        }
    }
}
