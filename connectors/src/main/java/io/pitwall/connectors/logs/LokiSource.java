package io.pitwall.connectors.logs;

import io.pitwall.connectors.http.HttpClients;
import io.pitwall.connectors.http.HttpTransport;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.prometheus.CapturedMetrics;
import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.LokiEndpoint;
import io.pitwall.connectors.prometheus.Transports;
import io.pitwall.connectors.session.SourceState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import okhttp3.HttpUrl;

/**
 * A context's logs from Loki: a scope becomes a stream selector in the labels the server's
 * shipper writes ({@link LokiSelectors}, detected once from {@code /loki/api/v1/labels}); typed
 * LogQL goes as typed. Each answer tells where the server stands (the LOGS state): a query that
 * cannot reach it turns it Failing with the reason, the next one that does, Connected.
 */
public final class LokiSource implements LogsSource, AutoCloseable {

    /** Errors that say the server is not there, as opposed to a bad query. */
    private static final Set<String> DOWN = Set.of("unreachable", "unauthorized", "forbidden", "not_found",
            "bad_response", "server_error");
    /** How long a tail waits for the label names before it assumes promtail's. */
    private static final long LABELS_WAIT_SECONDS = 30;

    /** Makes one tail's connector for a LogQL query and a limit. */
    @FunctionalInterface
    interface TailConnectors {
        ReconnectingTail.Connector connector(String logql, int limit);
    }

    private final LokiClient client;
    private final TailConnectors tails;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private final LongUnaryOperator backoff;
    private final Consumer<SourceState> onState;
    private CompletableFuture<LokiSelectors.LabelSet> labelSet;
    private volatile SourceState state;
    private volatile boolean closed;

    LokiSource(LokiClient client, TailConnectors tails, ScheduledExecutorService scheduler, boolean ownScheduler,
               LongUnaryOperator backoff, Consumer<SourceState> onState) {
        this.client = client;
        this.tails = tails;
        this.scheduler = scheduler;
        this.ownScheduler = ownScheduler;
        this.backoff = backoff;
        this.onState = onState;
        this.state = new SourceState.Connecting(client.endpoint());
    }

