package io.pitwall.ui.traces;

import io.pitwall.connectors.model.Trace;
import java.util.ArrayList;
import java.util.List;

/** A span's flags in words: what the waterfall's marks mean, for its tooltip, the legend and the details panel. */
public final class SpanFlags {

    private SpanFlags() {
    }

    /** The legend of the waterfall's marks. */
    public static final String LEGEND = "● error   O orphan: its parent is not in the trace   D duplicate span id   "
            + "S clock skew: outside its parent's time   C cycle: its parents loop, cut here";

    /** One sentence per flag set on {@code flags} ({@link Trace} bits). */
    public static List<String> explain(int flags) {
        List<String> out = new ArrayList<>();
        if ((flags & Trace.ERROR) != 0) {
            out.add("Error: the span is marked as failed (an error tag or status).");
        }
        if ((flags & Trace.ORPHAN) != 0) {
            out.add("Orphan: its parent span is not in the trace; it is shown as a root.");
        }
        if ((flags & Trace.DUPLICATE_ID) != 0) {
            out.add("Duplicate id: another span of the trace has the same span id.");
        }
        if ((flags & Trace.CLOCK_SKEW) != 0) {
            out.add("Clock skew: it starts before its parent or ends after it; the hosts' clocks may differ.");
        }
        if ((flags & Trace.CYCLE) != 0) {
            out.add("Cycle: its parents lead round in a loop; the loop is cut here and it is shown as a root.");
        }
        return out;
    }

    /** A row's tooltip: service, operation, duration, and its flags explained. */
    static String tooltip(Trace trace, int span) {
        StringBuilder b = new StringBuilder(trace.service(span)).append(" · ").append(trace.operation(span))
                .append("\n").append(Durations.format(trace.durationNanos(span)))
                .append(" at +").append(Durations.format(trace.startNanos(span) - trace.startNanos()));
        for (String s : explain(trace.flags(span))) {
            b.append('\n').append(s);
        }
        return b.toString();
    }
}
