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
 * Jaeger v2's query API, {@code /api/v3} (grpc-gateway over HTTP): {@code services},
 * {@code operations?service=}, {@code traces?query.*} (RFC 3339 times, Go durations) and
 * {@code traces/{id}}, whose replies are OTLP JSON under {@code result}, one object or several in
 * a row. A search that finds nothing is a 404 "No traces found", read as no traces. Attribute
 * conditions are sent as {@code query.attributes} and also checked here, since some versions
 * ignore them. The v3 API has no dependencies: they are read from the v1 {@code /api/dependencies}
 * the same query service serves, and are empty when it does not.
 */
public final class JaegerV3Source extends HttpTracesSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JaegerV3Source(HttpTransport transport) {
        super(transport, "Jaeger", "Jaeger (v3 API)");
    }

    @Override
    CompletableFuture<List<String>> fetchServices(TimeRange range) {
        return http.get("api/v3/services", Map.of(), "the services", in -> TraceReplies.names(in, "services"));
    }

    @Override
    CompletableFuture<List<String>> fetchOperations(String service, TimeRange range) {
        return http.get("api/v3/operations", Map.of("service", service), "the operations of " + service,
                in -> TraceReplies.names(in, "operations"));
    }

    @Override
    CompletableFuture<List<Trace>> fetchTraces(TraceQuery q) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query.service_name", q.service());
        if (!q.operation().isEmpty()) {
            params.put("query.operation_name", q.operation());
        }
        if (!q.tags().isEmpty()) {
            try {
                params.put("query.attributes", JSON.writeValueAsString(new TreeMap<>(q.tags())));
            } catch (JsonProcessingException e) {
                return CompletableFuture.failedFuture(new TraceQueryException("bad_query", "attributes cannot be sent: "
                        + e.getOriginalMessage()));
            }
        }
        params.put("query.start_time_min", q.range().from().toString());
        params.put("query.start_time_max", q.range().to().toString());
        q.minDuration().ifPresent(d -> params.put("query.duration_min", TraceHttp.goDuration(d)));
        q.maxDuration().ifPresent(d -> params.put("query.duration_max", TraceHttp.goDuration(d)));
        params.put("query.search_depth", Integer.toString(q.limit()));
        return http.get("api/v3/traces", params, "the trace search", TraceReplies::otlpResults, said -> List.<Trace>of())
                .thenApply(traces -> q.tags().isEmpty() ? traces : traces.stream()
                        .filter(t -> TraceMatch.hasSpan(t, "", "", q.tags())).toList());
    }

    @Override
    CompletableFuture<Trace> fetchTrace(String traceId) {
        return http.get("api/v3/traces/" + traceId, Map.of(), "trace " + traceId,
                in -> only(TraceReplies.otlpResults(in), traceId), said -> {
                    throw notFound(traceId);
                });
    }

    @Override
    CompletableFuture<List<DependencyLink>> fetchDependencies(TimeRange range) {
        return http.get("api/dependencies", JaegerV1Source.dependencyWindow(range), "the dependencies",
                TraceReplies::dependencies, said -> List.<DependencyLink>of());
    }
}
