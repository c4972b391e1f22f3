package io.pitwall.ui.traces;

import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.connectors.traces.TraceQuery;
import io.pitwall.connectors.traces.TraceQueryException;
import io.pitwall.connectors.traces.TracesSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An in-memory traces source: its traces by id, searched by root service; can be told to fail or to hang. */
final class FakeTraces implements TracesSource {

    final Map<String, Trace> traces = new LinkedHashMap<>();
    final List<TraceQuery> searches = new ArrayList<>();
    List<String> services = List.of("checkout", "frontend");
    TraceQueryException failSearch;
    /** A trace id whose load never completes (until the test completes it). */
    String hang = "";
    final CompletableFuture<Trace> hanging = new CompletableFuture<>();

    FakeTraces add(Trace t) {
        traces.put(t.traceId(), t);
        return this;
    }

    @Override
    public String describe() {
        return "fake Jaeger";
    }

    @Override
    public CompletableFuture<List<String>> services(TimeRange range) {
        return CompletableFuture.completedFuture(services);
    }

    @Override
    public CompletableFuture<List<String>> operations(String service, TimeRange range) {
        return CompletableFuture.completedFuture(List.of("GET /cart", "POST /order"));
    }

    @Override
    public CompletableFuture<List<TraceSummary>> search(TraceQuery query) {
        searches.add(query);
        if (failSearch != null) {
            return CompletableFuture.failedFuture(failSearch);
        }
        return CompletableFuture.completedFuture(traces.values().stream().map(Trace::summary).toList());
    }

    @Override
    public CompletableFuture<Trace> trace(String traceId) {
        if (traceId.equals(hang)) {
            return hanging;
        }
        Trace t = traces.get(traceId);
        return t != null ? CompletableFuture.completedFuture(t)
                : CompletableFuture.failedFuture(new TraceQueryException("not_found", "Trace " + traceId + " was not found."));
    }

    @Override
    public CompletableFuture<List<DependencyLink>> dependencies(TimeRange range) {
        return CompletableFuture.completedFuture(List.of());
    }
}
