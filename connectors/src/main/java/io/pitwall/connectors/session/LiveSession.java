package io.pitwall.connectors.session;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.kube.ClusterProbe;
import io.pitwall.connectors.kube.ClusterWatcher;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.ConnectionTest;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.prometheus.PrometheusSources;
import io.pitwall.connectors.prometheus.Transports;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A session on a live cluster, assembled from a kubeconfig context. It reaches the API server
 * (read-only) on the given executor and reports the cluster source's state. With the context's
 * endpoints ({@link ContextEndpoints}) it also serves metrics and alerts from Prometheus and
 * Alertmanager (in-cluster ones through the API server's service proxy, once the cluster answers);
 * logs come from the context's Loki when it has one, else from the Kubernetes log API once the cluster
 * answers; traces come from the context's Jaeger or Zipkin when it has one (the TRACES state says
 * where it stands); security findings come from the cluster once it answers (posture checks,
 * reports) and Falco's events from the context's Loki ({@link io.pitwall.connectors.security.LiveSecurity};
 * the SECURITY state says where it stands).
 */
public final class LiveSession implements Session {

    private final SessionInfo info;
    private final Map<Signal, SourceState> states = new EnumMap<>(Signal.class);
    private final List<BiConsumer<Signal, SourceState>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile boolean lost;
    private int unhealthyChecks;
    /** How often the session checks that its watches are open. */
    static final long LOST_CHECK_MILLIS = 1000;
    private volatile ClusterState clusterState;
    private KubernetesClient client;
    private ScheduledExecutorService timer;
    private volatile ClusterWatcher watcher;
    private final CompletableFuture<KubernetesClient> clusterClient = new CompletableFuture<>();
    private volatile PrometheusSources prometheus;
    private volatile io.pitwall.connectors.logs.LokiSource loki;
    private volatile io.pitwall.connectors.traces.HttpTracesSource traces;
    private volatile io.pitwall.connectors.logs.KubeLogs kubeLogs;
    private volatile io.pitwall.connectors.security.LiveSecurity security;
    private ScheduledExecutorService kubeLogsTimer;
    private final Executor executor;

    private LiveSession(String context, Optional<String> cluster, Executor executor) {
        this.executor = executor;
        this.info = new SessionInfo(SessionInfo.Kind.LIVE, context, cluster, Optional.of(context), Optional.empty(),
                List.of());
        for (Signal s : Signal.values()) {
            states.put(s, new SourceState.NotConfigured(s.whatToConnect()));
        }
        states.put(Signal.CLUSTER, new SourceState.Connecting(context));
        states.put(Signal.SECURITY, new SourceState.Connecting(context));
    }

    /**
     * Opens a session on {@code context}; {@code config} makes the context's client configuration
     * (from the user's kubeconfig; it may run a credential plugin, so it runs on {@code executor}).
     */
    public static LiveSession connect(String context, Optional<String> cluster, Supplier<Config> config,
                                      Executor executor) {
        return connect(context, cluster, config, executor, ContextEndpoints.NONE, PrometheusSources.HEALTH_INTERVAL);
    }

    /**
     * Opens a session on {@code context} with its metrics and alerts endpoints; their sources are
     * checked every {@code healthInterval} and report METRICS and ALERTS states.
     */
    public static LiveSession connect(String context, Optional<String> cluster, Supplier<Config> config,
                                      Executor executor, ContextEndpoints endpoints, java.time.Duration healthInterval) {
        LiveSession session = new LiveSession(context, cluster, executor);
        if (endpoints.hasMetricsOrAlerts()) {
            session.prometheus = PrometheusSources.start(endpoints, session.transports(), session::update, healthInterval);
        }
        endpoints.loki().ifPresent(l -> session.loki = io.pitwall.connectors.logs.LokiSource.start(l, session.transports(),
                s -> session.update(Signal.LOGS, s)));
        endpoints.traces().ifPresent(t -> session.traces = session.startTraces(t));
        CompletableFuture.supplyAsync(() -> ClusterProbe.connect(context, config), executor)
                .thenAccept(connection -> session.connected(connection, executor))
                .exceptionally(t -> {
                    session.update(Signal.SECURITY, new SourceState.Failing("the cluster did not answer: "
                            + io.pitwall.connectors.Errors.firstLine(t)));
                    session.clusterClient.completeExceptionally(t);
                    return null;
                });
        return session;
    }

