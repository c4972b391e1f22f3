package io.pitwall.connectors.traces;

import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A session's traces: a Jaeger query service (v1 {@code /api} or v2 {@code /api/v3}), a Zipkin
 * server, or the traces a bundle or a file holds. Every call is asynchronous and completes on a
 * connector thread; a failure completes the future with a {@link TraceQueryException} whose
 * message is fit for the user.
 */
public interface TracesSource {

    /** Who answers, for the pane's header: "Jaeger (v1 API)", "Zipkin", "bundle incident.pitwall". */
    String describe();

    /** Whether the traces are already on this machine (a bundle or a file). */
    default boolean local() {
        return false;
    }

    /** The services that reported spans in {@code range} (sorted). */
    CompletableFuture<List<String>> services(TimeRange range);

    /** The operations (span names) of one service (sorted). */
    CompletableFuture<List<String>> operations(String service, TimeRange range);

    /** The traces matching the query, as summaries; the slowest and failed come first when sorted by the pane. */
    CompletableFuture<List<TraceSummary>> search(TraceQuery query);

    /** One whole trace; fails with kind {@code not_found} when the source does not have it. */
    CompletableFuture<Trace> trace(String traceId);

    /** Who calls whom in {@code range}, with call and error counts (empty when the source cannot say). */
    CompletableFuture<List<DependencyLink>> dependencies(TimeRange range);
}
