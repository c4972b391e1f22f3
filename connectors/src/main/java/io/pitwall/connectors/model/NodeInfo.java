package io.pitwall.connectors.model;

import java.util.Map;

/** A node: readiness, whether it takes new pods, and its allocatable cpu and memory (as quantities). */
public record NodeInfo(String name, Map<String, String> labels, boolean ready, boolean schedulable,
                       String allocatableCpu, String allocatableMemory) {

    public NodeInfo {
        labels = Map.copyOf(labels);
    }

    /** Allocatable CPU in cores (0 when unknown or unreadable). */
    public double cpuCores() {
        return amount(allocatableCpu);
    }

    /** Allocatable memory in bytes (0 when unknown or unreadable). */
    public double memoryBytes() {
        return amount(allocatableMemory);
    }

    private static double amount(String quantity) {
        if (quantity == null || quantity.isBlank()) {
            return 0;
        }
        try {
            return io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
                    new io.fabric8.kubernetes.api.model.Quantity(quantity)).doubleValue();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public KubeRef ref() {
        return new KubeRef("Node", "", name);
    }
}
