package io.pitwall.connectors.traces;

import com.fasterxml.jackson.databind.JsonNode;
import io.pitwall.connectors.model.SpanKind;
import io.pitwall.connectors.model.SpanRef;
import io.pitwall.connectors.model.TraceBuilder;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Zipkin v2 JSON spans (one small tree each): {@code traceId, id, parentId, name, kind,
 * timestamp, duration} (microseconds), {@code localEndpoint.serviceName} as the service, the
 * remote endpoint as {@code peer.*} tags, {@code tags}, {@code annotations} as logs (field
 * {@code annotation}) and {@code shared}: a server span sharing its client's id, which becomes
 * that client's child. A span tagged {@code error} failed.
 */
final class ZipkinJson {

    private final Map<String, TraceBuilder> traces;
    private final Map<TraceBuilder, Map<String, Integer>> services = new IdentityHashMap<>();

    ZipkinJson(Map<String, TraceBuilder> traces) {
        this.traces = traces;
    }

    static boolean isSpanField(String name) {
        return switch (name) {
            case "traceId", "id", "parentId", "localEndpoint", "timestamp", "annotations", "shared" -> true;
            default -> false;
        };
    }

    void span(JsonNode s) {
        String traceId = Ids.normalize(s.path("traceId").asText(""));
        TraceBuilder b = traces.computeIfAbsent(traceId, TraceBuilder::new);
        String service = s.path("localEndpoint").path("serviceName").asText("");
        int process = services.computeIfAbsent(b, k -> new HashMap<>())
                .computeIfAbsent(service.isEmpty() ? "unknown" : service, b::endProcess);
        b.spanTraceId(traceId);
        b.spanId(Ids.normalize(s.path("id").asText("")));
        b.process(process);
        b.operation(s.path("name").asText(""));
        b.kind(SpanKind.parse(s.path("kind").asText(null)));
        b.start(Math.multiplyExact(s.path("timestamp").asLong(0), 1000L));
        b.duration(Math.multiplyExact(s.path("duration").asLong(0), 1000L));
        if (s.path("shared").asBoolean(false)) {
            b.shared();
        }
        endpoint(b, "local.", s.get("localEndpoint"), false);
        endpoint(b, "peer.", s.get("remoteEndpoint"), true);
        JsonNode tags = s.get("tags");
        if (tags != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> tag = it.next();
                if (tag.getKey().equals("error")) {
                    b.error();
                }
                b.tag(tag.getKey(), tag.getValue().asText());
            }
        }
        for (JsonNode a : s.path("annotations")) {
            b.logField("annotation", a.path("value").asText(""));
            b.endLog(Math.multiplyExact(a.path("timestamp").asLong(0), 1000L));
        }
        String parent = Ids.normalize(s.path("parentId").asText(""));
        if (!parent.isEmpty()) {
            b.endRef(SpanRef.Type.CHILD_OF, traceId, parent);
        }
        b.endSpan();
    }

    private static void endpoint(TraceBuilder b, String prefix, JsonNode e, boolean service) {
        if (e == null || !e.isObject()) {
            return;
        }
        for (String f : new String[] {"serviceName", "ipv4", "ipv6", "port"}) {
            if ((service || !f.equals("serviceName")) && e.hasNonNull(f)) {
                b.tag(prefix + (f.equals("serviceName") ? "service" : f), e.get(f).asText());
            }
        }
    }
}
