package io.pitwall.connectors.traces;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pitwall.connectors.model.KeyValues;
import io.pitwall.connectors.model.SpanKind;
import io.pitwall.connectors.model.SpanRef;
import io.pitwall.connectors.model.Trace;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes traces as Jaeger v1 JSON, {@code {"data":[trace, ...]}}, the shape of Jaeger's
 * {@code /api/traces} that Jaeger's UI also opens, streamed span by span. It keeps what the model
 * holds: every tag and process tag (as strings), logs, CHILD_OF and FOLLOWS_FROM references, and
 * the span's kind and error as Jaeger writes them ({@code span.kind} and {@code error=true} tags,
 * added only when no tag says so already; a failed span whose {@code error} tag holds a message, as
 * Zipkin's do, gets {@code otel.status_code=ERROR} instead). Two things Jaeger's JSON has no word for are written
 * in fields Jaeger's readers ignore: an OpenTelemetry link is a reference of {@code refType}
 * {@code LINK} with its {@code attributes}, and a Zipkin server span sharing its client's id says
 * {@code "shared": true}. Times are microseconds: nanoseconds below that are not kept.
 */
public final class JaegerJsonWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JaegerJsonWriter() {
    }

    /** Writes {@code traces} to {@code out} (left open). */
    public static void write(OutputStream out, List<Trace> traces) throws IOException {
        write(out, traces, (key, value) -> value);
    }

    /**
     * Writes {@code traces} to {@code out} (left open), each span's operation name and each
     * attribute's, process tag's and event field's value passed through {@code values} as
     * {@code (key, value)} (a capture's redaction; the key of an operation name is "").
     */
    public static void write(OutputStream out, List<Trace> traces, java.util.function.BinaryOperator<String> values)
            throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            for (Trace t : traces) {
                trace(g, t, values);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void trace(JsonGenerator g, Trace t, java.util.function.BinaryOperator<String> values) throws IOException {
        g.writeStartObject();
        g.writeStringField("traceID", t.traceId());
        g.writeArrayFieldStart("spans");
        for (int i = 0; i < t.spanCount(); i++) {
            span(g, t, i, values);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("processes");
        KeyValues processTags = t.processTags();
        String[] services = new String[t.processCount()];
        for (int i = 0; i < t.spanCount(); i++) {
            services[t.process(i)] = t.service(i);
        }
        for (int p = 0; p < t.processCount(); p++) {
            g.writeObjectFieldStart("p" + (p + 1));
            g.writeStringField("serviceName", services[p] == null ? "unknown" : services[p]);
            g.writeArrayFieldStart("tags");
            for (int k = 0; k < processTags.size(p); k++) {
                keyValue(g, processTags.key(p, k), values.apply(processTags.key(p, k), processTags.value(p, k)));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void span(JsonGenerator g, Trace t, int i, java.util.function.BinaryOperator<String> values)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("traceID", t.spanTraceId(i));
        g.writeStringField("spanID", t.spanId(i));
        g.writeStringField("operationName", values.apply("", t.operation(i)));
        g.writeArrayFieldStart("references");
        for (int k = 0; k < t.refCount(i); k++) {
            SpanRef r = t.ref(i, k);
            g.writeStartObject();
            g.writeStringField("refType", r.type().name());
            g.writeStringField("traceID", r.traceId());
            g.writeStringField("spanID", r.spanId());
            if (!r.attributes().isEmpty()) {
                g.writeArrayFieldStart("attributes");
                for (Map.Entry<String, String> a : r.attributes().entrySet()) {
                    keyValue(g, a.getKey(), values.apply(a.getKey(), a.getValue()));
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("startTime", Math.floorDiv(t.startNanos(i), 1000L));
        g.writeNumberField("duration", Math.floorDiv(t.durationNanos(i), 1000L));
        g.writeArrayFieldStart("tags");
        KeyValues tags = t.tags();
        boolean saysKind = false;
        boolean saysError = false;
        boolean errorTag = false;
        for (int k = 0; k < tags.size(i); k++) {
            String key = tags.key(i, k);
            String value = tags.value(i, k);
            saysKind |= key.equals("span.kind");
            errorTag |= key.equals("error");
            saysError |= key.equals("error") && value.equalsIgnoreCase("true")
                    || key.equals("otel.status_code") && value.equalsIgnoreCase("ERROR");
            keyValue(g, key, values.apply(key, value));
        }
        if (!saysKind && t.kind(i) != SpanKind.UNSPECIFIED) {
            keyValue(g, "span.kind", t.kind(i).name().toLowerCase(Locale.ROOT));
        }
        if (!saysError && t.isError(i) && errorTag) {
            keyValue(g, "otel.status_code", "ERROR"); // Zipkin's error tag holds its message: keep it as it is
        } else if (!saysError && t.isError(i)) {
            g.writeStartObject();
            g.writeStringField("key", "error");
            g.writeStringField("type", "bool");
            g.writeBooleanField("value", true);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("logs");
        for (int k = 0; k < t.logCount(i); k++) {
            var log = t.log(i, k);
            g.writeStartObject();
            g.writeNumberField("timestamp", Math.floorDiv(log.epochNanos(), 1000L));
            g.writeArrayFieldStart("fields");
            for (Map.Entry<String, String> f : log.fields().entrySet()) {
                keyValue(g, f.getKey(), values.apply(f.getKey(), f.getValue()));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("processID", "p" + (t.process(i) + 1));
        if (isShared(t, i)) {
            g.writeBooleanField("shared", true);
        }
        g.writeEndObject();
    }

    /** A Zipkin server span that shares its id with its parent, the client that called it. */
    private static boolean isShared(Trace t, int i) {
        int parent = t.parent(i);
        return parent >= 0 && t.spanId(parent).equals(t.spanId(i));
    }

    private static void keyValue(JsonGenerator g, String key, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", key);
        g.writeStringField("type", "string");
        g.writeStringField("value", value);
        g.writeEndObject();
    }
}
