package io.pitwall.ui.traces;

import io.pitwall.connectors.model.KeyValues;
import io.pitwall.connectors.model.Trace;
import java.util.Locale;

/**
 * Finds the spans a search text names: in its service, operation, span id, or a tag's or its
 * process's tag's key or value (case-insensitive, a plain substring). The hits come in row order
 * (the trace's depth-first order), so that "next" goes down the waterfall.
 */
public final class SpanMatcher {

    private SpanMatcher() {
    }

    /** The matching spans in depth-first order; empty for a blank text. */
    public static int[] find(Trace trace, String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return new int[0];
        }
        KeyValues processTags = trace.processTags();
        boolean[] processHit = new boolean[trace.processCount()];
        for (int p = 0; p < processHit.length; p++) {
            processHit[p] = any(processTags, p, needle);
        }
        int[] order = trace.preorder();
        int[] out = new int[order.length];
        int n = 0;
        KeyValues tags = trace.tags();
        for (int span : order) {
            if (has(trace.service(span), needle) || has(trace.operation(span), needle) || has(trace.spanId(span), needle)
                    || processHit[trace.process(span)] || any(tags, span, needle)) {
                out[n++] = span;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean any(KeyValues kv, int owner, String needle) {
        if (owner >= kv.owners()) {
            return false;
        }
        for (int j = 0; j < kv.size(owner); j++) {
            if (has(kv.key(owner, j), needle) || has(kv.value(owner, j), needle)) {
                return true;
            }
        }
        return false;
    }

    static boolean has(String hay, String lowerNeedle) {
        if (hay == null || hay.length() < lowerNeedle.length()) {
            return false;
        }
        // regionMatches ignoring case avoids a lower-cased copy of every string
        int last = hay.length() - lowerNeedle.length();
        for (int k = 0; k <= last; k++) {
            if (hay.regionMatches(true, k, lowerNeedle, 0, lowerNeedle.length())) {
                return true;
            }
        }
        return false;
    }
}
