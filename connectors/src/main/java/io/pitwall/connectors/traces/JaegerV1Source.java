package io.pitwall.connectors.traces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.connectors.http.HttpTransport;
import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Jaeger's query service, v1 HTTP API (what Jaeger's UI reads; Jaeger v2 serves it too):
 * {@code /api/services}, {@code /api/services/{service}/operations}, {@code /api/traces} (the
 * search: whole traces in Jaeger JSON, times in microseconds), {@code /api/traces/{id}} and
 * {@code /api/dependencies} (call counts, no error counts).
 */
public final class JaegerV1Source extends HttpTracesSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JaegerV1Source(HttpTransport transport) {
        super(transport, "Jaeger", "Jaeger (v1 API)");
    }

    @Override
    CompletableFuture<List<String>> fetchServices(TimeRange range) {
        return http.get("api/services", Map.of(), "the services", in -> TraceReplies.names(in, "data"));
    }

    @Override
    CompletableFuture<List<String>> fetchOperations(String service, TimeRange range) {
        if (service.contains("/")) {
            return CompletableFuture.failedFuture(new TraceQueryException("bad_query", "Jaeger's v1 API cannot list the"
                    + " operations of a service whose name has a slash: " + service));
        }
        return http.get("api/services/" + service + "/operations", Map.of(), "the operations of " + service,
                in -> TraceReplies.names(in, "data"));
    }

    @Override
    CompletableFuture<List<Trace>> fetchTraces(TraceQuery q) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("service", q.service());
        if (!q.operation().isEmpty()) {
            params.put("operation", q.operation());
        }
        if (!q.tags().isEmpty()) {
            try {
                params.put("tags", JSON.writeValueAsString(new TreeMap<>(q.tags())));
            } catch (JsonProcessingException e) {
                return CompletableFuture.failedFuture(new TraceQueryException("bad_query", "tags cannot be sent: "
                        + e.getOriginalMessage()));
            }
        }
        q.minDuration().ifPresent(d -> params.put("minDuration", TraceHttp.goDuration(d)));
        q.maxDuration().ifPresent(d -> params.put("maxDuration", TraceHttp.goDuration(d)));
        params.put("limit", Integer.toString(q.limit()));
        params.put("start", Long.toString(TraceHttp.micros(q.range().from())));
        params.put("end", Long.toString(TraceHttp.micros(q.range().to())));
        return http.get("api/traces", params, "the trace search", in -> TraceFiles.read(in).traces());
    }

    @Override
    CompletableFuture<Trace> fetchTrace(String traceId) {
        return http.get("api/traces/" + traceId, Map.of(), "trace " + traceId, in -> only(TraceFiles.read(in).traces(),
                traceId), said -> {
                    throw notFound(traceId);
                });
    }

    @Override
    CompletableFuture<List<DependencyLink>> fetchDependencies(TimeRange range) {
        return http.get("api/dependencies", dependencyWindow(range), "the dependencies", TraceReplies::dependencies);
    }

    /** {@code endTs} and {@code lookback} in milliseconds, as Jaeger's and Zipkin's dependencies take them. */
    static Map<String, String> dependencyWindow(TimeRange range) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("endTs", Long.toString(range.to().toEpochMilli()));
        params.put("lookback", Long.toString(Math.max(1, range.length().toMillis())));
        return params;
    }
}
