package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.TimeRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Log lines a bundle (or a file) holds, served with no network: a scope by its stream labels (in
 * the shipper's names, {@link LokiSelectors#detect}), a plain stream selector with line filters
 * evaluated here ({@link LogQLFilter}), within the asked range and limit. It cannot tail.
 */
public final class CapturedLogs implements LogsSource {

    private final List<LogEntry> entries;
    private final long[] times;
    private final String where;
    private final LokiSelectors.LabelSet labelSet;

    /**
     * @param entries the lines, in any order (they are sorted by time, ties kept in order)
     * @param where   what holds them, for messages and the pane's header ("bundle incident.pitwall")
     */
    public CapturedLogs(Collection<LogEntry> entries, String where) {
        List<LogEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(LogEntry::epochNanos));
        this.entries = List.copyOf(sorted);
        this.times = new long[sorted.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = sorted.get(i).epochNanos();
        }
        this.where = where;
        TreeSet<String> names = new TreeSet<>();
        sorted.stream().map(e -> e.stream()).distinct().forEach(s -> names.addAll(s.labels().keySet()));
        this.labelSet = LokiSelectors.detect(names);
    }

    public List<LogEntry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The window the lines cover (one second wide at least), or empty when there are none. */
    public Optional<TimeRange> extent() {
        if (times.length == 0) {
            return Optional.empty();
        }
        LogEntry first = entries.getFirst();
        LogEntry last = entries.getLast();
        java.time.Instant to = last.time().plusNanos(1);
        return Optional.of(new TimeRange(first.time(), to.isBefore(first.time().plusSeconds(1)) ? first.time().plusSeconds(1) : to));
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public boolean speaksLogQL() {
        return true;
    }

    @Override
    public CompletableFuture<LogResult> query(LogQuery q) {
        Predicate<LogEntry> filter;
        try {
            filter = q.hasLogQL() ? LogQLFilter.parse(q.logql()) : scope(q.scope());
        } catch (LogQueryException e) {
            return CompletableFuture.failedFuture(e);
        }
        int from = lowerBound(io.pitwall.connectors.model.LogEntry.nanos(q.range().from()));
        int to = lowerBound(io.pitwall.connectors.model.LogEntry.nanos(q.range().to()));
        List<LogEntry> out = new ArrayList<>();
        boolean limited = false;
        if (q.backward()) {
            for (int i = to - 1; i >= from; i--) {
                if (filter.test(entries.get(i))) {
                    if (out.size() == q.limit()) {
                        limited = true;
                        break;
                    }
                    out.add(entries.get(i));
                }
            }
            java.util.Collections.reverse(out);
        } else {
            for (int i = from; i < to; i++) {
                if (filter.test(entries.get(i))) {
                    if (out.size() == q.limit()) {
                        limited = true;
                        break;
                    }
                    out.add(entries.get(i));
                }
            }
        }
        List<String> warnings = q.scope() instanceof LogScope.Container c && c.previous()
                ? List.of("Captured lines do not tell a container's instances apart: these are all of " + c.container()
                        + "'s lines in the range; the restarts are where they stop and start again.")
                : List.of();
        return CompletableFuture.completedFuture(new LogResult(q, out, Optional.empty(), limited, warnings));
    }

    /** The lines of {@code scope}: its stream labels in the shipper's names. */
    private Predicate<LogEntry> scope(LogScope scope) {
        LokiSelectors.LabelSet s = labelSet;
        return switch (scope) {
            case LogScope.Cluster c -> e -> true;
            case LogScope.Namespace n -> e -> e.stream().label(s.namespace()).equals(n.name());
            case LogScope.Pod p -> e -> e.stream().label(s.namespace()).equals(p.ref().namespace())
                    && e.stream().label(s.pod()).equals(p.ref().name());
            case LogScope.Container c -> e -> e.stream().label(s.namespace()).equals(c.pod().namespace())
                    && e.stream().label(s.pod()).equals(c.pod().name())
                    && e.stream().label(s.container()).equals(c.container());
            case LogScope.Workload w -> {
                Pattern pods = Pattern.compile(LokiSelectors.podPattern(w.ref().kind(), w.ref().name()));
                yield e -> e.stream().label(s.namespace()).equals(w.ref().namespace())
                        && pods.matcher(e.stream().label(s.pod())).matches();
            }
        };
    }

    /** The first index whose time is at or after {@code t}. */
    private int lowerBound(long t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public CompletableFuture<List<String>> labelNames(TimeRange range) {
        TreeSet<String> names = new TreeSet<>();
        entries.stream().map(LogEntry::stream).distinct().forEach(s -> names.addAll(s.labels().keySet()));
        return CompletableFuture.completedFuture(List.copyOf(names));
    }

    @Override
    public CompletableFuture<List<String>> labelValues(String label, TimeRange range) {
        TreeSet<String> values = new TreeSet<>();
        entries.stream().map(LogEntry::stream).distinct().forEach(s -> {
            String v = s.labels().get(label);
            if (v != null) {
                values.add(v);
            }
        });
        return CompletableFuture.completedFuture(List.copyOf(values));
    }

    @Override
    public LogTail tail(LogQuery query, LogTail.Listener listener) {
        listener.state(new LogTail.TailState.Stopped(where + " holds what was captured: it cannot follow new lines"));
        return () -> { };
    }
}
