package io.pitwall.connectors.model;

import java.util.Map;
import java.util.Objects;

/**
 * A span's reference to another span: Jaeger's CHILD_OF and FOLLOWS_FROM, an OpenTelemetry link
 * (with its attributes). The parent of a span is one of its CHILD_OF or FOLLOWS_FROM references;
 * a link never is.
 */
public record SpanRef(Type type, String traceId, String spanId, Map<String, String> attributes) {

    public enum Type { CHILD_OF, FOLLOWS_FROM, LINK }

    public SpanRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(spanId, "spanId");
        attributes = Map.copyOf(attributes);
    }
}
