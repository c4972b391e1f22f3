package io.pitwall.connectors.model;

import java.util.Map;

/**
 * A span's log (Jaeger) or event (OpenTelemetry; its name is the field {@code event}) or
 * annotation (Zipkin; its value is the field {@code annotation}): when, and its fields in order.
 */
public record SpanLog(long epochNanos, Map<String, String> fields) {

    public SpanLog {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
