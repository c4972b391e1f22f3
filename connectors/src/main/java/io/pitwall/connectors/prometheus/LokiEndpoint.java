package io.pitwall.connectors.prometheus;

import io.pitwall.connectors.http.HttpSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A context's Loki (optional), read-only: query_range, labels, series and the live tail. Kept
 * with the other endpoints of {@code endpoints.json} ({@link EndpointSettings}).
 *
 * @param name   for people ("loki-gateway")
 * @param target a URL, or a Service reached through the API server's proxy
 * @param http   timeouts, authentication (a reference to the secret), TLS files, extra headers
 * @param tenant the tenant of a multi-tenant Loki, sent as {@code X-Scope-OrgID}; empty for none
 */
public record LokiEndpoint(String name, EndpointTarget target, HttpSettings http, Optional<String> tenant) {

    /** The header that names a Loki (or Mimir, Cortex) tenant. */
    public static final String TENANT_HEADER = "X-Scope-OrgID";

    public LokiEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        http = http == null ? HttpSettings.DEFAULT : http;
        tenant = tenant == null ? Optional.empty() : tenant.filter(t -> !t.isBlank()).map(String::strip);
    }

    public static LokiEndpoint url(String name, String url) {
        return new LokiEndpoint(name, new EndpointTarget.Url(url), HttpSettings.DEFAULT, Optional.empty());
    }

    public LokiEndpoint withTenant(String tenant) {
        return new LokiEndpoint(name, target, http, Optional.ofNullable(tenant));
    }

    /** The HTTP settings as sent: {@link #http()} with the tenant's header, if any. */
    public HttpSettings effectiveHttp() {
        if (tenant.isEmpty()) {
            return http;
        }
        Map<String, String> headers = new LinkedHashMap<>(http.headers());
        headers.put(TENANT_HEADER, tenant.get());
        return new HttpSettings(http.connectTimeout(), http.readTimeout(), http.auth(), http.tls(), headers);
    }
}