    /** The configuration of {@code context} in the user's kubeconfig (KUBECONFIG, else ~/.kube/config). */
    public static Supplier<Config> fromUserKubeconfig(String context) {
        return () -> Config.autoConfigure(context);
    }

    /** The server answered: follow its objects. Runs on a connector thread. */
    private void connected(ClusterProbe.Connection connection, Executor executor) {
        update(Signal.CLUSTER, connection.state());
        if (connection.client().isEmpty()) {
            update(Signal.SECURITY, connection.state() instanceof SourceState.Failing f ? f
                    : new SourceState.Failing(connection.state().summary()));
            clusterClient.completeExceptionally(new java.io.IOException(connection.state() instanceof SourceState.Failing f
                    ? f.reason() : connection.state().summary()));
            return;
        }
        KubernetesClient client = connection.client().get();
        clusterClient.complete(client);
        SourceState reached = connection.state();
        synchronized (this) {
            if (closed) {
                client.close();
                return;
            }
            this.client = client;
            this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("pitwall-cluster").factory());
            String server = client.getConfiguration().getMasterUrl();
            this.kubeLogsTimer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("pitwall-kube-logs").factory());
            this.kubeLogs = new io.pitwall.connectors.logs.KubeLogs(client, this::clusterState, executor, kubeLogsTimer);
            if (loki == null) {
                update(Signal.LOGS, new SourceState.Connected("Kubernetes log API at " + server));
            }
            this.security = new io.pitwall.connectors.security.LiveSecurity(client, connection.namespace(),
                    info.cluster().orElse(info.title()),
                    this::clusterState, this::logs, executor, Clock.systemUTC(), s -> update(Signal.SECURITY, s));
            update(Signal.SECURITY, new SourceState.Connected(security.describe()));
            this.watcher = new ClusterWatcher(client, connection.namespace(), timer, Clock.systemUTC(), state -> {
                ClusterState before = clusterState;
                clusterState = state;
                // changed objects are news even when the status line reads the same (a pod's restarts changed)
                update(Signal.CLUSTER, clusterSourceState(reached, server), !state.sameAs(before));
            });
            // informers re-list and re-watch by themselves; the status bar says while they cannot
            timer.scheduleWithFixedDelay(() -> {
                boolean watching = watcher.healthy(java.time.Duration.ofSeconds(3));
                unhealthyChecks = watching ? 0 : unhealthyChecks + 1;
                // two checks in a row: a watch that is just opening is not a lost connection
                if (unhealthyChecks >= 2 && !lost && clusterState != null) {
                    lost = true;
                } else if (watching && lost) {
                    lost = false;
                    clusterState = watcher.snapshot();
                }
                update(Signal.CLUSTER, clusterSourceState(reached, server));
            }, LOST_CHECK_MILLIS, LOST_CHECK_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        try {
            watcher.start().exceptionally(e -> {
                update(Signal.CLUSTER, new SourceState.Failing("watching the cluster failed: " + e.getMessage()));
                return null;
            });
        } catch (RuntimeException e) {
            update(Signal.CLUSTER, new SourceState.Failing("watching the cluster failed: " + e.getMessage()));
        }
    }

    /**
     * The cluster source's state now: the connection lost, or a kind that could not be listed
     * (in words, while it is retried), or else the reached state with what the cluster holds.
     */
    private SourceState clusterSourceState(SourceState reached, String server) {
        if (lost) {
            return new SourceState.Failing("lost the connection to " + server + "; reconnecting");
        }
        java.util.SortedMap<String, String> failures = watcher.listFailures();
        if (!failures.isEmpty()) {
            return new SourceState.Failing(String.join("; ", failures.values()) + "; retrying");
        }
        ClusterState state = clusterState;
        return state == null ? reached : withCounts(reached, state);
    }

    /** The reached state, its endpoint followed by what the cluster holds. */
    private static SourceState withCounts(SourceState reached, ClusterState state) {
        String counts = ": " + state.pods().size() + " pods, " + state.nodes().size() + " nodes"
                + (state.noAccess().isEmpty() ? "" : "; no access to " + String.join(", ", new java.util.TreeSet<>(state.noAccess())));
        return switch (reached) {
            case SourceState.Connected c -> new SourceState.Connected(c.endpoint() + counts);
            case SourceState.Slow s -> new SourceState.Slow(s.endpoint() + counts, s.latency());
            default -> reached;
        };
    }

