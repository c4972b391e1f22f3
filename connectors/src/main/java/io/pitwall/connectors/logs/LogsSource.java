package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.TimeRange;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A session's logs: Loki, the Kubernetes pod log API (a cluster with no log stack), or the lines a
 * bundle captured. Every call is asynchronous and completes on a connector thread; a failure
 * completes the future with a {@link LogQueryException} whose message is fit for the user.
 */
public interface LogsSource {

    /** Who answers, for the pane's header: "Loki", "Kubernetes log API", "bundle incident.pitwall". */
    String describe();

    /** Whether {@link LogQuery#logql()} is understood (Loki and a bundle of Loki lines: yes; the log API: no). */
    boolean speaksLogQL();

    /**
     * Whether the lines are already on this machine (a bundle or a file): then a query may ask
     * for all of them at once, where a server is asked for a page.
     */
    default boolean local() {
        return false;
    }

    /** Lines (or a LogQL metric) for the query. */
    CompletableFuture<LogResult> query(LogQuery query);

    /** Label names in the range, for completion. */
    CompletableFuture<List<String>> labelNames(TimeRange range);

    /** One label's values in the range, for completion. */
    CompletableFuture<List<String>> labelValues(String label, TimeRange range);

    /**
     * Follows new lines of {@code query} (its range's start is where the tail begins). A source
     * that cannot tail (a bundle) returns a tail that reports {@link LogTail.TailState.Stopped} at once.
     */
    LogTail tail(LogQuery query, LogTail.Listener listener);
}
