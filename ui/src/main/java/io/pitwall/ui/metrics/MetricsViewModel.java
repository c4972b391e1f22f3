package io.pitwall.ui.metrics;

import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.MetricsSource;
import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a scope's panel queries against the session's metrics and turns the answers into
 * {@link ChartData}, off the FX thread; only the newest request's answer reaches the view (a
 * selection that changes twice does not draw the first one late). Says why a chart is empty:
 * the metric is not in Prometheus at all (and who exports it), or it has no series for the scope.
 */
public final class MetricsViewModel {

    private final Executor fx;
    private final Function<MetricScope, List<PanelSpec>> panels;
    private final Consumer<List<ChartData>> view;
    private final AtomicLong generation = new AtomicLong();

    /**
     * @param fx     the FX thread ({@code Platform::runLater}; same-thread in tests)
     * @param panels the graphs of each scope
     * @param view   receives the charts, on the FX thread
     */
    public MetricsViewModel(Executor fx, Function<MetricScope, List<PanelSpec>> panels, Consumer<List<ChartData>> view) {
        this.fx = fx;
        this.panels = panels;
        this.view = view;
    }

    /** Queries {@code scope}'s panels over {@code range} at {@code step}; the charts follow when every panel answered. */
    public CompletableFuture<List<ChartData>> show(MetricsSource source, MetricScope scope, TimeRange range, Duration step) {
        long mine = generation.incrementAndGet();
        List<CompletableFuture<ChartData>> charts = new ArrayList<>();
        CompletableFuture<Set<String>> known = source.metricNames().<Set<String>>thenApply(Set::copyOf)
                .exceptionally(e -> null);
        for (PanelSpec panel : panels.apply(scope)) {
            charts.add(panel(source, panel, scope, range, step, known));
        }
        return CompletableFuture.allOf(charts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<ChartData> done = charts.stream().map(CompletableFuture::join).toList();
            if (generation.get() == mine) {
                fx.execute(() -> {
                    if (generation.get() == mine) {
                        view.accept(done);
                    }
                });
            }
            return done;
        });
    }

    /** Forgets any answer on its way: the view shows something else now. */
    public void cancel() {
        generation.incrementAndGet();
    }

    private static CompletableFuture<ChartData> panel(MetricsSource source, PanelSpec panel, MetricScope scope,
                                                      TimeRange range, Duration step, CompletableFuture<Set<String>> known) {
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (PanelSpec.QuerySpec q : panel.queries()) {
            answers.add(source.queryRange(q.promql(), range, step).handle((r, e) -> new Answer(q, r, e)));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenCombine(known, (v, names) -> {
            List<ChartData.Line> lines = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (CompletableFuture<Answer> f : answers) {
                Answer a = f.join();
                if (a.error != null) {
                    if (a.query.role() == PanelSpec.Role.VALUE) {
                        problems.add(message(a.error));
                    }
                    continue;
                }
                for (MetricSeries s : a.result.series()) {
                    lines.add(new ChartData.Line(LegendFormat.format(a.query.legend(), s), a.query.role(), s));
                }
            }
            boolean values = lines.stream().anyMatch(l -> l.role() == PanelSpec.Role.VALUE);
            if (!values && problems.isEmpty()) {
                problems.add(whyEmpty(panel, scope, names));
            }
            return new ChartData(panel.id(), panel.title(), panel.unit(), lines,
                    problems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", problems)));
        });
    }

    private record Answer(PanelSpec.QuerySpec query, RangeResult result, Throwable error) {
    }

    /** An empty chart says why: a metric Prometheus does not have (and who would export it), or no series for the scope. */
    static String whyEmpty(PanelSpec panel, MetricScope scope, Set<String> known) {
        List<String> metrics = panel.queries().stream().filter(q -> q.role() == PanelSpec.Role.VALUE)
                .flatMap(q -> q.metrics().stream()).distinct().toList();
        if (known != null) {
            List<String> missing = metrics.stream().filter(m -> !known.contains(m)).toList();
            if (!missing.isEmpty()) {
                return missing.stream().map(m -> m + " is not in Prometheus: " + exporter(m) + " does not seem to be scraped")
                        .reduce((a, b) -> a + "\n" + b).orElseThrow();
            }
        }
        return "No data for " + scope.title() + " in this range" + (metrics.isEmpty() ? "" : " (" + String.join(", ", metrics) + ")");
    }

    /** Who normally exports a metric of this name. */
    static String exporter(String metric) {
        if (metric.startsWith("container_")) {
            return "cAdvisor (the kubelet's /metrics/cadvisor)";
        }
        if (metric.startsWith("kube_")) {
            return "kube-state-metrics";
        }
        if (metric.startsWith("node_")) {
            return "node-exporter";
        }
        if (metric.startsWith("kubelet_")) {
            return "the kubelet";
        }
        return "its exporter";
    }

    static String message(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return e instanceof QueryException q ? q.getMessage() : "The query failed: " + e.getMessage();
    }
}
