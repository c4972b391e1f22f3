package io.pitwall.connectors.metrics;

import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A session's metrics: a Prometheus-compatible HTTP API live, or the series a bundle captured.
 * Every call is asynchronous and completes on a connector thread; a failure completes the future
 * with a {@link QueryException} whose message is fit for the user.
 *
 * <p>A query may use {@code $__rate_interval} as a range ({@code rate(x[$__rate_interval])}): a live
 * source replaces it with the window that fits the step and the scrape interval, and a bundle
 * matches the query as written. {@link io.pitwall.connectors.prometheus.ResourcePanels} writes its
 * queries that way. A result's {@code query} is the query as the caller wrote it.
 */
public interface MetricsSource {

    /** A range query ({@code /api/v1/query_range}). */
    CompletableFuture<RangeResult> queryRange(String promql, TimeRange range, Duration step);

    /** Every metric name, for completion ({@code /api/v1/label/__name__/values}). */
    CompletableFuture<List<String>> metricNames();

    /** Every label name, for completion ({@code /api/v1/labels}). */
    CompletableFuture<List<String>> labelNames();

    /** The values of one label, for completion ({@code /api/v1/label/NAME/values}). */
    CompletableFuture<List<String>> labelValues(String label);

    /**
     * How often the server scrapes, when known, for the step of range queries
     * ({@link io.pitwall.connectors.prometheus.StepPolicy#step}).
     */
    default java.util.Optional<Duration> scrapeInterval() {
        return java.util.Optional.empty();
    }

    /**
     * Everything a bundle captured (or a file held), for a pane that shows what there is rather
     * than what it asks; a live source has nothing captured and answers an empty list.
     */
    default CompletableFuture<List<RangeResult>> captured() {
        return CompletableFuture.completedFuture(List.of());
    }
}
