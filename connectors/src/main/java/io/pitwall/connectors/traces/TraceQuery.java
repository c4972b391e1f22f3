package io.pitwall.connectors.traces;

import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One trace search.
 *
 * @param service     the service, required by Jaeger and Zipkin ("" only for a local source)
 * @param operation   one operation (span name), or "" for all
 * @param tags        {@code key=value} conditions every matching trace has on one of its spans
 * @param minDuration traces at least this long, when present
 * @param maxDuration traces at most this long, when present
 * @param limit       the most traces to return
 * @param range       the shared time range
 */
public record TraceQuery(String service, String operation, Map<String, String> tags, Optional<Duration> minDuration,
                         Optional<Duration> maxDuration, int limit, TimeRange range) {

    public TraceQuery {
        service = service == null ? "" : service.strip();
        operation = operation == null ? "" : operation.strip();
        tags = Map.copyOf(tags);
        Objects.requireNonNull(minDuration, "minDuration");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(range, "range");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /** All traces of a service in the range, up to {@code limit}. */
    public static TraceQuery of(String service, TimeRange range, int limit) {
        return new TraceQuery(service, "", Map.of(), Optional.empty(), Optional.empty(), limit, range);
    }
}
