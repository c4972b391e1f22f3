package io.pitwall.connectors.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a cluster holds at one moment, as immutable records: what every cluster pane reads.
 *
 * @param noAccess the kinds the user may not list (shown as "no access", not as empty)
 * @param absent   the kinds the server does not offer (an older Kubernetes)
 * @param counts   objects of the other kinds watched, by kind (PersistentVolumeClaim, ...)
 */
public record ClusterState(Instant at, List<String> namespaces, List<NodeInfo> nodes, List<PodInfo> pods,
                           List<WorkloadInfo> workloads, List<ServiceInfo> services, List<IngressInfo> ingresses,
                           List<EventInfo> events, Map<String, Integer> counts, Set<String> noAccess,
                           Set<String> absent) {

    public ClusterState {
        namespaces = List.copyOf(namespaces);
        nodes = List.copyOf(nodes);
        pods = List.copyOf(pods);
        workloads = List.copyOf(workloads);
        services = List.copyOf(services);
        ingresses = List.copyOf(ingresses);
        events = List.copyOf(events);
        counts = Map.copyOf(counts);
        noAccess = Set.copyOf(noAccess);
        absent = Set.copyOf(absent);
    }

    /**
     * What this state holds in {@code namespace} (all of it when empty): its pods, workloads,
     * services, ingresses and events. Nodes and the namespace list stay whole.
     */
    public ClusterState inNamespace(java.util.Optional<String> namespace) {
        if (namespace.isEmpty()) {
            return this;
        }
        String ns = namespace.get();
        return new ClusterState(at, namespaces, nodes,
                pods.stream().filter(p -> ns.equals(p.namespace())).toList(),
                workloads.stream().filter(w -> ns.equals(w.namespace())).toList(),
                services.stream().filter(s -> ns.equals(s.namespace())).toList(),
                ingresses.stream().filter(i -> ns.equals(i.namespace())).toList(),
                events.stream().filter(e -> ns.equals(e.object().namespace())).toList(),
                counts, noAccess, absent);
    }

    /** Whether {@code other} holds the same objects and access as this (whenever each was taken). */
    public boolean sameAs(ClusterState other) {
        return other != null && namespaces.equals(other.namespaces) && nodes.equals(other.nodes) && pods.equals(other.pods)
                && workloads.equals(other.workloads) && services.equals(other.services) && ingresses.equals(other.ingresses)
                && events.equals(other.events) && counts.equals(other.counts) && noAccess.equals(other.noAccess)
                && absent.equals(other.absent);
    }

    public static ClusterState empty(Instant at) {
        return new ClusterState(at, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Map.of(), Set.of(), Set.of());
    }
}
