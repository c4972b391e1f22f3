package io.pitwall.connectors.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A firing or pending alert, from Prometheus ({@code /api/v1/alerts}) or Alertmanager
 * ({@code /api/v2/alerts}).
 *
 * @param severity   the {@code severity} label, "" when none
 * @param since      when it became active, when the source says
 * @param value      the value that fired it, as the source wrote it
 * @param expression the rule's PromQL, "" when unknown (Alertmanager does not know it)
 * @param source     where it came from: "prometheus", "alertmanager", or "prometheus, alertmanager"
 *                   when both hold it (it is then listed once, see
 *                   {@link io.pitwall.connectors.prometheus.AlertsJoin})
 */
public record Alert(String name, State state, String severity, Map<String, String> labels,
                    Map<String, String> annotations, Optional<Instant> since, Optional<String> value,
                    String expression, String source) {

    public enum State { FIRING, PENDING, SUPPRESSED }

    public Alert {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        severity = severity == null ? "" : severity;
        expression = expression == null ? "" : expression;
    }

    /** The pod, workload or node the labels name, the most precise first, if any. */
    public Optional<KubeRef> target() {
        String ns = labels.getOrDefault("namespace", "");
        if (labels.containsKey("pod")) {
            return Optional.of(new KubeRef("Pod", ns, labels.get("pod")));
        }
        // "job" is Prometheus's scrape job; kube-state-metrics names a Kubernetes Job "job_name"
        for (String kind : new String[] {"deployment", "statefulset", "daemonset", "cronjob", "job_name"}) {
            if (labels.containsKey(kind)) {
                String k = switch (kind) {
                    case "deployment" -> "Deployment";
                    case "statefulset" -> "StatefulSet";
                    case "daemonset" -> "DaemonSet";
                    case "cronjob" -> "CronJob";
                    default -> "Job";
                };
                return Optional.of(new KubeRef(k, ns, labels.get(kind)));
            }
        }
        if (labels.containsKey("node")) {
            return Optional.of(new KubeRef("Node", "", labels.get("node")));
        }
        return Optional.empty();
    }
}
