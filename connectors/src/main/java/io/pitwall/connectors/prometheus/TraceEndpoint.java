package io.pitwall.connectors.prometheus;

import io.pitwall.connectors.http.HttpSettings;
import java.util.Locale;
import java.util.Objects;

/**
 * A context's trace backend (optional), read-only: a Jaeger query service (its v1 {@code /api} or
 * Jaeger v2's {@code /api/v3}) or a Zipkin server. Kept with the other endpoints of
 * {@code endpoints.json} ({@link EndpointSettings}).
 *
 * @param name     for people ("jaeger-query")
 * @param protocol which API it speaks
 * @param target   a URL, or a Service reached through the API server's proxy
 * @param http     timeouts, authentication (a reference to the secret), TLS files, extra headers
 */
public record TraceEndpoint(String name, Protocol protocol, EndpointTarget target, HttpSettings http) {

    /** The trace APIs Pitwall reads. */
    public enum Protocol {
        /** Jaeger's query service, {@code /api/traces} (Jaeger v1, and v2 still serves it). */
        JAEGER_V1("Jaeger (v1 API)"),
        /** Jaeger v2's {@code /api/v3}: OTLP JSON. */
        JAEGER_V3("Jaeger (v3 API)"),
        /** Zipkin's {@code /api/v2}. */
        ZIPKIN("Zipkin");

        private final String displayName;

        Protocol(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }

        /** As written in {@code endpoints.json}: "jaeger_v1", "jaeger_v3", "zipkin". */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The protocol of {@link #id()} (any case). */
        public static Protocol of(String id) {
            for (Protocol p : values()) {
                if (p.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown trace protocol " + id + " (jaeger_v1, jaeger_v3, zipkin)");
        }
    }

    public TraceEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(target, "target");
        http = http == null ? HttpSettings.DEFAULT : http;
    }

    public static TraceEndpoint url(String name, Protocol protocol, String url) {
        return new TraceEndpoint(name, protocol, new EndpointTarget.Url(url), HttpSettings.DEFAULT);
    }
}
