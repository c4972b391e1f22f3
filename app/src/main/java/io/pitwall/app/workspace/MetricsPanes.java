package io.pitwall.app.workspace;

import io.pitwall.connectors.metrics.AlertsSource;
import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.MetricsSource;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Overview;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.prometheus.ResourcePanels;
import io.pitwall.connectors.prometheus.StepPolicy;
import io.pitwall.connectors.session.Session;
import io.pitwall.ui.alerts.AlertsView;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.event.WorkspaceEvents;
import io.pitwall.ui.metrics.ChartData;
import io.pitwall.ui.metrics.MetricsView;
import io.pitwall.ui.metrics.MetricsViewModel;
import io.pitwall.ui.time.TimeRangeModel;
import io.pitwall.ui.workspace.PaneContent;
import io.pitwall.ui.workspace.PaneId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The Metrics and Alerts panes and their wiring: the resource graphs follow the selection, the
 * namespace filter and the time range (in live mode refreshed at the step, not every tick); the
 * free query runs on the session's metrics; the overview tiles show the cluster or namespace; the
 * alerts list jumps to the objects their labels name and tells who wants to know.
 */
final class MetricsPanes {

    /** A live range is requeried at most this often, or at the step when that is longer. */
    static final Duration LIVE_REFRESH = Duration.ofSeconds(15);

    private final TimeRangeModel time;
    private final java.time.Clock clock;
    private final WorkspaceEvents bus;
    private final Supplier<Session> session;
    private final Supplier<Optional<String>> namespace;
    private final PaneContent metricsPane;
    private final PaneContent alertsPane;
    private final MetricsView metrics;
    private final AlertsView alerts = new AlertsView();
    private final MetricsViewModel model;
    private final AtomicReference<Collection<String>> vocabulary = new AtomicReference<>(List.of());
    private Consumer<List<Alert>> onAlerts = a -> {
    };
    private List<Alert> lastAlerts = List.of();
    private List<ChartData> lastCharts = List.of();
    private Optional<Overview> lastOverview = Optional.empty();
    private String[] lastScope = {"", ""};
    private java.util.concurrent.CompletableFuture<?> loading = java.util.concurrent.CompletableFuture.completedFuture(null);
    private Instant lastRefresh = Instant.MIN;
    /** The metrics source (else the session) whose metric names the query bar offers. */
    private Object vocabularyOf;
    private Runnable configure;

    MetricsPanes(TimeRangeModel time, java.time.Clock clock, WorkspaceEvents bus, Supplier<Session> session, Supplier<Optional<String>> namespace,
                 PaneContent metricsPane, PaneContent alertsPane, io.pitwall.connectors.mapping.PromLabels labels) {
        this.time = time;
        this.clock = clock;
        this.bus = bus;
        this.session = session;
        this.namespace = namespace;
        this.metricsPane = metricsPane;
        this.alertsPane = alertsPane;
        this.metrics = new MetricsView(vocabulary::get);
        this.model = new MetricsViewModel(Platform::runLater, scope -> ResourcePanels.of(scope, labels), this::showCharts);
        metrics.setQueryRunner(q -> {
            Optional<MetricsSource> source = session.get().metrics();
            TimeRange range = time.range();
            return source.map(s -> s.queryRange(q, range, step(s, range)))
                    .orElseGet(() -> java.util.concurrent.CompletableFuture.failedFuture(new io.pitwall.connectors.metrics.QueryException(
                            "not_configured", "This session has no metrics source.", java.util.OptionalInt.empty())));
        });
        alerts.setOnJump(ref -> bus.publish(new WorkspaceEvent.Selected(PaneId.ALERTS, ref)));
        time.rangeProperty().addListener((o, was, now) -> {
            Instant at = clock.instant();
            if (!time.isLive() || Duration.between(lastRefresh, at).compareTo(liveInterval()) >= 0) {
                refresh();
            }
        });
        bus.subscribe(PaneId.METRICS, WorkspaceEvent.Selected.class, e -> refreshGraphs());
        bus.subscribe(PaneId.METRICS, WorkspaceEvent.SelectionCleared.class, e -> refreshGraphs());
    }

    /** What the empty Metrics and Alerts panes of a live context offer: setting up its endpoints. */
    void setConfigure(Runnable action) {
        configure = action;
    }

    /** Called with the alerts each time they are read (for badges and counts elsewhere). */
    void setOnAlerts(Consumer<List<Alert>> action) {
        onAlerts = action;
    }

