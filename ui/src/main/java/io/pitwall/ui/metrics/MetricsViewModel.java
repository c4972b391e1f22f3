package io.pitwall.ui.metrics;

import io.pitwall.connectors.metrics.Legends;
import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.MetricsSource;
import io.pitwall.connectors.metrics.PanelData;
import io.pitwall.connectors.metrics.PanelLoader;
import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a scope's panels against the session's metrics ({@link PanelLoader}, off the FX thread)
 * and turns the answers into {@link ChartData}; only the newest request's answer reaches the view
 * (a selection that changes twice does not draw the first one late). An empty chart says why:
 * the metric is not in Prometheus (and who exports it), nothing matches, or the query failed.
 */
public final class MetricsViewModel {

    private final Executor fx;
    private final Function<MetricScope, List<PanelSpec>> panels;
    private final Consumer<List<ChartData>> view;
    private final AtomicLong generation = new AtomicLong();
    private MetricsSource loaderSource;
    private PanelLoader loader;

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
        return loader(source).loadAll(panels.apply(scope), range, step).thenApply(data -> {
            List<ChartData> charts = data.stream().map(MetricsViewModel::chart).toList();
            if (generation.get() == mine) {
                fx.execute(() -> {
                    if (generation.get() == mine) {
                        view.accept(charts);
                    }
                });
            }
            return charts;
        });
    }

    /** Forgets any answer on its way: the view shows something else now. */
    public void cancel() {
        generation.incrementAndGet();
    }

    /** One loader per source, so the source's metric names are asked once, not per chart. */
    private synchronized PanelLoader loader(MetricsSource source) {
        if (source != loaderSource) {
            loaderSource = source;
            loader = new PanelLoader(source);
        }
        return loader;
    }

    /** A panel's lines (values, then requests and limits) and, when it has no value line, why. */
    static ChartData chart(PanelData data) {
        List<ChartData.Line> lines = new ArrayList<>();
        Set<String> why = new LinkedHashSet<>();
        boolean values = false;
        for (PanelData.QueryData q : data.queries()) {
            boolean value = q.spec().role() == PanelSpec.Role.VALUE;
            q.error().ifPresent(e -> {
                if (value) {
                    why.add(e.getMessage());
                }
            });
            if (value && !q.emptyReason().isEmpty()) {
                why.add(q.emptyReason());
            }
            for (MetricSeries s : q.result().map(r -> r.series()).orElse(List.of())) {
                lines.add(new ChartData.Line(Legends.render(q.spec().legend(), s.labels()), q.spec().role(), s));
                values |= value;
            }
        }
        PanelSpec p = data.panel();
        Optional<String> problem = values || why.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", why));
        if (!values && why.isEmpty()) {
            problem = Optional.of("No data in this range.");
        }
        return new ChartData(p.id(), p.title(), p.unit(), lines, problem);
    }
}
