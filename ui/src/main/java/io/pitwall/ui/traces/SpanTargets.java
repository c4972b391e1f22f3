package io.pitwall.ui.traces;

import io.pitwall.connectors.mapping.TraceAttributes;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Span;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a span names in the cluster, for "Show in topology", and which trace service a selected
 * object is, for pre-filling the search. A span names a pod by the mapping's pod attributes
 * (by default OpenTelemetry's {@code k8s.pod.name} with {@code k8s.namespace.name}, or a Jaeger
 * client's {@code hostname} or {@code pod.name}), else a workload ({@code k8s.deployment.name}),
 * else its service.
 */
public final class SpanTargets {

    /** A pod's name made by a ReplicaSet ({@code name-7d9f8b6c5-x2x4z}) or a StatefulSet/DaemonSet ({@code name-x2x4z}). */
    private static final Pattern POD_SUFFIX = Pattern.compile("-[a-z0-9]{6,10}-[a-z0-9]{5}$|-[a-z0-9]{5}$");
    private static final Pattern REPLICASET_SUFFIX = Pattern.compile("-[a-z0-9]{6,10}$");

    private SpanTargets() {
    }

    /** The pod, workload or service the span names by the default attributes, if any. */
    public static Optional<KubeRef> of(Span span) {
        return of(span, TraceAttributes.DEFAULTS);
    }

    /** The pod, workload or service the span names by {@code attributes}, if any. */
    public static Optional<KubeRef> of(Span span, TraceAttributes attributes) {
        String namespace = first(span, attributes.namespace()).orElse("");
        Optional<String> pod = first(span, attributes.pod());
        if (pod.isPresent()) {
            return Optional.of(new KubeRef("Pod", namespace, pod.get()));
        }
        Optional<String> workload = first(span, attributes.deployment());
        if (workload.isPresent() && !namespace.isEmpty()) {
            return Optional.of(new KubeRef("Deployment", namespace, workload.get()));
        }
        String service = first(span, attributes.service()).orElse(span.service());
        if (service == null || service.isBlank() || service.equals("unknown")) {
            return Optional.empty();
        }
        return Optional.of(new KubeRef("Service", namespace, service));
    }

    private static Optional<String> first(Span span, List<String> keys) {
        for (String key : keys) {
            for (Map<String, String> m : List.of(span.tags(), span.processTags())) {
                String v = m.get(key);
                if (v != null && !v.isBlank()) {
                    return Optional.of(v.strip());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The trace service among {@code services} that a selected object is: a Service or workload by
     * its name, a pod by its name less the suffixes its controller adds; matched exactly, then
     * ignoring case, then as a service named {@code name.namespace} or {@code namespace/name}.
     */
    public static Optional<String> serviceFor(KubeRef ref, List<String> services) {
        String name = switch (ref.kind()) {
            case "Pod" -> POD_SUFFIX.matcher(ref.name()).replaceFirst("");
            case "ReplicaSet" -> REPLICASET_SUFFIX.matcher(ref.name()).replaceFirst("");
            case "Service", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Rollout" -> ref.name();
            default -> "";
        };
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String s : services) {
            if (s.equals(name)) {
                return Optional.of(s);
            }
        }
        for (String s : services) {
            String l = s.toLowerCase(Locale.ROOT);
            if (l.equals(lower) || l.equals(lower + "." + ref.namespace()) || l.equals(ref.namespace() + "/" + lower)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