    @Override
    public Optional<ClusterState> clusterState() {
        return Optional.ofNullable(clusterState);
    }

    /**
     * Replaces the metrics and alerts endpoints without reconnecting the cluster (the settings
     * page's "apply"): the old sources are closed, the new ones start. Panes read
     * {@link #metrics()} and {@link #alerts()} again when the METRICS or ALERTS state changes.
     */
    public void useEndpoints(ContextEndpoints endpoints, java.time.Duration healthInterval) {
        PrometheusSources old;
        io.pitwall.connectors.logs.LokiSource oldLoki;
        io.pitwall.connectors.traces.HttpTracesSource oldTraces;
        synchronized (this) {
            if (closed) {
                return;
            }
            old = prometheus;
            prometheus = !endpoints.hasMetricsOrAlerts() ? null
                    : PrometheusSources.start(endpoints, transports(), this::update, healthInterval);
            oldLoki = loki;
            loki = endpoints.loki().map(l -> io.pitwall.connectors.logs.LokiSource.start(l, transports(),
                    s -> update(Signal.LOGS, s))).orElse(null);
            oldTraces = traces;
            traces = endpoints.traces().map(this::startTraces).orElse(null);
        }
        if (oldTraces != null) {
            oldTraces.close();
        }
        if (endpoints.traces().isEmpty()) {
            update(Signal.TRACES, new SourceState.NotConfigured(Signal.TRACES.whatToConnect()));
        }
        if (old != null) {
            old.close();
        }
        if (oldLoki != null) {
            oldLoki.close();
        }
        if (!endpoints.hasMetricsOrAlerts()) {
            update(Signal.METRICS, new SourceState.NotConfigured(Signal.METRICS.whatToConnect()));
            update(Signal.ALERTS, new SourceState.NotConfigured(Signal.ALERTS.whatToConnect()));
        }
        io.pitwall.connectors.security.LiveSecurity sec = security;
        if (sec != null && states().get(Signal.SECURITY) instanceof SourceState.Connected) {
            update(Signal.SECURITY, new SourceState.Connected(sec.describe()));
        }
        if (endpoints.loki().isEmpty()) {
            KubernetesClient c = client;
            update(Signal.LOGS, c == null ? new SourceState.NotConfigured(Signal.LOGS.whatToConnect())
                    : new SourceState.Connected("Kubernetes log API at " + c.getConfiguration().getMasterUrl()));
        }
    }

    /** The logs: Loki when this context has one, else the Kubernetes log API once the cluster answers. */
    @Override
    public Optional<io.pitwall.connectors.logs.LogsSource> logs() {
        io.pitwall.connectors.logs.LokiSource l = loki;
        if (l != null) {
            return Optional.of(l);
        }
        return Optional.ofNullable(kubeLogs);
    }

    private io.pitwall.connectors.traces.HttpTracesSource startTraces(io.pitwall.connectors.prometheus.TraceEndpoint t) {
        return io.pitwall.connectors.traces.HttpTracesSource.start(t, transports(), s -> update(Signal.TRACES, s));
    }

    /** The traces: the context's Jaeger or Zipkin, when it has one. */
    @Override
    public Optional<io.pitwall.connectors.traces.TracesSource> traces() {
        return Optional.ofNullable(traces);
    }

    /** The security findings: the cluster's (posture, reports, Warning events) and Falco's from Loki, once the cluster answers. */
    @Override
    public Optional<io.pitwall.connectors.security.SecuritySource> security() {
        return Optional.ofNullable(security);
    }

    /** "Test connection" for a trace endpoint of this context, in-cluster ones through its API server. */
    public CompletableFuture<String> testConnection(io.pitwall.connectors.prometheus.TraceEndpoint endpoint) {
        return io.pitwall.connectors.traces.HttpTracesSource.testConnection(endpoint, transports());
    }

    /** The Jaeger query and Zipkin Services of this context's cluster, most likely first: a list of Services, nothing else. */
    public CompletableFuture<java.util.List<io.pitwall.connectors.traces.TraceDiscovery.Candidate>> discoverTraces() {
        return clusterClient.thenApplyAsync(io.pitwall.connectors.traces.TraceDiscovery::find, executor);
    }

