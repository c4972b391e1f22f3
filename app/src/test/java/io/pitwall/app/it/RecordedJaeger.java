package io.pitwall.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A Jaeger query service (v1 API; no real Jaeger is to be had here) serving traces Jaeger wrote
 * (the test resources' {@code traces/} files from Jaeger and Jaeger UI, see SOURCES.md there),
 * moved in time so that the n-th (from 0) starts 30 + 20n seconds before {@code now}. It answers
 * {@code /api/services}, {@code /api/services/S/operations}, the search {@code /api/traces}
 * (service, operation, tags, start and end in microseconds, limit, as Jaeger matches them) and
 * {@code /api/traces/ID}; anything else is kept in {@link #unanswered()}.
 */
final class RecordedJaeger extends RecordedServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jaeger v1 traces: whole responses ({@code data}) or single trace objects. */
    static final List<String> FILES = List.of("ui-api-traces-multi-out.json", "api-traces-telemetrygen-out.json",
            "api-trace-ui_01.json", "ui-trace-overlapping-children-longer-than-parent.json",
            "ui-history-api-traces-follows-from.json", "ui-trace-genai.json");

    private final List<ObjectNode> traces = new ArrayList<>();

    RecordedJaeger(Instant now) throws IOException {
        for (String f : FILES) {
            JsonNode root = JSON.readTree(resource("/traces/" + f));
            for (JsonNode t : root.has("data") ? root.get("data") : List.of(root)) {
                traces.add(moved((ObjectNode) t.deepCopy(), now.minus(Duration.ofSeconds(30 + 20L * traces.size()))));
            }
        }
        start();
    }

    /** Every service of the traces. */
    TreeSet<String> services() {
        TreeSet<String> out = new TreeSet<>();
        traces.forEach(t -> t.path("processes").forEach(p -> out.add(p.path("serviceName").asText())));
        return out;
    }

    int traceCount() {
        return traces.size();
    }

    @Override
    protected MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/api/services")) {
            return data(JSON.valueToTree(services()));
        }
        if (path.startsWith("/api/services/") && path.endsWith("/operations")) {
            String service = request.getUrl().pathSegments().get(2);
            TreeSet<String> ops = new TreeSet<>();
            traces.forEach(t -> t.path("spans").forEach(s -> {
                if (service(t, s).equals(service)) {
                    ops.add(s.path("operationName").asText());
                }
            }));
            return data(JSON.valueToTree(ops));
        }
        if (path.equals("/api/traces")) {
            var u = request.getUrl();
            if (u.queryParameter("minDuration") != null || u.queryParameter("maxDuration") != null) {
                unanswered(u.toString());
                return new MockResponse.Builder().code(400).body("{\"data\":null,\"errors\":[{\"code\":400,"
                        + "\"msg\":\"durations are not recorded here\"}]}").build();
            }
            Map<String, String> tags = Map.of();
            try {
                if (u.queryParameter("tags") != null) {
                    tags = JSON.readValue(u.queryParameter("tags"), JSON.getTypeFactory().constructMapType(Map.class,
                            String.class, String.class));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ArrayNode out = JSON.createArrayNode();
            for (ObjectNode t : traces) {
                if (out.size() < Integer.parseInt(u.queryParameter("limit")) && matches(t, u.queryParameter("service"),
                        u.queryParameter("operation"), tags, Long.parseLong(u.queryParameter("start")),
                        Long.parseLong(u.queryParameter("end")))) {
                    out.add(t);
                }
            }
            return data(out);
        }
        if (path.startsWith("/api/traces/")) {
            String id = trimmed(path.substring("/api/traces/".length()));
            for (ObjectNode t : traces) {
                if (trimmed(t.path("traceID").asText()).equals(id)) {
                    return data(JSON.createArrayNode().add(t));
                }
            }
            return new MockResponse.Builder().code(404).body("{\"data\":null,\"errors\":[{\"code\":404,\"msg\":\"trace not found\"}]}")
                    .build();
        }
        unanswered(request.getUrl().toString());
        return new MockResponse.Builder().code(404).body("404 page not found\n").build();
    }

    /** As Jaeger's search: a span of the service (and operation) with every tag, starting within the window. */
    private static boolean matches(ObjectNode t, String service, String operation, Map<String, String> tags, long start,
                                   long end) {
        for (JsonNode s : t.path("spans")) {
            long at = s.path("startTime").asLong();
            if (service(t, s).equals(service) && (operation == null || operation.equals(s.path("operationName").asText()))
                    && at >= start && at <= end && tags.entrySet().stream().allMatch(e -> hasTag(t, s, e.getKey(), e.getValue()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTag(JsonNode t, JsonNode span, String key, String value) {
        List<JsonNode> all = new ArrayList<>();
        span.path("tags").forEach(all::add);
        t.path("processes").path(span.path("processID").asText()).path("tags").forEach(all::add);
        return all.stream().anyMatch(k -> k.path("key").asText().equals(key) && k.path("value").asText().equals(value));
    }

    private static String service(JsonNode t, JsonNode span) {
        return t.path("processes").path(span.path("processID").asText()).path("serviceName").asText();
    }

    /** The trace with its first span starting at {@code start}, every time moved alike. */
    private static ObjectNode moved(ObjectNode t, Instant start) {
        long first = Long.MAX_VALUE;
        for (JsonNode s : t.path("spans")) {
            first = Math.min(first, s.path("startTime").asLong());
        }
        long by = start.getEpochSecond() * 1_000_000L + start.getNano() / 1000 - first;
        for (JsonNode s : t.path("spans")) {
            ((ObjectNode) s).put("startTime", s.path("startTime").asLong() + by);
            for (Iterator<JsonNode> logs = s.path("logs").elements(); logs.hasNext(); ) {
                ObjectNode l = (ObjectNode) logs.next();
                l.put("timestamp", l.path("timestamp").asLong() + by);
            }
        }
        return t;
    }

    private static String trimmed(String id) {
        String s = id.toLowerCase(java.util.Locale.ROOT).replaceFirst("^0+", "");
        return s.isEmpty() ? "0" : s;
    }

    private static MockResponse data(JsonNode data) {
        ObjectNode root = JSON.createObjectNode();
        root.set("data", data);
        root.put("total", data.size()).put("limit", 0).put("offset", 0).putNull("errors");
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(root.toString()).build();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RecordedJaeger.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name + " (the connectors' test jar)");
            }
            return in.readAllBytes();
        }
    }
}
