package io.pitwall.connectors.traces;

import io.pitwall.connectors.http.HttpTransport;
import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.connectors.prometheus.TraceEndpoint;
import io.pitwall.connectors.prometheus.Transports;
import io.pitwall.connectors.session.SourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A trace backend read over HTTP ({@link JaegerV1Source}, {@link JaegerV3Source},
 * {@link ZipkinSource}). Each answer tells where the server stands (the TRACES state): a call that
 * cannot reach it turns it Failing with the reason, the next one that does, Connected. A trace
 * that is not there, or a query the server refuses, says nothing about the server.
 */
public abstract class HttpTracesSource implements TracesSource, AutoCloseable {

    /** Errors that say the server is not there, as opposed to a bad query or a missing trace. */
    private static final Set<String> DOWN = Set.of("unreachable", "unauthorized", "forbidden", "not_found",
            "bad_response", "server_error");

    final TraceHttp http;
    private final String name;
    private volatile Consumer<SourceState> onState = s -> { };
    private volatile SourceState state;
    private volatile boolean closed;

    HttpTracesSource(HttpTransport transport, String protocol, String name) {
        this.http = new TraceHttp(transport, protocol);
        this.name = name;
        this.state = new SourceState.Connecting(transport.endpoint());
    }

    /** The source speaking {@code protocol} over {@code transport}, reporting no state. */
    public static HttpTracesSource of(TraceEndpoint.Protocol protocol, HttpTransport transport) {
        return switch (protocol) {
            case JAEGER_V1 -> new JaegerV1Source(transport);
            case JAEGER_V3 -> new JaegerV3Source(transport);
            case ZIPKIN -> new ZipkinSource(transport);
        };
    }

    /**
     * Starts the source of {@code endpoint}: a URL straight over OkHttp, a Service through the
     * context's API server. It asks the services of the last hour at once, to report the TRACES state.
     *
     * @param onState told (on a connector thread) each time the TRACES state changes
     */
    public static HttpTracesSource start(TraceEndpoint endpoint, Transports transports, Consumer<SourceState> onState) {
        HttpTracesSource s = of(endpoint.protocol(), transports.create(endpoint.target(), endpoint.http()));
        s.onState = onState;
        onState.accept(s.state);
        s.services(TimeRange.ending(Instant.now(), Duration.ofHours(1)));
        return s;
    }

    /** "Test connection": how many services reported spans in the last hour, or why it cannot be reached. */
    public static CompletableFuture<String> testConnection(TraceEndpoint endpoint, Transports transports) {
        HttpTracesSource s = of(endpoint.protocol(), transports.create(endpoint.target(), endpoint.http()));
        return s.fetchServices(TimeRange.ending(Instant.now(), Duration.ofHours(1)))
                .thenApply(names -> s.describe() + ": " + names.size() + " services"
                        + (names.isEmpty() ? " (no spans yet?)" : ""))
                .whenComplete((v, e) -> s.close());
    }

    @Override
    public String describe() {
        return name + " " + http.endpoint();
    }

    public String endpoint() {
        return http.endpoint();
    }

    public SourceState state() {
        return state;
    }

    @Override
    public final CompletableFuture<List<String>> services(TimeRange range) {
        return observe(fetchServices(range), true);
    }

    @Override
    public final CompletableFuture<List<String>> operations(String service, TimeRange range) {
        if (service == null || service.isBlank()) {
            return CompletableFuture.failedFuture(new TraceQueryException("bad_query", "pick a service to list its operations"));
        }
        return observe(fetchOperations(service.strip(), range), true);
    }

    @Override
    public final CompletableFuture<List<TraceSummary>> search(TraceQuery query) {
        if (query.service().isEmpty()) {
            return CompletableFuture.failedFuture(new TraceQueryException("bad_query",
                    name + " searches one service at a time: pick a service"));
        }
        return observe(fetchTraces(query), true).thenApply(traces -> traces.stream().map(Trace::summary)
                .sorted(TraceMatch.NEWEST_FIRST).limit(query.limit()).toList());
    }

    @Override
    public final CompletableFuture<Trace> trace(String traceId) {
        String id = traceId == null ? "" : traceId.strip().toLowerCase(java.util.Locale.ROOT);
        if (!id.matches("[0-9a-f]{1,32}")) {
            return CompletableFuture.failedFuture(new TraceQueryException("bad_query", "not a trace id: " + traceId));
        }
        return observe(fetchTrace(id), false);
    }

    @Override
    public final CompletableFuture<List<DependencyLink>> dependencies(TimeRange range) {
        return observe(fetchDependencies(range), true);
    }

    abstract CompletableFuture<List<String>> fetchServices(TimeRange range);

    abstract CompletableFuture<List<String>> fetchOperations(String service, TimeRange range);

    /** The whole traces the server finds for {@code query} (the base turns them into summaries). */
    abstract CompletableFuture<List<Trace>> fetchTraces(TraceQuery query);

    abstract CompletableFuture<Trace> fetchTrace(String traceId);

    abstract CompletableFuture<List<DependencyLink>> fetchDependencies(TimeRange range);

    /** The one trace of {@code id} among {@code traces}, or not_found. */
    final Trace only(List<Trace> traces, String id) throws TraceQueryException {
        for (Trace t : traces) {
            if (t.spanCount() > 0 && (t.traceId().equals(id) || stripZeros(t.traceId()).equals(stripZeros(id)))) {
                return t;
            }
        }
        throw notFound(id);
    }

    final TraceQueryException notFound(String id) {
        return new TraceQueryException("not_found", "trace " + id + " is not in " + describe());
    }

    private static String stripZeros(String id) {
        String s = id.replaceFirst("^0+", "");
        return s.isEmpty() ? "0" : s;
    }

    /** Every answer tells where the server stands; {@code server}: whether a not_found means the server's URL is wrong. */
    private <T> CompletableFuture<T> observe(CompletableFuture<T> f, boolean server) {
        return f.whenComplete((v, t) -> {
            if (t == null) {
                setState(new SourceState.Connected(describe()));
            } else {
                TraceQueryException e = TraceHttp.asTraceQueryException(t);
                if (DOWN.contains(e.kind()) && (server || !e.kind().equals("not_found"))) {
                    setState(new SourceState.Failing(e.getMessage()));
                } else if (!DOWN.contains(e.kind())) {
                    setState(new SourceState.Connected(describe()));
                }
            }
        });
    }

    private synchronized void setState(SourceState s) {
        if (closed || s.equals(state)) {
            return;
        }
        state = s;
        onState.accept(s);
    }

    @Override
    public void close() {
        closed = true;
        http.transport().close();
    }
}
