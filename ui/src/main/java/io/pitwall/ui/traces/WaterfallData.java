package io.pitwall.ui.traces;

import io.pitwall.connectors.model.Trace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the waterfall needs of one trace, worked out once and off the FX thread (a trace of
 * 500,000 spans takes a moment): its rows, critical path (with each span's pieces of it), and
 * each span's service colour index. The rows are then changed on the FX thread only.
 */
public final class WaterfallData {

    private final Trace trace;
    private final WaterfallRows rows;
    private final CriticalPath critical;
    private final int[] serviceIndex;
    private final int[] sectionOffsets;
    private final int[] sectionsBySpan;

    private WaterfallData(Trace trace) {
        this.trace = trace;
        int n = trace.spanCount();
        rows = new WaterfallRows(trace);
        critical = CriticalPath.of(trace);
        Map<String, Integer> index = new HashMap<>();
        List<String> services = trace.services();
        for (int k = 0; k < services.size(); k++) {
            index.put(services.get(k), k);
        }
        serviceIndex = new int[n];
        for (int i = 0; i < n; i++) {
            serviceIndex[i] = index.getOrDefault(trace.service(i), 0);
        }
        // each span's critical pieces, grouped by a counting sort
        sectionOffsets = new int[n + 1];
        int sections = critical.sectionCount();
        for (int k = 0; k < sections; k++) {
            sectionOffsets[critical.sectionSpan(k) + 1]++;
        }
        for (int i = 0; i < n; i++) {
            sectionOffsets[i + 1] += sectionOffsets[i];
        }
        sectionsBySpan = new int[sections];
        int[] fill = java.util.Arrays.copyOf(sectionOffsets, n);
        for (int k = 0; k < sections; k++) {
            sectionsBySpan[fill[critical.sectionSpan(k)]++] = k;
        }
    }

    /** Works it all out (call off the FX thread for a big trace). */
    public static WaterfallData of(Trace trace) {
        return new WaterfallData(trace);
    }

    public Trace trace() {
        return trace;
    }

    public WaterfallRows rows() {
        return rows;
    }

    public CriticalPath criticalPath() {
        return critical;
    }

    int serviceIndex(int span) {
        return serviceIndex[span];
    }

    int sectionCount(int span) {
        return sectionOffsets[span + 1] - sectionOffsets[span];
    }

    /** The {@code j}th critical piece of {@code span}, as an index into {@link #criticalPath()}'s sections. */
    int section(int span, int j) {
        return sectionsBySpan[sectionOffsets[span] + j];
    }
}
