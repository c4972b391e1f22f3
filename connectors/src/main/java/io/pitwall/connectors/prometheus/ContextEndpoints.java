package io.pitwall.connectors.prometheus;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A kubeconfig context's metrics and alerts endpoints.
 *
 * @param prometheus   its Prometheus-compatible endpoints, in the user's order
 * @param selected     the name of the one the graphs read (the first when empty); its HA partner,
 *                     if any, takes over when it fails
 * @param alertmanager its Alertmanager, if any
 * @param loki         its Loki, if any (without one, a live session reads logs from the Kubernetes log API)
 * @param traces       its Jaeger or Zipkin, if any
 */
public record ContextEndpoints(List<PrometheusEndpoint> prometheus, Optional<String> selected,
                               Optional<AlertmanagerEndpoint> alertmanager, Optional<LokiEndpoint> loki,
                               Optional<TraceEndpoint> traces) {

    public static final ContextEndpoints NONE = new ContextEndpoints(List.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** The metrics, alerts and Loki endpoints, without a trace backend. */
    public ContextEndpoints(List<PrometheusEndpoint> prometheus, Optional<String> selected,
                            Optional<AlertmanagerEndpoint> alertmanager, Optional<LokiEndpoint> loki) {
        this(prometheus, selected, alertmanager, loki, Optional.empty());
    }

    /** The metrics and alerts endpoints, without Loki. */
    public ContextEndpoints(List<PrometheusEndpoint> prometheus, Optional<String> selected,
                            Optional<AlertmanagerEndpoint> alertmanager) {
        this(prometheus, selected, alertmanager, Optional.empty(), Optional.empty());
    }

    public ContextEndpoints {
        prometheus = List.copyOf(prometheus);
        selected = selected == null ? Optional.empty() : selected;
        alertmanager = alertmanager == null ? Optional.empty() : alertmanager;
        loki = loki == null ? Optional.empty() : loki;
        traces = traces == null ? Optional.empty() : traces;
        Set<String> names = new HashSet<>();
        for (PrometheusEndpoint e : prometheus) {
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("two endpoints are named " + e.name());
            }
        }
        for (PrometheusEndpoint e : prometheus) {
            if (e.haPartner().isPresent() && !names.contains(e.haPartner().get())) {
                throw new IllegalArgumentException("endpoint " + e.name() + " names an HA partner that is not configured: "
                        + e.haPartner().get());
            }
        }
        if (selected.isPresent() && !names.contains(selected.get())) {
            throw new IllegalArgumentException("the selected endpoint is not configured: " + selected.get());
        }
    }

    public boolean isEmpty() {
        return prometheus.isEmpty() && alertmanager.isEmpty() && loki.isEmpty() && traces.isEmpty();
    }

    /** Whether there is a Prometheus or an Alertmanager (what the metrics and alerts sources need). */
    public boolean hasMetricsOrAlerts() {
        return !prometheus.isEmpty() || alertmanager.isPresent();
    }

    /** These endpoints with {@code loki} as the context's Loki (empty: none). */
    public ContextEndpoints withLoki(Optional<LokiEndpoint> loki) {
        return new ContextEndpoints(prometheus, selected, alertmanager, loki, traces);
    }

    /** These endpoints with {@code traces} as the context's trace backend (empty: none). */
    public ContextEndpoints withTraces(Optional<TraceEndpoint> traces) {
        return new ContextEndpoints(prometheus, selected, alertmanager, loki, traces);
    }

    /** The endpoint the graphs read, if any. */
    public Optional<PrometheusEndpoint> primary() {
        if (selected.isPresent()) {
            return prometheus.stream().filter(e -> e.name().equals(selected.get())).findFirst();
        }
        return prometheus.stream().findFirst();
    }

    /** The HA partner of the endpoint the graphs read, if it has one. */
    public Optional<PrometheusEndpoint> partner() {
        return primary().flatMap(PrometheusEndpoint::haPartner)
                .flatMap(n -> prometheus.stream().filter(e -> e.name().equals(n)).findFirst());
    }
}