    MetricsView metricsView() {
        return metrics;
    }

    AlertsView alertsView() {
        return alerts;
    }

    /** A new session: its metrics and alerts, or the panes' empty states when it has none. */
    void show(Session s) {
        model.cancel();
        lastAlerts = List.of();
        onAlerts.accept(List.of()); // the old session's alerts mark nothing any more
        metricsPane.setView(s.metrics().isPresent() ? metrics : null);
        alertsPane.setView(s.alerts().isPresent() ? alerts : null);
        boolean live = s.info().kind() == io.pitwall.connectors.session.SessionInfo.Kind.LIVE && s.info().context().isPresent();
        metricsPane.setConfigureAction("Set up metrics endpoints\u2026", live ? configure : null);
        alertsPane.setConfigureAction("Set up metrics endpoints\u2026", live ? configure : null);
        // endpoints applied to a live session bring a new source: its names, not the old ones
        Object source = s.metrics().<Object>map(m -> m).orElse(s);
        if (source != vocabularyOf) {
            vocabularyOf = source;
            vocabulary.set(List.of());
            s.metrics().ifPresent(this::loadVocabulary);
        }
        refresh();
    }

    /** Everything again: graphs and alerts. */
    void refresh() {
        lastRefresh = clock.instant();
        refreshGraphs();
        refreshAlerts();
    }

    /** The graphs of what is selected now (or of the namespace, or of the cluster). */
    void refreshGraphs() {
        Session s = session.get();
        Optional<MetricsSource> source = s.metrics();
        if (source.isEmpty()) {
            return;
        }
        MetricScope scope = scope(bus.selectionFor(PaneId.METRICS), namespace.get());
        TimeRange range = time.range();
        Duration step = step(source.get(), range);
        lastScope = new String[] {Character.toUpperCase(scope.title().charAt(0)) + scope.title().substring(1),
                "step " + io.pitwall.connectors.prometheus.PromDurations.format(step) + (time.isLive() ? ", live" : "")};
        metrics.showScope(lastScope[0], lastScope[1]);
        MetricsSource src = source.get();
        loading = model.show(src, scope, range, step).thenCompose(charts -> notCaptured(charts)
                ? src.captured().thenAccept(results -> {
                    if (!results.isEmpty()) {
                        Platform.runLater(() -> showCaptured(results));
                    }
                }) : java.util.concurrent.CompletableFuture.completedFuture(null));
    }

    private void refreshAlerts() {
        Optional<AlertsSource> source = session.get().alerts();
        if (source.isEmpty()) {
            return;
        }
        Session asked = session.get();
        java.util.concurrent.CompletableFuture<?> graphs = loading;
        java.util.concurrent.CompletableFuture<List<Alert>> read = source.get().alerts();
        loading = java.util.concurrent.CompletableFuture.allOf(graphs, read).exceptionally(e -> null);
        read.whenComplete((list, error) -> Platform.runLater(() -> {
            if (asked != session.get() || error != null) {
                return; // a failing source says so in the status bar and the pane's state
            }
            lastAlerts = list;
            alerts.setAlerts(list, time.isLive() ? clock.instant() : time.range().to());
            onAlerts.accept(list);
        }));
    }

    /** Completes when the graphs and alerts asked last have been read (for a picture of the panes). */
    java.util.concurrent.CompletableFuture<?> loading() {
        return loading;
    }

    /** A new Metrics view showing what this one shows (for rendering a pane alone). */
    MetricsView copyOfMetrics() {
        MetricsView copy = new MetricsView(vocabulary::get);
        copy.showScope(lastScope[0], lastScope[1]);
        copy.showCharts(lastCharts);
        copy.showOverview(lastOverview);
        return copy;
    }

    /** A new Alerts view showing what this one shows. */
    AlertsView copyOfAlerts() {
        AlertsView copy = new AlertsView();
        copy.setAlerts(lastAlerts, time.isLive() ? clock.instant() : time.range().to());
        return copy;
    }

