package io.pitwall.connectors.session;

/** The kinds of signal a session serves; each has one source interface. */
public enum Signal {
    CLUSTER("Cluster", "a Kubernetes cluster: pick a kubeconfig context in the top bar"),
    METRICS("Metrics", "a Prometheus-compatible endpoint (Prometheus, Thanos, Mimir, VictoriaMetrics) for this context"),
    LOGS("Logs", "Loki for this context, or a cluster for the Kubernetes log API"),
    TRACES("Traces", "a Jaeger or Zipkin endpoint for this context"),
    SECURITY("Security", "a cluster (posture checks, Trivy and policy reports) or Falco events via Loki"),
    ALERTS("Alerts", "Prometheus or Alertmanager for this context");

    private final String displayName;
    private final String whatToConnect;

    Signal(String displayName, String whatToConnect) {
        this.displayName = displayName;
        this.whatToConnect = whatToConnect;
    }

    public String displayName() {
        return displayName;
    }

    /** What the user connects to get this signal, for empty states. */
    public String whatToConnect() {
        return whatToConnect;
    }
}
