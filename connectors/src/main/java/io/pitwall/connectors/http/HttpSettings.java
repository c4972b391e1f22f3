package io.pitwall.connectors.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to talk to one HTTP endpoint: timeouts, authentication, TLS and extra headers that hold no
 * secret (a Mimir or Cortex tenant's {@code X-Scope-OrgID}, for instance).
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, HttpAuth auth, TlsFiles tls,
                           Map<String, String> headers) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    public static final HttpSettings DEFAULT = new HttpSettings(CONNECT_TIMEOUT, READ_TIMEOUT, new HttpAuth.None(),
            TlsFiles.SYSTEM, Map.of());

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        auth = auth == null ? new HttpAuth.None() : auth;
        tls = tls == null ? TlsFiles.SYSTEM : tls;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        for (String h : headers.keySet()) {
            if (h.equalsIgnoreCase("Authorization") || h.equalsIgnoreCase("Proxy-Authorization")
                    || h.equalsIgnoreCase("Cookie")) {
                throw new IllegalArgumentException(h + " is set through the authentication settings, not as a header");
            }
        }
    }

    public HttpSettings withAuth(HttpAuth auth) {
        return new HttpSettings(connectTimeout, readTimeout, auth, tls, headers);
    }

    public HttpSettings withTls(TlsFiles tls) {
        return new HttpSettings(connectTimeout, readTimeout, auth, tls, headers);
    }

    public HttpSettings withTimeouts(Duration connect, Duration read) {
        return new HttpSettings(connect, read, auth, tls, headers);
    }
}
