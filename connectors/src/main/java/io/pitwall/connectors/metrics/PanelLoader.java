package io.pitwall.connectors.metrics;

import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs a panel's queries against any {@link MetricsSource} (live or a bundle's) and explains the
 * empty ones: a metric the source lacks is named with the exporter that normally provides it.
 * The source's metric names are asked once and kept for {@link #NAMES_TTL}.
 */
public final class PanelLoader {

    /** How long the source's list of metric names is trusted. */
    public static final Duration NAMES_TTL = Duration.ofMinutes(5);

    private final MetricsSource source;
    private final Clock clock;
    private CompletableFuture<Set<String>> names;
    private Instant namesAt = Instant.MIN;

    public PanelLoader(MetricsSource source) {
        this(source, Clock.systemUTC());
    }

    PanelLoader(MetricsSource source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = clock;
    }

    /** Every query of {@code panel} over {@code range}; never fails: failures are in the data. */
    public CompletableFuture<PanelData> load(PanelSpec panel, TimeRange range, Duration step) {
        List<CompletableFuture<PanelData.QueryData>> parts = new ArrayList<>();
        for (PanelSpec.QuerySpec q : panel.queries()) {
            parts.add(source.queryRange(q.promql(), range, step)
                    .thenCompose(r -> r.series().isEmpty() ? whyEmpty(q).thenApply(why -> data(q, r, why))
                            : CompletableFuture.completedFuture(data(q, r, "")))
                    .exceptionally(t -> failed(q, t)));
        }
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> new PanelData(panel, parts.stream().map(CompletableFuture::join).toList()));
    }

    /** Every panel, each as it completes into the list's future. */
    public CompletableFuture<List<PanelData>> loadAll(List<PanelSpec> panels, TimeRange range, Duration step) {
        List<CompletableFuture<PanelData>> all = panels.stream().map(p -> load(p, range, step)).toList();
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<String> whyEmpty(PanelSpec.QuerySpec q) {
        return metricNames().handle((names, t) -> {
            if (t == null) {
                for (String m : q.metrics()) {
                    if (!names.contains(m)) {
                        return MetricOrigins.missing(m);
                    }
                }
                return "no series match the selection in this window";
            }
            return "no series in this window";
        });
    }

    private synchronized CompletableFuture<Set<String>> metricNames() {
        Instant now = clock.instant();
        if (names == null || names.isCompletedExceptionally() || namesAt.plus(NAMES_TTL).isBefore(now)) {
            namesAt = now;
            names = source.metricNames().thenApply(Set::copyOf);
        }
        return names;
    }

    private static PanelData.QueryData data(PanelSpec.QuerySpec q, RangeResult r, String why) {
        return new PanelData.QueryData(q, Optional.of(r), why, Optional.empty());
    }

    private static PanelData.QueryData failed(PanelSpec.QuerySpec q, Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        QueryException e = c instanceof QueryException qe ? qe
                : new QueryException("internal", c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage(),
                        java.util.OptionalInt.empty());
        return new PanelData.QueryData(q, Optional.empty(), "", Optional.of(e));
    }
}
