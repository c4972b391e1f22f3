package io.pitwall.connectors.model;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The overview of a cluster or a namespace at a glance: CPU and memory used against what the
 * nodes can allocate, pods by phase, restarts, firing alerts and node readiness.
 *
 * @param cpuUsed     cores in use (from metrics), when known
 * @param memoryUsed  bytes in use (working set, from metrics), when known
 * @param restarts    container restarts of the pods shown (since they started)
 */
public record Overview(String scope, OptionalDouble cpuUsed, double cpuAllocatable, OptionalDouble memoryUsed,
                       double memoryAllocatable, Map<String, Integer> podsByPhase, int restarts, int firingAlerts,
                       int nodesReady, int nodes) {

    public Overview {
        podsByPhase = Map.copyOf(podsByPhase);
    }

    /** What {@code state} says (in {@code namespace} when given); usage and alerts come from the metrics. */
    public static Overview of(ClusterState state, java.util.Optional<String> namespace, OptionalDouble cpuUsed,
                              OptionalDouble memoryUsed, int firingAlerts) {
        ClusterState shown = state.inNamespace(namespace);
        Map<String, Integer> phases = new TreeMap<>();
        int restarts = 0;
        for (PodInfo p : shown.pods()) {
            phases.merge(p.phase(), 1, Integer::sum);
            restarts += p.restarts();
        }
        double cpu = 0;
        double memory = 0;
        int ready = 0;
        for (NodeInfo n : state.nodes()) {
            cpu += n.cpuCores();
            memory += n.memoryBytes();
            ready += n.ready() ? 1 : 0;
        }
        return new Overview(namespace.map(ns -> "namespace " + ns).orElse("the cluster"), cpuUsed, cpu, memoryUsed, memory,
                phases, restarts, firingAlerts, ready, state.nodes().size());
    }
}
