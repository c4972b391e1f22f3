package io.pitwall.connectors.prometheus;

import io.pitwall.connectors.http.HttpTransport;
import java.util.concurrent.CompletableFuture;

/**
 * The settings page's "test connection": what the server says it is, or exactly why it cannot be
 * reached (the future then fails with a {@link io.pitwall.connectors.metrics.QueryException}
 * whose message is the reason).
 */
public final class ConnectionTest {

    private ConnectionTest() {
    }

    /** {@code /api/v1/status/buildinfo}: "Prometheus 2.53.0 (revision 1f5ea9e) at http://...". */
    public static CompletableFuture<String> prometheus(PrometheusEndpoint endpoint, Transports transports) {
        HttpTransport t = transports.create(endpoint.target(), endpoint.http());
        return new PrometheusClient(t).buildInfo().thenApply(b -> endpoint.flavor().displayName() + " "
                        + (b.version().isEmpty() ? "(version not given)" : b.version())
                        + (b.revision().isEmpty() ? "" : " (revision " + b.revision().substring(0, Math.min(7, b.revision().length())) + ")")
                        + " at " + t.endpoint())
                .whenComplete((v, e) -> t.close());
    }

    /** {@code /api/v2/status}: "Alertmanager 0.27.0 at http://...". */
    public static CompletableFuture<String> alertmanager(AlertmanagerEndpoint endpoint, Transports transports) {
        HttpTransport t = transports.create(endpoint.target(), endpoint.http());
        return new AlertmanagerClient(t).version().thenApply(v -> "Alertmanager " + (v.isEmpty() ? "(version not given)" : v)
                + " at " + t.endpoint()).whenComplete((v, e) -> t.close());
    }
}
