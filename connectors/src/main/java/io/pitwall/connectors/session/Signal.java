package io.pitwall.connectors.session;

/** The kinds of signal a session serves; each has one source interface. */
public enum Signal {
    CLUSTER("Cluster", "cluster", "a Kubernetes cluster: pick a kubeconfig context in the top bar"),
    METRICS("Metrics", "metrics", "a Prometheus-compatible endpoint (Prometheus, Thanos, Mimir, VictoriaMetrics) for this context"),
    LOGS("Logs", "logs", "Loki for this context, or a cluster for the Kubernetes log API"),
    TRACES("Traces", "traces", "a Jaeger or Zipkin endpoint for this context"),
    SECURITY("Security", "security", "a cluster (posture checks, Trivy and policy reports) or Falco events via Loki"),
    ALERTS("Alerts", "alerts", "Prometheus or Alertmanager for this context");

    private final String displayName;
    private final String bundleFolder;
    private final String whatToConnect;

    Signal(String displayName, String bundleFolder, String whatToConnect) {
        this.displayName = displayName;
        this.bundleFolder = bundleFolder;
        this.whatToConnect = whatToConnect;
    }

    /** The folder of an incident bundle that holds this signal's entries (docs/bundle-format.md). */
    public String bundleFolder() {
        return bundleFolder;
    }

    public String displayName() {
        return displayName;
    }

    /** What the user connects to get this signal, for empty states. */
    public String whatToConnect() {
        return whatToConnect;
    }
}