    private void showCharts(List<ChartData> charts) {
        lastCharts = charts;
        metrics.showCharts(charts);
        MetricScope scope = scope(bus.selectionFor(PaneId.METRICS), namespace.get());
        Optional<ClusterState> state = session.get().clusterState();
        boolean wide = scope instanceof MetricScope.Cluster || scope instanceof MetricScope.Namespace;
        if (!wide || state.isEmpty()) {
            lastOverview = Optional.empty();
        } else {
            int firing = (int) lastAlerts.stream().filter(a -> a.state() == Alert.State.FIRING).count();
            lastOverview = Optional.of(Overview.of(state.get(), namespace.get(), latestSum(charts, "cpu"),
                    latestSum(charts, "memory"), firing));
        }
        metrics.showOverview(lastOverview);
    }

    /** Whether no graph's query is in the source: a file of other queries (a bare query_range response). */
    static boolean notCaptured(List<ChartData> charts) {
        return !charts.isEmpty() && charts.stream().allMatch(c -> c.lines().isEmpty()
                && c.problem().map(p -> p.contains("not captured")).orElse(false));
    }

    /** What a file holds, when it holds none of the graphs: one chart per query it captured. */
    private void showCaptured(List<io.pitwall.connectors.model.RangeResult> results) {
        List<ChartData> charts = new ArrayList<>();
        for (io.pitwall.connectors.model.RangeResult r : results) {
            List<ChartData.Line> lines = r.series().stream().map(s -> new ChartData.Line(
                    io.pitwall.connectors.metrics.Legends.render("", s.labels()),
                    io.pitwall.connectors.metrics.PanelSpec.Role.VALUE, s)).toList();
            charts.add(new ChartData("captured-" + charts.size(), r.query().isEmpty() ? "Series of the file" : r.query(),
                    io.pitwall.connectors.metrics.Unit.COUNT, lines,
                    lines.isEmpty() ? Optional.of("The query returned no series.") : Optional.empty()));
        }
        lastScope = new String[] {"What the file holds", results.size() + (results.size() == 1 ? " query" : " queries")};
        metrics.showScope(lastScope[0], lastScope[1]);
        lastCharts = charts;
        metrics.showCharts(charts);
        metrics.showOverview(Optional.empty());
    }

    /** The sum of the last value of each value line of chart {@code id}: what the scope uses now. */
    static OptionalDouble latestSum(List<ChartData> charts, String id) {
        for (ChartData c : charts) {
            if (!c.id().equals(id)) {
                continue;
            }
            double sum = 0;
            boolean any = false;
            for (ChartData.Line l : c.lines()) {
                if (l.role() != io.pitwall.connectors.metrics.PanelSpec.Role.VALUE) {
                    continue;
                }
                double[] v = l.series().values();
                for (int i = v.length - 1; i >= 0; i--) {
                    if (!Double.isNaN(v[i])) {
                        sum += v[i];
                        any = true;
                        break;
                    }
                }
            }
            return any ? OptionalDouble.of(sum) : OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    /** What the graphs are about: the selection as metrics see it, else the namespace filter, else the cluster. */
    static MetricScope scope(Optional<KubeRef> selection, Optional<String> namespace) {
        if (selection.isPresent()) {
            KubeRef ref = selection.get();
            switch (ref.kind()) {
                case "Pod" -> {
                    return new MetricScope.Pod(ref);
                }
                case "Node" -> {
                    return new MetricScope.Node(ref.name());
                }
                case "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet" -> {
                    return new MetricScope.Workload(ref);
                }
                default -> {
                    if (!ref.namespace().isEmpty()) {
                        return new MetricScope.Namespace(ref.namespace());
                    }
                }
            }
        }
        return namespace.<MetricScope>map(MetricScope.Namespace::new).orElseGet(MetricScope.Cluster::new);
    }

    private Duration step(MetricsSource source, TimeRange range) {
        int width = (int) Math.max(400, metrics.getWidth() > 0 ? metrics.getWidth() / (metrics.getWidth() >= 900 ? 2 : 1) : 800);
        return StepPolicy.step(range, width, source.scrapeInterval().orElse(StepPolicy.DEFAULT_SCRAPE_INTERVAL));
    }

    private Duration liveInterval() {
        Optional<MetricsSource> source = session.get().metrics();
        Duration step = source.map(s -> step(s, time.range())).orElse(LIVE_REFRESH);
        return step.compareTo(LIVE_REFRESH) > 0 ? step : LIVE_REFRESH;
    }

    private void loadVocabulary(MetricsSource source) {
        source.metricNames().thenCombine(source.labelNames(), (names, labels) -> {
            Set<String> all = new TreeSet<>(names);
            all.addAll(labels);
            return new ArrayList<>(all);
        }).thenAccept(vocabulary::set);
    }
}