    /** "Test connection" for a Loki endpoint of this context, in-cluster ones through its API server. */
    public CompletableFuture<String> testConnection(io.pitwall.connectors.prometheus.LokiEndpoint endpoint) {
        return io.pitwall.connectors.logs.LokiSource.testConnection(endpoint, transports());
    }

    /** The Loki Services of this context's cluster, most likely first: a list of Services, nothing else. */
    public CompletableFuture<java.util.List<io.pitwall.connectors.logs.LokiDiscovery.Candidate>> discoverLoki() {
        return clusterClient.thenApplyAsync(io.pitwall.connectors.logs.LokiDiscovery::find, executor);
    }

    /**
     * The Prometheus and Alertmanager Services of this context's cluster, most likely first
     * ({@link PrometheusDiscovery}): a list of Services, nothing else. Fails when the cluster is
     * not reachable.
     */
    public CompletableFuture<java.util.List<PrometheusDiscovery.Candidate>> discoverEndpoints() {
        return clusterClient.thenApplyAsync(PrometheusDiscovery::find, executor);
    }

    /** "Test connection" for an endpoint of this context, in-cluster ones through its API server. */
    public CompletableFuture<String> testConnection(PrometheusEndpoint endpoint) {
        return ConnectionTest.prometheus(endpoint, transports());
    }

    /** "Test connection" for this context's Alertmanager. */
    public CompletableFuture<String> testConnection(AlertmanagerEndpoint endpoint) {
        return ConnectionTest.alertmanager(endpoint, transports());
    }

    private Transports transports() {
        return new Transports(executor, clusterClient);
    }

    @Override
    public Optional<io.pitwall.connectors.metrics.MetricsSource> metrics() {
        PrometheusSources p = prometheus;
        return p != null && p.hasPrometheus() ? Optional.of(p) : Optional.empty();
    }

    @Override
    public Optional<io.pitwall.connectors.metrics.AlertsSource> alerts() {
        PrometheusSources p = prometheus;
        return p != null ? Optional.of(p) : Optional.empty();
    }

    @Override
    public List<io.pitwall.connectors.model.WatchEvent> clusterChanges(io.pitwall.connectors.model.TimeRange window) {
        ClusterWatcher w = watcher;
        return w == null ? List.of() : w.journal().in(window);
    }

    @Override
    public void captureCluster(io.pitwall.connectors.snapshot.BundleWriter writer,
                               io.pitwall.connectors.model.TimeRange window) throws java.io.IOException {
        ClusterWatcher w = watcher;
        if (w != null) {
            io.pitwall.connectors.kube.ClusterCapture.write(writer, w.objects(), w.journal().in(window), window);
        }
    }

    @Override
    public java.util.Set<String> secretEnvNames() {
        ClusterWatcher w = watcher;
        return w == null ? java.util.Set.of() : io.pitwall.connectors.kube.Redaction.secretEnvNames(w.objects());
    }

    @Override
    public Optional<String> objectYaml(io.pitwall.connectors.model.KubeRef ref) {
        ClusterWatcher w = watcher;
        return w == null ? Optional.empty() : w.objectYaml(ref);
    }

    private void update(Signal signal, SourceState state) {
        update(signal, state, false);
    }

    /** Tells the listeners of {@code state} if it changed, or always when {@code news} (new cluster objects). */
    private void update(Signal signal, SourceState state, boolean news) {
        if (closed) {
            return;
        }
        synchronized (states) {
            if (state.equals(states.put(signal, state)) && !news) {
                return; // unchanged: listeners hear of changes only
            }
        }
        listeners.forEach(l -> l.accept(signal, state));
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    @Override
    public Map<Signal, SourceState> states() {
        synchronized (states) {
            return Map.copyOf(states);
        }
    }

    @Override
    public AutoCloseable onStateChange(BiConsumer<Signal, SourceState> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (watcher != null) {
                watcher.close();
            }
            if (timer != null) {
                timer.shutdownNow();
            }
            if (client != null) {
                client.close();
            }
            if (prometheus != null) {
                prometheus.close();
            }
            if (loki != null) {
                loki.close();
            }
            if (traces != null) {
                traces.close();
            }
            if (kubeLogs != null) {
                kubeLogs.close();
            }
            if (security != null) {
                security.close();
            }
            if (kubeLogsTimer != null) {
                kubeLogsTimer.shutdownNow();
            }
            clusterClient.completeExceptionally(new java.io.IOException("the session is closed"));
        }
        listeners.clear();
    }
}
