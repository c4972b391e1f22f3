package io.pitwall.connectors.model;

import java.util.Locale;

/** A span's kind, as OpenTelemetry, Jaeger ({@code span.kind}) and Zipkin ({@code kind}) name it. */
public enum SpanKind {
    UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER;

    private static final SpanKind[] VALUES = values();

    /** {@code server}, {@code SERVER}, {@code SPAN_KIND_SERVER}, ...; UNSPECIFIED for anything else. */
    public static SpanKind parse(String s) {
        if (s == null) {
            return UNSPECIFIED;
        }
        String n = s.toUpperCase(Locale.ROOT);
        if (n.startsWith("SPAN_KIND_")) {
            n = n.substring("SPAN_KIND_".length());
        }
        for (SpanKind k : VALUES) {
            if (k.name().equals(n)) {
                return k;
            }
        }
        return UNSPECIFIED;
    }

    /** OTLP's numbers: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
    public static SpanKind ofOtlp(int code) {
        return code >= 1 && code <= 5 ? VALUES[code] : UNSPECIFIED;
    }

    static SpanKind of(int ordinal) {
        return VALUES[ordinal];
    }
}
