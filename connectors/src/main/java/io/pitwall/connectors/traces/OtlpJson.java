package io.pitwall.connectors.traces;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.pitwall.connectors.model.SpanKind;
import io.pitwall.connectors.model.SpanRef;
import io.pitwall.connectors.model.TraceBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * OTLP JSON ({@code {"resourceSpans":[...]}}, also inside Jaeger v2's {@code {"result":...}}),
 * streamed resource by resource with one small tree per span. Ids are hex or base64 (protobuf's
 * JSON), times nanoseconds as strings or numbers. The service is the resource's
 * {@code service.name}; the scope becomes the tags {@code otel.scope.name} and
 * {@code otel.scope.version}, the status {@code otel.status_code} and {@code otel.status_description}
 * (as Jaeger shows them); a link whose {@code opentracing.ref_type} says so is a CHILD_OF or
 * FOLLOWS_FROM reference.
 */
final class OtlpJson {

    private OtlpJson() {
    }

    private record Resource(String service, List<String[]> attributes, Map<TraceBuilder, Integer> processes) {
    }

    /** The {@code resourceSpans} array (the parser is on its START_ARRAY); spans go to their trace's builder. */
    static void resourceSpans(JsonParser p, Map<String, TraceBuilder> traces) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new JsonParseException(p, "\"resourceSpans\" is not a list");
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Resource resource = null;
            List<JsonNode[]> pending = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "resource" -> resource = resource(p.readValueAsTree());
                    case "scopeSpans", "instrumentationLibrarySpans" -> scopeSpans(p, resource, pending, traces);
                    default -> p.skipChildren();
                }
            }
            Resource r = resource != null ? resource : resource(null);
            for (JsonNode[] scopeAndSpan : pending) {
                span(scopeAndSpan[1], scopeAndSpan[0], r, traces);
            }
        }
    }

    private static Resource resource(JsonNode node) {
        List<String[]> attributes = new ArrayList<>();
        String service = "";
        JsonNode attrs = node == null ? null : node.get("attributes");
        if (attrs != null) {
            for (JsonNode a : attrs) {
                String key = a.path("key").asText();
                String value = anyValue(a.get("value"));
                attributes.add(new String[] {key, value});
                if (key.equals("service.name")) {
                    service = value;
                }
            }
        }
        return new Resource(service.isEmpty() ? "unknown" : service, attributes, new IdentityHashMap<>());
    }

    private static void scopeSpans(JsonParser p, Resource resource, List<JsonNode[]> pending,
            Map<String, TraceBuilder> traces) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode scope = null;
            List<JsonNode> early = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "scope", "instrumentationLibrary" -> scope = p.readValueAsTree();
                    case "spans" -> {
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            p.skipChildren();
                            break;
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode span = p.readValueAsTree();
                            if (scope != null && resource != null) {
                                span(span, scope, resource, traces);
                            } else {
                                early.add(span);
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            for (JsonNode span : early) {
                if (resource != null) {
                    span(span, scope, resource, traces);
                } else {
                    pending.add(new JsonNode[] {scope, span});
                }
            }
        }
    }

    private static void span(JsonNode s, JsonNode scope, Resource resource, Map<String, TraceBuilder> traces) {
        String traceId = Ids.normalize(s.path("traceId").asText(""));
        TraceBuilder b = traces.computeIfAbsent(traceId, TraceBuilder::new);
        int process = resource.processes().computeIfAbsent(b, builder -> {
            for (String[] kv : resource.attributes()) {
                builder.processTag(kv[0], kv[1]);
            }
            return builder.endProcess(resource.service());
        });
        b.spanTraceId(traceId);
        b.process(process);
        b.spanId(Ids.normalize(s.path("spanId").asText("")));
        b.operation(s.path("name").asText(""));
        JsonNode kind = s.get("kind");
        if (kind != null) {
            b.kind(kind.isNumber() ? SpanKind.ofOtlp(kind.asInt()) : SpanKind.parse(kind.asText()));
        }
        long start = nanos(s.get("startTimeUnixNano"));
        long end = nanos(s.get("endTimeUnixNano"));
        b.start(start);
        b.duration(end - start);
        String scopeName = scope == null ? "" : scope.path("name").asText("");
        if (!scopeName.isEmpty()) {
            b.tag("otel.scope.name", scopeName);
            String version = scope.path("version").asText("");
            if (!version.isEmpty()) {
                b.tag("otel.scope.version", version);
            }
        }
        for (JsonNode a : s.path("attributes")) {
            b.tag(a.path("key").asText(), anyValue(a.get("value")));
        }
        status(s.get("status"), b);
        String parent = Ids.normalize(s.path("parentSpanId").asText(""));
        if (!parent.isEmpty()) {
            b.endRef(SpanRef.Type.CHILD_OF, traceId, parent);
        }
        for (JsonNode link : s.path("links")) {
            SpanRef.Type type = SpanRef.Type.LINK;
            for (JsonNode a : link.path("attributes")) {
                String key = a.path("key").asText();
                String value = anyValue(a.get("value"));
                if (key.equals("opentracing.ref_type")) {
                    type = value.equalsIgnoreCase("child_of") ? SpanRef.Type.CHILD_OF
                            : value.equalsIgnoreCase("follows_from") ? SpanRef.Type.FOLLOWS_FROM : type;
                }
                b.refAttribute(key, value);
            }
            b.endRef(type, Ids.normalize(link.path("traceId").asText("")), Ids.normalize(link.path("spanId").asText("")));
        }
        for (JsonNode e : s.path("events")) {
            String name = e.path("name").asText("");
            if (!name.isEmpty()) {
                b.logField("event", name);
            }
            for (JsonNode a : e.path("attributes")) {
                b.logField(a.path("key").asText(), anyValue(a.get("value")));
            }
            b.endLog(nanos(e.get("timeUnixNano")));
        }
        b.endSpan();
    }

    private static void status(JsonNode status, TraceBuilder b) {
        if (status == null) {
            return;
        }
        JsonNode code = status.get("code");
        String c = code == null ? "" : code.isNumber() ? switch (code.asInt()) {
            case 1 -> "OK";
            case 2 -> "ERROR";
            default -> "";
        } : code.asText().replace("STATUS_CODE_", "");
        if (c.equals("ERROR")) {
            b.error();
        }
        if (c.equals("OK") || c.equals("ERROR")) {
            b.tag("otel.status_code", c);
        }
        String message = status.path("message").asText("");
        if (!message.isEmpty()) {
            b.tag("otel.status_description", message);
        }
    }

    private static long nanos(JsonNode n) {
        if (n == null || n.isNull()) {
            return 0;
        }
        if (n.isNumber()) {
            return n.asLong();
        }
        try {
            return Long.parseLong(n.asText().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** An AnyValue as text: scalars as they are, arrays as {@code [a, b]}, key-value lists as {@code {k=v}}. */
    static String anyValue(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.has("stringValue")) {
            return v.get("stringValue").asText();
        }
        for (String scalar : new String[] {"intValue", "boolValue", "doubleValue", "bytesValue"}) {
            if (v.has(scalar)) {
                return v.get(scalar).asText();
            }
        }
        if (v.has("arrayValue")) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : v.get("arrayValue").path("values")) {
                items.add(anyValue(item));
            }
            return items.toString();
        }
        if (v.has("kvlistValue")) {
            StringBuilder sb = new StringBuilder("{");
            for (JsonNode kv : v.get("kvlistValue").path("values")) {
                sb.append(sb.length() > 1 ? ", " : "").append(kv.path("key").asText()).append('=')
                        .append(anyValue(kv.get("value")));
            }
            return sb.append('}').toString();
        }
        return "";
    }
}
