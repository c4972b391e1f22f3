package io.pitwall.connectors.model;

import java.util.Objects;

/**
 * One edge of the service dependency graph: {@code parent} called {@code child} {@code calls}
 * times in the window, {@code errors} of them failed (Jaeger's and Zipkin's {@code /dependencies}).
 */
public record DependencyLink(String parent, String child, long calls, long errors) {

    public DependencyLink {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(child, "child");
        if (calls < 0 || errors < 0) {
            throw new IllegalArgumentException("negative count: " + calls + " calls, " + errors + " errors");
        }
    }

    /** The share of failed calls, 0 when there were none. */
    public double errorRate() {
        return calls == 0 ? 0 : (double) errors / calls;
    }
}
