package io.pitwall.connectors.traces;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The bodies of the trace APIs that are not traces themselves, and Jaeger v2's stream of OTLP
 * results: names (Jaeger v1 {@code {"data":[...]}}, v3 {@code {"services":[...]}} and
 * {@code {"operations":[{"name"}]}}, Zipkin's plain list), dependency links (Jaeger's
 * {@code {"data":[{parent, child, callCount}]}}, Zipkin's list with {@code errorCount}).
 */
final class TraceReplies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TraceReplies() {
    }

    /** A sorted list of names: the body's list, or the list under {@code field}; an object's {@code name}. */
    static List<String> names(InputStream in, String field) throws IOException {
        JsonNode list = list(MAPPER.readTree(in), field);
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode n : list) {
            String name = n.isObject() ? n.path("name").asText("") : n.asText("");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** Dependency links: the body's list or its {@code data}. */
    static List<DependencyLink> dependencies(InputStream in) throws IOException {
        List<DependencyLink> out = new ArrayList<>();
        for (JsonNode n : list(MAPPER.readTree(in), "data")) {
            String parent = n.path("parent").asText("");
            String child = n.path("child").asText("");
            if (parent.isEmpty() || child.isEmpty()) {
                throw new TraceFileException("a dependency link without a parent or a child");
            }
            out.add(new DependencyLink(parent, child, Math.max(0, n.path("callCount").asLong(0)),
                    Math.max(0, n.path("errorCount").asLong(0))));
        }
        return out;
    }

    private static JsonNode list(JsonNode root, String field) throws TraceFileException {
        if (root == null || root.isMissingNode()) {
            throw new TraceFileException("an empty body");
        }
        JsonNode list = root.isArray() ? root : root.get(field);
        if (list == null || list.isNull()) {
            if (root.isObject() && root.hasNonNull("errors")) {
                throw new TraceFileException("an error: " + root.get("errors").path(0).path("msg").asText(
                        root.get("errors").toString()));
            }
            return MAPPER.createArrayNode();
        }
        if (!list.isArray()) {
            throw new TraceFileException("\"" + field + "\" that is not a list");
        }
        return list;
    }

    /**
     * Jaeger v2's {@code /api/v3/traces}: one or more {@code {"result":{"resourceSpans":[...]}}}
     * objects one after the other (grpc-gateway streams each chunk as its own object); a trace's
     * spans may come in several of them.
     */
    static List<Trace> otlpResults(InputStream in) throws IOException {
        Map<String, TraceBuilder> builders = new LinkedHashMap<>();
        try (JsonParser p = MAPPER.createParser(in)) {
            JsonToken t;
            boolean any = false;
            boolean spans = false;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new TraceFileException("something other than a result object");
                }
                any = true;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    switch (f) {
                        case "result" -> spans |= result(p, builders);
                        case "resourceSpans" -> {
                            spans = true;
                            OtlpJson.resourceSpans(p, builders);
                        }
                        case "error" -> throw new TraceFileException("an error: " + errorOf(p.readValueAsTree()));
                        default -> p.skipChildren();
                    }
                }
                if (t == null) {
                    throw new JsonEOFException(p, null, "the object is not closed");
                }
            }
            if (!any) {
                throw new TraceFileException("an empty body");
            }
            if (!spans) {
                throw new TraceFileException("an object without a result of resourceSpans");
            }
        }
        List<Trace> traces = new ArrayList<>(builders.size());
        builders.values().forEach(b -> traces.add(b.build()));
        return traces;
    }

    /** A result object; whether it held resourceSpans. */
    private static boolean result(JsonParser p, Map<String, TraceBuilder> builders) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return false;
        }
        boolean spans = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String g = p.currentName();
            p.nextToken();
            if (g.equals("resourceSpans")) {
                spans = true;
                OtlpJson.resourceSpans(p, builders);
            } else {
                p.skipChildren();
            }
        }
        return spans;
    }

    private static String errorOf(JsonNode error) {
        if (error == null || error.isNull()) {
            return "";
        }
        return error.isObject() ? error.path("message").asText(error.toString()) : error.asText();
    }
}
