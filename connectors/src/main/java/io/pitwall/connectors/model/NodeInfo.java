package io.pitwall.connectors.model;

import java.util.Map;

/** A node: readiness, whether it takes new pods, and its allocatable cpu and memory (as quantities). */
public record NodeInfo(String name, Map<String, String> labels, boolean ready, boolean schedulable,
                       String allocatableCpu, String allocatableMemory) {

    public NodeInfo {
        labels = Map.copyOf(labels);
    }

    public KubeRef ref() {
        return new KubeRef("Node", "", name);
    }
}
