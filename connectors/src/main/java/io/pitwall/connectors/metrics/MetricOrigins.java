package io.pitwall.connectors.metrics;

/**
 * Who normally exports a metric that Pitwall's graphs read, so that a missing one can be
 * explained: "container_cpu_cfs_throttled_periods_total is missing; cAdvisor (in the kubelet)
 * normally exports it".
 */
public final class MetricOrigins {

    private MetricOrigins() {
    }

    /** The exporter of {@code metric}, in a few words, or "" when Pitwall does not know it. */
    public static String exporterOf(String metric) {
        if (metric.startsWith("container_") || metric.startsWith("machine_")) {
            return "cAdvisor (built into the kubelet, scraped at /metrics/cadvisor)";
        }
        if (metric.startsWith("kube_")) {
            return "kube-state-metrics";
        }
        if (metric.startsWith("node_")) {
            return "node exporter (prometheus-node-exporter)";
        }
        if (metric.startsWith("kubelet_")) {
            return "the kubelet (/metrics)";
        }
        if (metric.startsWith("apiserver_")) {
            return "the Kubernetes API server";
        }
        return "";
    }

    /** Why a graph that reads {@code metric} is empty, when the source lacks the metric. */
    public static String missing(String metric) {
        String by = exporterOf(metric);
        return metric + " is not among this source's metrics" + (by.isEmpty() ? "" : "; " + by + " normally exports it");
    }
}
