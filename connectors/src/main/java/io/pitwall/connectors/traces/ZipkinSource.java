package io.pitwall.connectors.traces;

import io.pitwall.connectors.http.HttpTransport;
import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Zipkin's v2 HTTP API: {@code /api/v2/services}, {@code /api/v2/spans?serviceName=} (the span
 * names), {@code /api/v2/traces} (the search: lists of Zipkin v2 spans; durations in microseconds,
 * {@code endTs} and {@code lookback} in milliseconds, tags as an {@code annotationQuery} of
 * {@code key=value and key}), {@code /api/v2/trace/{id}} and {@code /api/v2/dependencies}
 * (with error counts).
 */
public final class ZipkinSource extends HttpTracesSource {

    public ZipkinSource(HttpTransport transport) {
        super(transport, "Zipkin", "Zipkin");
    }

    @Override
    CompletableFuture<List<String>> fetchServices(TimeRange range) {
        return http.get("api/v2/services", Map.of(), "the services", in -> TraceReplies.names(in, "services"));
    }

    @Override
    CompletableFuture<List<String>> fetchOperations(String service, TimeRange range) {
        return http.get("api/v2/spans", Map.of("serviceName", service), "the span names of " + service,
                in -> TraceReplies.names(in, "spans"));
    }

    @Override
    CompletableFuture<List<Trace>> fetchTraces(TraceQuery q) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("serviceName", q.service());
        if (!q.operation().isEmpty()) {
            params.put("spanName", q.operation());
        }
        if (!q.tags().isEmpty()) {
            params.put("annotationQuery", annotationQuery(q.tags()));
        }
        q.minDuration().ifPresent(d -> params.put("minDuration", Long.toString(Math.max(1, d.toNanos() / 1000))));
        q.maxDuration().ifPresent(d -> params.put("maxDuration", Long.toString(d.toNanos() / 1000)));
        params.putAll(JaegerV1Source.dependencyWindow(q.range()));
        params.put("limit", Integer.toString(q.limit()));
        return http.get("api/v2/traces", params, "the trace search", in -> TraceFiles.read(in).traces());
    }

    /**
     * {@code key=value and key2=value2}; a tag without a value is its key alone, and so is
     * {@code error=true}: Zipkin's {@code error} tag holds the error's message, any value means failed.
     */
    static String annotationQuery(Map<String, String> tags) {
        return new TreeMap<>(tags).entrySet().stream()
                .map(e -> e.getValue().isEmpty() || e.getKey().equals("error") && e.getValue().equals("true") ? e.getKey()
                        : e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" and "));
    }

    @Override
    CompletableFuture<Trace> fetchTrace(String traceId) {
        return http.get("api/v2/trace/" + traceId, Map.of(), "trace " + traceId,
                in -> only(TraceFiles.read(in).traces(), traceId), said -> {
                    throw notFound(traceId);
                });
    }

    @Override
    CompletableFuture<List<DependencyLink>> fetchDependencies(TimeRange range) {
        return http.get("api/v2/dependencies", JaegerV1Source.dependencyWindow(range), "the dependencies",
                TraceReplies::dependencies);
    }
}
