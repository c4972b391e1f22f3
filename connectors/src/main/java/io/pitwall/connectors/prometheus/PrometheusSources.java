package io.pitwall.connectors.prometheus;

import io.pitwall.connectors.http.HttpTransport;
import io.pitwall.connectors.metrics.AlertsSource;
import io.pitwall.connectors.metrics.MetricsSource;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.Silence;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A context's live metrics and alerts: its selected Prometheus-compatible endpoint (with its HA
 * partner, when it has one) and its Alertmanager, if any. It reports where each stands as the
 * METRICS and ALERTS sources' states: a health check every {@code healthInterval} and every
 * query's outcome turn it Failing with the reason when the server stops, and Connected again by
 * itself when it is back.
 */
public final class PrometheusSources implements MetricsSource, AlertsSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusSources.class);
    /** Slower than this and the source is "slow". */
    public static final Duration SLOW = Duration.ofSeconds(2);
    public static final Duration HEALTH_INTERVAL = Duration.ofSeconds(5);
    /** Errors that say the server is not there, as opposed to a bad query. */
    private static final Set<String> DOWN = Set.of("unreachable", "unavailable", "unauthorized", "forbidden", "not_found",
            "bad_response");

    private final Optional<PrometheusClient> prometheus;
    private final Optional<FailoverTransport> pair;
    private final Optional<AlertmanagerClient> alertmanager;
    private final Optional<Duration> configuredScrape;
    private final BiConsumer<Signal, SourceState> onState;
    private final ScheduledExecutorService timer;
    private final String flavor;
    private volatile Optional<Duration> scrape = Optional.empty();
    private CompletableFuture<Duration> scrapeAsked;
    private volatile String version = "";
    private volatile SourceState metricsState;
    private volatile SourceState alertmanagerState;
    private volatile boolean closed;

    private PrometheusSources(ContextEndpoints endpoints, Transports transports, BiConsumer<Signal, SourceState> onState) {
        this.onState = onState;
        Optional<PrometheusEndpoint> primary = endpoints.primary();
        this.flavor = primary.map(p -> p.flavor().displayName()).orElse("Prometheus");
        this.configuredScrape = primary.flatMap(PrometheusEndpoint::scrapeInterval);
        Optional<FailoverTransport> ha = Optional.empty();
        Optional<PrometheusClient> prom = Optional.empty();
        if (primary.isPresent()) {
            HttpTransport first = transports.create(primary.get().target(), primary.get().http());
            Optional<PrometheusEndpoint> partner = endpoints.partner();
            if (partner.isPresent()) {
                FailoverTransport f = new FailoverTransport(first,
                        transports.create(partner.get().target(), partner.get().http()), a -> healthCheck());
                ha = Optional.of(f);
                prom = Optional.of(new PrometheusClient(f));
            } else {
                prom = Optional.of(new PrometheusClient(first));
            }
        }
        this.pair = ha;
        this.prometheus = prom;
        this.alertmanager = endpoints.alertmanager().map(a -> new AlertmanagerClient(transports.create(a.target(), a.http())));
        this.metricsState = prometheus.<SourceState>map(p -> new SourceState.Connecting(p.endpoint()))
                .orElse(new SourceState.NotConfigured(Signal.METRICS.whatToConnect()));
        this.alertmanagerState = alertmanager.<SourceState>map(a -> new SourceState.Connecting(a.endpoint()))
                .orElse(new SourceState.NotConfigured(Signal.ALERTS.whatToConnect()));
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("pitwall-prometheus").factory());
    }

    /**
     * Starts the sources of {@code endpoints} and their health checks.
     *
     * @param onState told (on a connector thread) each time the METRICS or ALERTS state changes
     */
    public static PrometheusSources start(ContextEndpoints endpoints, Transports transports,
                                          BiConsumer<Signal, SourceState> onState, Duration healthInterval) {
        PrometheusSources s = new PrometheusSources(endpoints, transports, onState);
        s.publish();
        s.timer.scheduleWithFixedDelay(s::healthCheck, 0, healthInterval.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    public boolean hasPrometheus() {
        return prometheus.isPresent();
    }

    public boolean hasAlertmanager() {
        return alertmanager.isPresent();
    }

    public SourceState metricsState() {
        return metricsState;
    }

    /** The ALERTS state: Alertmanager's when there is one, else Prometheus's. */
    public SourceState alertsState() {
        return alertmanager.isPresent() ? alertmanagerState : metricsState;
    }

    // ---- MetricsSource

    @Override
    public CompletableFuture<RangeResult> queryRange(String promql, TimeRange range, Duration step) {
        PrometheusClient p = prometheusOrFail();
        if (p == null) {
            return notConfigured();
        }
        if (!promql.contains(ResourcePanels.RATE_INTERVAL)) {
            return observe(p.queryRange(promql, range, step), System.nanoTime());
        }
        return scrapeLookup(p).thenCompose(interval -> {
            String sent = promql.replace(ResourcePanels.RATE_INTERVAL,
                    PromDurations.format(StepPolicy.rateInterval(step, interval)));
            return observe(p.queryRange(sent, range, step), System.nanoTime())
                    .thenApply(r -> new RangeResult(promql, r.range(), r.step(), r.series(), r.warnings()));
        });
    }

    @Override
    public CompletableFuture<List<String>> metricNames() {
        PrometheusClient p = prometheusOrFail();
        return p == null ? notConfigured() : observe(p.metricNames(), System.nanoTime());
    }

    @Override
    public CompletableFuture<List<String>> labelNames() {
        PrometheusClient p = prometheusOrFail();
        return p == null ? notConfigured() : observe(p.labelNames(), System.nanoTime());
    }

    @Override
    public CompletableFuture<List<String>> labelValues(String label) {
        PrometheusClient p = prometheusOrFail();
        return p == null ? notConfigured() : observe(p.labelValues(label), System.nanoTime());
    }

    /** The scrape interval: configured, else asked of the server once, else the default. */
    private synchronized CompletableFuture<Duration> scrapeLookup(PrometheusClient p) {
        if (configuredScrape.isPresent()) {
            return CompletableFuture.completedFuture(configuredScrape.get());
        }
        if (scrape.isPresent()) {
            return CompletableFuture.completedFuture(scrape.get());
        }
        if (scrapeAsked == null || scrapeAsked.isCompletedExceptionally()) {
            scrapeAsked = p.scrapeInterval().thenApply(s -> {
                scrape = s;
                return s.orElse(StepPolicy.DEFAULT_SCRAPE_INTERVAL);
            });
        }
        return scrapeAsked.exceptionally(t -> StepPolicy.DEFAULT_SCRAPE_INTERVAL);
    }

    @Override
    public Optional<Duration> scrapeInterval() {
        return configuredScrape.or(() -> scrape);
    }

    // ---- AlertsSource

    /**
     * Prometheus's firing and pending alerts with their rules' expressions, and Alertmanager's,
     * joined ({@link AlertsJoin}). When one of the two fails the other's alerts are still given
     * (its state says what failed); when every configured one fails, the future fails.
     */
    @Override
    public CompletableFuture<List<Alert>> alerts() {
        CompletableFuture<Optional<List<Alert>>> prom = prometheus.map(p -> p.alerts().thenApply(Optional::of)).orElse(
                CompletableFuture.completedFuture(Optional.empty()));
        CompletableFuture<List<AlertRule>> rules = prometheus.map(PrometheusClient::rules)
                .orElse(CompletableFuture.completedFuture(List.of())).exceptionally(t -> List.of());
        CompletableFuture<Optional<List<Alert>>> am = alertmanager.map(a -> a.alerts().thenApply(Optional::of))
                .orElse(CompletableFuture.completedFuture(Optional.empty()));
        return prom.handle((p, tp) -> am.handle((a, ta) -> rules.thenCompose(r -> {
            if (tp != null && (ta != null || alertmanager.isEmpty())) {
                return CompletableFuture.<List<Alert>>failedFuture(PromReplies.asQueryException(tp));
            }
            if (ta != null && prometheus.isEmpty()) {
                return CompletableFuture.<List<Alert>>failedFuture(PromReplies.asQueryException(ta));
            }
            List<Alert> fromProm = tp == null ? p.orElse(List.of()) : List.of();
            List<Alert> fromAm = ta == null ? a.orElse(List.of()) : List.of();
            return CompletableFuture.completedFuture(AlertsJoin.join(fromProm, r, fromAm));
        })).thenCompose(f -> f)).thenCompose(f -> f);
    }

    @Override
    public CompletableFuture<List<Silence>> silences() {
        return alertmanager.map(AlertmanagerClient::silences).orElse(CompletableFuture.completedFuture(List.of()));
    }

    /** The Prometheus client, for what the MetricsSource contract does not cover (instant queries, rules). */
    public Optional<PrometheusClient> client() {
        return prometheus;
    }

    public Optional<AlertmanagerClient> alertmanagerClient() {
        return alertmanager;
    }

    // ---- state

    private PrometheusClient prometheusOrFail() {
        return prometheus.orElse(null);
    }

    private static <T> CompletableFuture<T> notConfigured() {
        return CompletableFuture.failedFuture(new QueryException("not_configured",
                "no Prometheus endpoint is configured for this context", java.util.OptionalInt.empty()));
    }

    /** Every query's outcome tells where the server stands. */
    private <T> CompletableFuture<T> observe(CompletableFuture<T> f, long startNanos) {
        return f.whenComplete((v, t) -> {
            if (t == null) {
                reached(Duration.ofNanos(System.nanoTime() - startNanos));
            } else {
                QueryException q = PromReplies.asQueryException(t);
                if (DOWN.contains(q.errorType())) {
                    setMetrics(new SourceState.Failing(q.getMessage()));
                }
            }
        });
    }

    private void healthCheck() {
        if (closed) {
            return;
        }
        prometheus.ifPresent(p -> {
            long start = System.nanoTime();
            p.query("vector(1)", Instant.now()).whenComplete((v, t) -> {
                if (t == null) {
                    if (version.isEmpty()) {
                        p.buildInfo().thenAccept(b -> {
                            version = b.version();
                            reached(Duration.ofNanos(System.nanoTime() - start));
                        });
                    }
                    scrapeLookup(p);
                    reached(Duration.ofNanos(System.nanoTime() - start));
                } else {
                    setMetrics(new SourceState.Failing(PromReplies.asQueryException(t).getMessage()));
                }
            });
        });
        pair.ifPresent(f -> {
            HttpTransport standby = f.members().get(1 - f.active().index());
            new PrometheusClient(standby).query("vector(1)", Instant.now()).whenComplete((v, t) -> {
                if (t == null) {
                    f.recovered();
                } else {
                    f.standbyFailed(PromReplies.asQueryException(t).getMessage());
                }
            });
        });
        alertmanager.ifPresent(a -> {
            long start = System.nanoTime();
            a.version().whenComplete((v, t) -> {
                if (t == null) {
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    String at = a.endpoint() + ", Alertmanager " + v;
                    setAlertmanager(took.compareTo(SLOW) > 0 ? new SourceState.Slow(at, took) : new SourceState.Connected(at));
                } else {
                    setAlertmanager(new SourceState.Failing(PromReplies.asQueryException(t).getMessage()));
                }
            });
        });
    }

    private void reached(Duration took) {
        PrometheusClient p = prometheus.orElseThrow();
        String at = p.endpoint() + (version.isEmpty() ? "" : ", " + flavor + " " + version);
        if (pair.isPresent() && pair.get().active().failedOver()) {
            FailoverTransport.Active a = pair.get().active();
            at += " (HA partner " + a.otherEndpoint() + " is failing: " + a.otherFailure() + ")";
        }
        setMetrics(took.compareTo(SLOW) > 0 ? new SourceState.Slow(at, took) : new SourceState.Connected(at));
    }

    private synchronized void setMetrics(SourceState s) {
        if (closed || s.equals(metricsState)) {
            return;
        }
        if (s instanceof SourceState.Failing f && !(metricsState instanceof SourceState.Failing)) {
            LOG.info("Prometheus source failing: {}", f.reason());
        }
        metricsState = s;
        onState.accept(Signal.METRICS, s);
        if (alertmanager.isEmpty()) {
            onState.accept(Signal.ALERTS, s);
        }
    }

    private synchronized void setAlertmanager(SourceState s) {
        if (closed || s.equals(alertmanagerState)) {
            return;
        }
        alertmanagerState = s;
        onState.accept(Signal.ALERTS, s);
    }

    private void publish() {
        onState.accept(Signal.METRICS, metricsState);
        onState.accept(Signal.ALERTS, alertsState());
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        prometheus.ifPresent(p -> p.transport().close());
        alertmanager.ifPresent(a -> a.transport().close());
    }
}
