package io.pitwall.connectors.timeline;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Severity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing that happened in the window, on one lane: a rollout, a restart, a warning event, an
 * alert firing (and resolving), a security event, a burst of error logs, a slow or failed trace.
 *
 * @param at       when it happened (or began)
 * @param end      when it ended; {@code at} for a moment
 * @param ref      the object it happened to, when known (clicking it selects that object)
 * @param title    a few words: "carts OOMKilled", "image carts:0.4.8 -> carts:0.4.9"
 * @param detail   one more line of evidence ("" when none)
 * @param traceId  the trace it is about, for the Traces lane ("" when none)
 */
public record TimelineItem(Instant at, Instant end, Lane lane, Severity severity, Optional<KubeRef> ref,
                           String title, String detail, String traceId) {

    public TimelineItem {
        Objects.requireNonNull(at, "at");
        end = end == null || end.isBefore(at) ? at : end;
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(severity, "severity");
        ref = ref == null ? Optional.empty() : ref;
        title = title == null ? "" : title;
        detail = detail == null ? "" : detail;
        traceId = traceId == null ? "" : traceId;
    }

    /** A moment with no trace. */
    public static TimelineItem at(Instant at, Lane lane, Severity severity, KubeRef ref, String title, String detail) {
        return new TimelineItem(at, at, lane, severity, Optional.ofNullable(ref), title, detail, "");
    }

    public boolean isSpan() {
        return end.isAfter(at);
    }
}