    /**
     * Starts the Loki source of {@code endpoint}: a URL straight over OkHttp, a Service through the
     * context's API server (once {@code transports}' cluster is reached). It asks the label names
     * once at once, to know the shipper's labels and to report the LOGS state.
     *
     * @param onState told (on a connector thread) each time the LOGS state changes
     */
    public static LokiSource start(LokiEndpoint endpoint, Transports transports, Consumer<SourceState> onState) {
        HttpTransport transport = transports.create(endpoint.target(), endpoint.effectiveHttp());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("pitwall-loki").factory());
        TailConnectors tails = tailConnectors(endpoint, transports);
        LokiSource s = new LokiSource(new LokiClient(transport), tails, scheduler, true, ReconnectingTail.BACKOFF, onState);
        onState.accept(s.state);
        s.labelSet(TimeRange.ending(Instant.now(), Duration.ofHours(1)));
        return s;
    }

    private static TailConnectors tailConnectors(LokiEndpoint endpoint, Transports transports) {
        return switch (endpoint.target()) {
            case EndpointTarget.Url u -> (logql, limit) -> {
                try {
                    return LokiTail.okHttp(HttpUrl.get(u.url()), HttpClients.create(endpoint.effectiveHttp()), logql, limit);
                } catch (IOException e) {
                    return (from, events) -> {
                        events.ended(u.url() + ": " + e.getMessage(), true);
                        return () -> { };
                    };
                }
            };
            case EndpointTarget.InCluster s -> (logql, limit) -> (from, events) -> {
                var cluster = transports.cluster().getNow(null);
                if (cluster == null) {
                    events.ended(s.describe() + " is reached through the cluster, which is not reachable yet", false);
                    return () -> { };
                }
                return LokiTail.serviceProxy(cluster, s, endpoint.effectiveHttp().headers(), logql, limit).open(from, events);
            };
        };
    }

    /** "Test connection": the label names Loki has in the last hour, in words, or why it cannot be reached. */
    public static CompletableFuture<String> testConnection(LokiEndpoint endpoint, Transports transports) {
        HttpTransport t = transports.create(endpoint.target(), endpoint.effectiveHttp());
        return new LokiClient(t).labels(TimeRange.ending(Instant.now(), Duration.ofHours(1)))
                .thenApply(names -> "Loki at " + t.endpoint() + ": " + names.size() + " labels in the last hour"
                        + (names.isEmpty() ? " (no logs yet?)" : ", " + LokiSelectors.detect(names).shipper() + "'s names"))
                .whenComplete((v, e) -> t.close());
    }

    @Override
    public String describe() {
        return "Loki " + client.endpoint();
    }

    @Override
    public boolean speaksLogQL() {
        return true;
    }

    public SourceState state() {
        return state;
    }

    /** The shipper's label names, asked once (again after a failure). */
    synchronized CompletableFuture<LokiSelectors.LabelSet> labelSet(TimeRange range) {
        if (labelSet == null || labelSet.isCompletedExceptionally()) {
            labelSet = observe(client.labels(range)).thenApply(LokiSelectors::detect);
        }
        return labelSet;
    }

    /** The LogQL the query sends: the typed one, else the scope's selector. */
    CompletableFuture<String> logql(LogQuery q) {
        if (q.hasLogQL()) {
            return CompletableFuture.completedFuture(q.logql());
        }
        return labelSet(q.range()).exceptionally(t -> LokiSelectors.PROMTAIL)
                .thenApply(set -> LokiSelectors.selector(q.scope(), set));
    }

    @Override
    public CompletableFuture<LogResult> query(LogQuery q) {
        return logql(q).thenCompose(logql -> observe(client.queryRange(logql, q.range(), q.limit(), q.backward())))
                .thenApply(a -> result(q, a));
    }

    private static LogResult result(LogQuery q, LokiClient.Answer a) {
        if (!a.data().isStreams()) {
            List<MetricSeries> series = a.data().series();
            Duration step = CapturedMetrics.guessStep(series);
            String query = q.hasLogQL() ? q.logql() : "";
            return new LogResult(q, List.of(), Optional.of(new RangeResult(query, q.range(), step, series, a.warnings())),
                    false, a.warnings());
        }
        List<LogEntry> entries = a.data().entries();
        return new LogResult(q, entries, Optional.empty(), entries.size() >= q.limit(), a.warnings());
    }

    @Override
    public CompletableFuture<List<String>> labelNames(TimeRange range) {
        return observe(client.labels(range));
    }

    @Override
    public CompletableFuture<List<String>> labelValues(String label, TimeRange range) {
        return observe(client.labelValues(label, range));
    }

    /** The label sets of the streams {@code selector} matches in {@code range}. */
    public CompletableFuture<List<java.util.Map<String, String>>> series(String selector, TimeRange range) {
        return observe(client.series(selector, range));
    }

    @Override
    public LogTail tail(LogQuery q, LogTail.Listener listener) {
        if (closed) {
            listener.state(new LogTail.TailState.Stopped("the Loki source is closed"));
            return () -> { };
        }
        CompletableFuture<String> logql = logql(q);
        ReconnectingTail.Connector connector = (from, events) -> {
            String query;
            try {
                query = logql.get(LABELS_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw e;
            }
            return tails.connector(query, q.limit()).open(from, events);
        };
        return ReconnectingTail.start(connector, listener, scheduler, backoff, LogEntry.nanos(q.range().from()));
    }

    /** Every answer tells where the server stands. */
    private <T> CompletableFuture<T> observe(CompletableFuture<T> f) {
        return f.whenComplete((v, t) -> {
            if (t == null) {
                setState(new SourceState.Connected(client.endpoint()));
            } else {
                LogQueryException e = LokiReplies.asLogQueryException(t);
                if (DOWN.contains(e.kind())) {
                    setState(new SourceState.Failing(e.getMessage()));
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
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
        client.transport().close();
    }
}
