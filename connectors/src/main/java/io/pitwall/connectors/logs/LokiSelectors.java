package io.pitwall.connectors.logs;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A {@link LogScope} as a LogQL stream selector. Shippers name the Kubernetes labels differently:
 * promtail and Grafana Agent/Alloy write {@code namespace}, {@code pod}, {@code container}; the
 * OpenTelemetry Collector's Loki exporter {@code k8s_namespace_name}, {@code k8s_pod_name},
 * {@code k8s_container_name}; fluent-bit {@code kubernetes_namespace_name},
 * {@code kubernetes_pod_name}, {@code kubernetes_container_name}. {@link #detect} picks the set a
 * server has from its label names.
 *
 * <p>A workload's pods are matched by name, as their controllers name them: a Deployment's
 * {@code NAME-<pod-template-hash>-<5>}, a ReplicaSet's, DaemonSet's or Job's {@code NAME-<5>}, a
 * StatefulSet's {@code NAME-<ordinal>}, a CronJob's {@code NAME-<scheduled minutes>-<5>}.
 */
public final class LokiSelectors {

    /** The names a shipper gives the namespace, pod and container labels. */
    public record LabelSet(String shipper, String namespace, String pod, String container) {
    }

    public static final LabelSet PROMTAIL = new LabelSet("promtail", "namespace", "pod", "container");
    public static final LabelSet OTEL = new LabelSet("OpenTelemetry", "k8s_namespace_name", "k8s_pod_name",
            "k8s_container_name");
    public static final LabelSet FLUENT_BIT = new LabelSet("fluent-bit", "kubernetes_namespace_name",
            "kubernetes_pod_name", "kubernetes_container_name");
    public static final List<LabelSet> KNOWN = List.of(PROMTAIL, OTEL, FLUENT_BIT);

    /** The 5 characters Kubernetes appends to generated names (no vowels, no 0, 1, 3). */
    private static final String SUFFIX = "[a-z0-9]{5}";

    private LokiSelectors() {
    }

    /** The label set whose namespace and pod labels the server has; promtail's when none is complete. */
    public static LabelSet detect(Collection<String> labelNames) {
        for (LabelSet s : KNOWN) {
            if (labelNames.contains(s.namespace()) && labelNames.contains(s.pod())) {
                return s;
            }
        }
        for (LabelSet s : KNOWN) {
            if (labelNames.contains(s.namespace())) {
                return s;
            }
        }
        return PROMTAIL;
    }

    /**
     * The objects a stream's labels name, the most precise first: its pod, then its namespace
     * (none when the labels name neither).
     */
    public static List<io.pitwall.connectors.model.KubeRef> objectsOf(java.util.Map<String, String> streamLabels) {
        LabelSet set = detect(streamLabels.keySet());
        String ns = streamLabels.getOrDefault(set.namespace(), "");
        String pod = streamLabels.getOrDefault(set.pod(), "");
        List<io.pitwall.connectors.model.KubeRef> out = new java.util.ArrayList<>();
        if (!pod.isBlank() && !ns.isBlank()) {
            out.add(new io.pitwall.connectors.model.KubeRef("Pod", ns, pod));
        }
        if (!ns.isBlank()) {
            out.add(new io.pitwall.connectors.model.KubeRef("Namespace", "", ns));
        }
        return out;
    }

    /** The stream selector of {@code scope} in the labels of {@code set}. */
    public static String selector(LogScope scope, LabelSet set) {
        return switch (scope) {
            case LogScope.Cluster c -> "{" + set.namespace() + "=~\".+\"}";
            case LogScope.Namespace n -> "{" + eq(set.namespace(), n.name()) + "}";
            case LogScope.Pod p -> "{" + eq(set.namespace(), p.ref().namespace()) + ", " + eq(set.pod(), p.ref().name()) + "}";
            case LogScope.Container c -> "{" + eq(set.namespace(), c.pod().namespace()) + ", " + eq(set.pod(), c.pod().name())
                    + ", " + eq(set.container(), c.container()) + "}";
            case LogScope.Workload w -> "{" + eq(set.namespace(), w.ref().namespace()) + ", " + set.pod() + "=~"
                    + quote(podPattern(w.ref().kind(), w.ref().name())) + "}";
        };
    }

    /** The RE2 pattern (anchored, as Loki anchors label regexes) of the names of a workload's pods. */
    public static String podPattern(String kind, String name) {
        String n = escapeRegex(name);
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "deployment" -> n + "-[a-z0-9]{1,10}-" + SUFFIX;
            case "replicaset", "daemonset", "job" -> n + "-" + SUFFIX;
            case "statefulset" -> n + "-[0-9]+";
            case "cronjob" -> n + "-[0-9]+-" + SUFFIX;
            default -> n + "-.+";
        };
    }

    /** {@code text} with every RE2 metacharacter escaped. */
    public static String escapeRegex(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** A LogQL double-quoted string literal. */
    public static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String eq(String label, String value) {
        return label + "=" + quote(value);
    }
}
