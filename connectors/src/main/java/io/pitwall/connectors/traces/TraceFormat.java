package io.pitwall.connectors.traces;

/** The trace formats {@link TraceFiles} reads. */
public enum TraceFormat {
    /** Jaeger v1 JSON: an {@code /api/traces} response or the Jaeger UI's download. */
    JAEGER_V1,
    /** OTLP JSON: an export file, or a Jaeger v2 {@code /api/v3} response around one. */
    OTLP,
    /** Zipkin v2 JSON: a list of spans, or a list of traces' span lists. */
    ZIPKIN_V2
}
