package io.pitwall.connectors.mapping;

import java.util.List;

/**
 * The span attributes (resource or span tags) that name a span's Kubernetes namespace, pod and
 * workload, and its service, each tried in order. The defaults are OpenTelemetry's Kubernetes
 * attributes, then what Jaeger clients and older instrumentation write.
 */
public record TraceAttributes(List<String> namespace, List<String> pod, List<String> deployment, List<String> service) {

    public static final TraceAttributes DEFAULTS = new TraceAttributes(
            List.of("k8s.namespace.name", "namespace", "service.namespace"),
            List.of("k8s.pod.name", "pod.name", "pod", "hostname", "host.name"),
            List.of("k8s.deployment.name"),
            List.of("service.name"));

    public TraceAttributes {
        namespace = List.copyOf(namespace);
        pod = List.copyOf(pod);
        deployment = List.copyOf(deployment);
        service = List.copyOf(service);
    }
}
