package io.pitwall.connectors.model;

import java.util.List;
import java.util.Map;

/**
 * One span of a {@link Trace}, copied out of its arrays for a details panel: ids, names, times
 * (epoch nanoseconds, nanoseconds), kind, {@link Trace} flags, tags (attributes), its process's
 * tags (resource attributes), logs (events, annotations) and references (links).
 */
public record Span(int index, String traceId, String spanId, String parentSpanId, String service, String operation,
        long startNanos, long durationNanos, SpanKind kind, int flags, Map<String, String> tags,
        Map<String, String> processTags, List<SpanLog> logs, List<SpanRef> refs) {

    public boolean isError() {
        return (flags & Trace.ERROR) != 0;
    }

    public long endNanos() {
        return startNanos + durationNanos;
    }
}
