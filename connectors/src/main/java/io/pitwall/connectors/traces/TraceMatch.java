package io.pitwall.connectors.traces;

import io.pitwall.connectors.model.KeyValues;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A {@link TraceQuery} evaluated on traces already at hand: the trace overlaps the query's range,
 * lasts between its durations, and one of its spans is of the service and operation (when given)
 * and has every tag (its own or its process's; {@code error=true} is any failed span, whatever
 * its error tag holds).
 */
final class TraceMatch {

    /** Newest first, as the trace APIs list them. */
    static final Comparator<TraceSummary> NEWEST_FIRST = Comparator.comparingLong(TraceSummary::startNanos).reversed()
            .thenComparing(TraceSummary::traceId);

    private TraceMatch() {
    }

    static boolean matches(Trace t, TraceQuery q) {
        return overlaps(t, q.range()) && durationIn(t, q) && hasSpan(t, q.service(), q.operation(), q.tags());
    }

    static boolean overlaps(Trace t, TimeRange range) {
        long from = nanos(range.from());
        long to = nanos(range.to());
        return t.spanCount() > 0 && t.startNanos() <= to && t.endNanos() >= from;
    }

    private static boolean durationIn(Trace t, TraceQuery q) {
        long d = t.durationNanos();
        return q.minDuration().map(Duration::toNanos).map(min -> d >= min).orElse(true)
                && q.maxDuration().map(Duration::toNanos).map(max -> d <= max).orElse(true);
    }

    /** Whether one span is of {@code service} and {@code operation} ("" for any) and has every tag. */
    static boolean hasSpan(Trace t, String service, String operation, Map<String, String> tags) {
        KeyValues spanTags = t.tags();
        KeyValues processTags = t.processTags();
        for (int i = 0; i < t.spanCount(); i++) {
            if (!service.isEmpty() && !service.equals(t.service(i))
                    || !operation.isEmpty() && !operation.equals(t.operation(i))) {
                continue;
            }
            boolean all = true;
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                if (tag.getKey().equals("error") && tag.getValue().equals("true")) {
                    if (!t.isError(i)) {
                        all = false;
                        break;
                    }
                    continue;
                }
                String v = spanTags.get(i, tag.getKey());
                if (v == null) {
                    v = processTags.get(t.process(i), tag.getKey());
                }
                if (v == null || !tag.getValue().isEmpty() && !tag.getValue().equals(v)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** The matching traces' summaries, newest first, at most the query's limit. */
    static List<TraceSummary> search(java.util.Collection<Trace> traces, TraceQuery q) {
        return traces.stream().filter(t -> matches(t, q)).map(Trace::summary).sorted(NEWEST_FIRST).limit(q.limit())
                .toList();
    }

    static long nanos(java.time.Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
