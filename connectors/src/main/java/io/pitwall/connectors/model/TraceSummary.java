package io.pitwall.connectors.model;

import java.util.List;
import java.util.Objects;

/**
 * One line of a trace search's results: the trace, its first root's service and operation, when
 * it started and how long it lasted (epoch nanoseconds, nanoseconds), how many spans it has and
 * how many of them failed, and its services (sorted).
 */
public record TraceSummary(String traceId, String rootService, String rootOperation, long startNanos,
        long durationNanos, int spanCount, int errorCount, List<String> services) {

    public TraceSummary {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(rootService, "rootService");
        Objects.requireNonNull(rootOperation, "rootOperation");
        services = List.copyOf(services);
    }
}
