package io.pitwall.connectors.traces;

import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Traces already on this machine (a bundle's, or a trace file's), served with no network: a
 * search filters them here (service, operation, tags, durations, range, limit), the services and
 * operations are theirs, the dependencies are derived from their parent-child calls
 * ({@link TraceDependencies}). Answers are worked out on the given executor, never the caller's thread.
 */
public final class CapturedTraces implements TracesSource {

    private final Map<String, Trace> traces = new LinkedHashMap<>();
    private final String where;
    private final Executor executor;

    /**
     * @param traces the traces (a trace id seen twice: the later one is kept)
     * @param where  what holds them, for messages and the pane's header ("bundle incident.pitwall")
     */
    public CapturedTraces(Collection<Trace> traces, String where, Executor executor) {
        for (Trace t : traces) {
            if (t.spanCount() > 0) {
                this.traces.put(key(t.traceId()), t);
            }
        }
        this.where = where;
        this.executor = executor;
    }

    /** As above, answering on a virtual thread per call. */
    public CapturedTraces(Collection<Trace> traces, String where) {
        this(traces, where, r -> Thread.ofVirtual().name("pitwall-captured-traces").start(r));
    }

    public Collection<Trace> traces() {
        return traces.values();
    }

    public boolean isEmpty() {
        return traces.isEmpty();
    }

    /** The window the traces cover (one second wide at least), or empty when there are none. */
    public Optional<TimeRange> extent() {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (Trace t : traces.values()) {
            from = Math.min(from, t.startNanos());
            to = Math.max(to, t.endNanos());
        }
        if (traces.isEmpty()) {
            return Optional.empty();
        }
        Instant a = Instant.ofEpochSecond(0, from);
        Instant b = Instant.ofEpochSecond(0, to);
        return Optional.of(new TimeRange(a, b.isBefore(a.plusSeconds(1)) ? a.plusSeconds(1) : b));
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public CompletableFuture<List<String>> services(TimeRange range) {
        return async(() -> {
            TreeSet<String> names = new TreeSet<>();
            in(range).forEach(t -> names.addAll(t.services()));
            return List.copyOf(names);
        });
    }

    @Override
    public CompletableFuture<List<String>> operations(String service, TimeRange range) {
        return async(() -> {
            TreeSet<String> names = new TreeSet<>();
            for (Trace t : in(range)) {
                for (int i = 0; i < t.spanCount(); i++) {
                    if (t.service(i).equals(service)) {
                        names.add(t.operation(i));
                    }
                }
            }
            return List.copyOf(names);
        });
    }

    @Override
    public CompletableFuture<List<TraceSummary>> search(TraceQuery query) {
        return async(() -> TraceMatch.search(traces.values(), query));
    }

    @Override
    public CompletableFuture<Trace> trace(String traceId) {
        Trace t = traces.get(key(traceId == null ? "" : traceId));
        return t != null ? CompletableFuture.completedFuture(t) : CompletableFuture.failedFuture(
                new TraceQueryException("not_found", "trace " + traceId + " is not in " + where));
    }

    @Override
    public CompletableFuture<List<DependencyLink>> dependencies(TimeRange range) {
        return async(() -> TraceDependencies.of(in(range)));
    }

    private List<Trace> in(TimeRange range) {
        List<Trace> out = new ArrayList<>();
        for (Trace t : traces.values()) {
            if (TraceMatch.overlaps(t, range)) {
                out.add(t);
            }
        }
        return out;
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    /** Trace ids compare without case and without leading zeros (Jaeger pads 64-bit ids to 32 digits). */
    private static String key(String id) {
        String s = id.strip().toLowerCase(Locale.ROOT).replaceFirst("^0+", "");
        return s.isEmpty() ? "0" : s;
    }
}
