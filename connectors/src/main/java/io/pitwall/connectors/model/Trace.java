package io.pitwall.connectors.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One trace of up to hundreds of thousands of spans, in parallel arrays indexed by span
 * (0..{@link #spanCount()}-1, in the order the source gave them): no object per span until one
 * is asked for ({@link #span(int)}). Times are epoch nanoseconds, durations nanoseconds.
 *
 * <p>The tree: {@link #parent(int)} (-1 for a root), children sorted by start time
 * ({@link #childCount(int)}, {@link #child(int, int)}), roots sorted by start time,
 * {@link #depth(int)} and the waterfall's rows ({@link #preorder()}). Nothing here recurses over
 * the tree. Problems are kept and flagged, never dropped: {@link #ORPHAN} (its parent is not in
 * the trace: shown as a root), {@link #DUPLICATE_ID}, {@link #CLOCK_SKEW} (a child starting before
 * its parent, or ending after it when it is a CHILD_OF), {@link #CYCLE} (its parents lead round in
 * a loop: cut there, shown as a root). Immutable; safe to share between threads.
 */
public final class Trace {

    public static final int ERROR = 1;
    public static final int ORPHAN = 1 << 1;
    public static final int DUPLICATE_ID = 1 << 2;
    public static final int CLOCK_SKEW = 1 << 3;
    public static final int CYCLE = 1 << 4;
    private static final int PUBLIC_FLAGS = ERROR | ORPHAN | DUPLICATE_ID | CLOCK_SKEW | CYCLE;

    private final String traceId;
    private final int count;
    private final String[] traceIds;
    private final String[] spanIds;
    private final String[] operations;
    private final int[] processes;
    private final long[] starts;
    private final long[] durations;
    private final byte[] kinds;
    private final int[] flags;
    private final KeyValues tags;
    private final int[] logOffsets;
    private final long[] logTimes;
    private final KeyValues logFields;
    private final int[] refOffsets;
    private final byte[] refTypes;
    private final String[] refTraceIds;
    private final String[] refSpanIds;
    private final KeyValues refAttributes;
    private final String[] processServices;
    private final KeyValues processTags;
    private final TraceTree tree;
    private final long start;
    private final long end;
    private final List<String> services;
    private final int errorCount;

    Trace(TraceBuilder b) {
        int n = b.count;
        count = n;
        traceIds = Arrays.copyOf(b.traceIds, n);
        String id = b.traceId();
        for (int i = 0; i < n && id.isEmpty(); i++) {
            id = traceIds[i];
        }
        traceId = id;
        for (int i = 0; i < n; i++) {
            if (traceIds[i].isEmpty()) {
                traceIds[i] = id;
            }
        }
        spanIds = Arrays.copyOf(b.spanIds, n);
        operations = Arrays.copyOf(b.operations, n);
        starts = Arrays.copyOf(b.starts, n);
        durations = Arrays.copyOf(b.durations, n);
        kinds = Arrays.copyOf(b.kinds, n);
        flags = Arrays.copyOf(b.flags, n);
        tags = b.tags.build();
        logOffsets = offsets(b.logEnds, n);
        logTimes = Arrays.copyOf(b.logTimes, b.logFields.owners());
        logFields = b.logFields.build();
        refOffsets = offsets(b.refEnds, n);
        refTypes = Arrays.copyOf(b.refTypes, b.refCount);
        refTraceIds = Arrays.copyOf(b.refTraceIds, b.refCount);
        refSpanIds = Arrays.copyOf(b.refSpanIds, b.refCount);
        refAttributes = b.refAttributes.build();
        int unknown = -1;
        List<String> ps = new ArrayList<>(b.processServices);
        processes = Arrays.copyOf(b.processes, n);
        KeyValues.Builder pt = b.processTags;
        for (int i = 0; i < n; i++) {
            if (processes[i] < 0 || processes[i] >= b.processServices.size()) {
                if (unknown < 0) {
                    unknown = b.endProcess("unknown");
                    ps.add("unknown");
                }
                processes[i] = unknown;
            }
        }
        processServices = ps.toArray(String[]::new);
        processTags = pt.build();
        tree = TraceTree.of(b, refOffsets, flags);
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        int errors = 0;
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, starts[i]);
            hi = Math.max(hi, starts[i] + durations[i]);
            if ((flags[i] & ERROR) != 0) {
                errors++;
            }
            names.add(processServices[processes[i]]);
        }
        start = n == 0 ? 0 : lo;
        end = n == 0 ? 0 : hi;
        errorCount = errors;
        services = List.copyOf(names);
    }

    private static int[] offsets(int[] ends, int n) {
        int[] o = new int[n + 1];
        System.arraycopy(ends, 0, o, 1, n);
        return o;
    }

    public String traceId() {
        return traceId;
    }

    public int spanCount() {
        return count;
    }

    /** When the first span started (epoch nanoseconds; 0 for a trace with no spans). */
    public long startNanos() {
        return start;
    }

    public long endNanos() {
        return end;
    }

    public long durationNanos() {
        return end - start;
    }

    /** Its services' names, sorted. */
    public List<String> services() {
        return services;
    }

    public int errorCount() {
        return errorCount;
    }

    /** How many spans carry {@code flag} (one of this class's flags). */
    public int count(int flag) {
        int c = 0;
        for (int i = 0; i < count; i++) {
            if ((flags[i] & flag) != 0) {
                c++;
            }
        }
        return c;
    }

    public TraceSummary summary() {
        String rootService = "";
        String rootOperation = "";
        if (count > 0) {
            int root = tree.roots[0];
            for (int r : tree.roots) {
                if ((flags[r] & (ORPHAN | CYCLE)) == 0) {
                    root = r;
                    break;
                }
            }
            rootService = service(root);
            rootOperation = operations[root];
        }
        return new TraceSummary(traceId, rootService, rootOperation, start, durationNanos(), count, errorCount, services);
    }

    // ---- one span's fields

    public String spanId(int i) {
        return spanIds[i];
    }

    /** The span's own trace id (a Jaeger v1 span may name a differently padded one). */
    public String spanTraceId(int i) {
        return traceIds[i];
    }

    /** The id of the span's parent as its source named it, "" for a true root (an orphan has one). */
    public String parentSpanId(int i) {
        return tree.parentSpanIds[i];
    }

    public String service(int i) {
        return processServices[processes[i]];
    }

    public String operation(int i) {
        return operations[i];
    }

    public long startNanos(int i) {
        return starts[i];
    }

    public long durationNanos(int i) {
        return durations[i];
    }

    public long endNanos(int i) {
        return starts[i] + durations[i];
    }

    public SpanKind kind(int i) {
        return SpanKind.of(kinds[i]);
    }

    /** The span's bits of ERROR, ORPHAN, DUPLICATE_ID, CLOCK_SKEW and CYCLE. */
    public int flags(int i) {
        return flags[i] & PUBLIC_FLAGS;
    }

    public boolean has(int i, int flag) {
        return (flags[i] & flag) != 0;
    }

    public boolean isError(int i) {
        return has(i, ERROR);
    }

    /** All spans' tags (or attributes): owner {@code i} is span {@code i}. */
    public KeyValues tags() {
        return tags;
    }

    /** The span's process (Jaeger) or resource (OTLP) index: see {@link #processTags()}. */
    public int process(int i) {
        return processes[i];
    }

    public int processCount() {
        return processServices.length;
    }

    /** All processes' tags (resource attributes): owner {@code p} is process {@code p}. */
    public KeyValues processTags() {
        return processTags;
    }

    public int logCount(int i) {
        return logOffsets[i + 1] - logOffsets[i];
    }

    public SpanLog log(int i, int k) {
        int l = logOffsets[i] + java.util.Objects.checkIndex(k, logCount(i));
        return new SpanLog(logTimes[l], logFields.asMap(l));
    }

    public int refCount(int i) {
        return refOffsets[i + 1] - refOffsets[i];
    }

    public SpanRef ref(int i, int k) {
        int r = refOffsets[i] + java.util.Objects.checkIndex(k, refCount(i));
        return new SpanRef(SpanRef.Type.values()[refTypes[r]], refTraceIds[r], refSpanIds[r], refAttributes.asMap(r));
    }

    /** Everything about span {@code i} in one record (for a details panel, not for drawing rows). */
    public Span span(int i) {
        List<SpanLog> logs = new ArrayList<>(logCount(i));
        for (int k = 0; k < logCount(i); k++) {
            logs.add(log(i, k));
        }
        List<SpanRef> refs = new ArrayList<>(refCount(i));
        for (int k = 0; k < refCount(i); k++) {
            refs.add(ref(i, k));
        }
        Map<String, String> process = processTags.asMap(processes[i]);
        return new Span(i, traceIds[i], spanIds[i], parentSpanId(i), service(i), operations[i], starts[i], durations[i],
                kind(i), flags(i), tags.asMap(i), process, Collections.unmodifiableList(logs),
                Collections.unmodifiableList(refs));
    }

    /** The spans with this id, in source order (more than one when ids are duplicated); a scan of all spans. */
    public int[] indexOf(String spanId) {
        return java.util.stream.IntStream.range(0, count).filter(i -> spanIds[i].equals(spanId)).toArray();
    }

    // ---- the tree

    /** The parent's index, -1 for a root (orphans and cut cycles are roots). */
    public int parent(int i) {
        return tree.parent[i];
    }

    public int depth(int i) {
        return tree.depth[i];
    }

    public int childCount(int i) {
        return tree.childOffsets[i + 1] - tree.childOffsets[i];
    }

    /** The {@code k}th child of span {@code i} by start time. */
    public int child(int i, int k) {
        return tree.children[tree.childOffsets[i] + java.util.Objects.checkIndex(k, childCount(i))];
    }

    public int rootCount() {
        return tree.roots.length;
    }

    /** The {@code k}th root by start time. */
    public int root(int k) {
        return tree.roots[k];
    }

    /** The waterfall's rows, all expanded: each root then its subtree, depth first, children by start time (a copy). */
    public int[] preorder() {
        return tree.preorder.clone();
    }
}
