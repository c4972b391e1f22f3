package io.pitwall.connectors.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects one trace's spans as a parser reads them, then {@link #build()}s the {@link Trace}.
 * Strings go through {@link #intern(String)} (one copy of each service, operation, tag key and
 * repeated value per trace). A span is open from its first setter or {@link #tag} until
 * {@link #endSpan()}; its tags, logs and references are those added while it is open. A log or
 * reference is likewise open until {@link #endLog} or {@link #endRef}. Not thread-safe.
 */
public final class TraceBuilder {

    static final int SHARED = 1 << 30;

    private String traceId;
    private final Map<String, String> strings = new HashMap<>();

    int count;
    String[] traceIds = new String[16];
    String[] spanIds = new String[16];
    String[] operations = new String[16];
    int[] processes = new int[16];
    long[] starts = new long[16];
    long[] durations = new long[16];
    byte[] kinds = new byte[16];
    int[] flags = new int[16];
    final KeyValues.Builder tags = new KeyValues.Builder();

    int[] logEnds = new int[16];
    long[] logTimes = new long[16];
    final KeyValues.Builder logFields = new KeyValues.Builder();

    int[] refEnds = new int[16];
    int refCount;
    byte[] refTypes = new byte[16];
    String[] refTraceIds = new String[16];
    String[] refSpanIds = new String[16];
    final KeyValues.Builder refAttributes = new KeyValues.Builder();

    final List<String> processServices = new ArrayList<>();
    final KeyValues.Builder processTags = new KeyValues.Builder();

    private boolean open;
    private boolean built;

    public TraceBuilder(String traceId) {
        this.traceId = Objects.requireNonNull(traceId, "traceId");
    }

    public String traceId() {
        return traceId;
    }

    /** The trace's id, when the source gives it after its spans ("" until then: the first span's). */
    public void traceId(String id) {
        traceId = Objects.requireNonNull(id, "id");
    }

    /** How many spans were ended so far. */
    public int spanCount() {
        return count;
    }

    /** The trace's one copy of {@code s} (null stays null). */
    public String intern(String s) {
        if (s == null) {
            return null;
        }
        String had = strings.putIfAbsent(s, s);
        return had == null ? s : had;
    }

    // ---- processes (Jaeger) / resources (OTLP) / local endpoints (Zipkin)

    public void processTag(String key, String value) {
        processTags.add(intern(key), intern(value));
    }

    /** Closes the process whose tags were just added; returns its index. */
    public int endProcess(String service) {
        processServices.add(intern(service == null || service.isEmpty() ? "unknown" : service));
        processTags.endOwner();
        return processServices.size() - 1;
    }

    public int processCount() {
        return processServices.size();
    }

    // ---- the open span

    private void open() {
        if (open) {
            return;
        }
        open = true;
        if (count == spanIds.length) {
            int n = count * 2;
            traceIds = Arrays.copyOf(traceIds, n);
            spanIds = Arrays.copyOf(spanIds, n);
            operations = Arrays.copyOf(operations, n);
            processes = Arrays.copyOf(processes, n);
            starts = Arrays.copyOf(starts, n);
            durations = Arrays.copyOf(durations, n);
            kinds = Arrays.copyOf(kinds, n);
            flags = Arrays.copyOf(flags, n);
            logEnds = Arrays.copyOf(logEnds, n);
            refEnds = Arrays.copyOf(refEnds, n);
        }
        traceIds[count] = "";
        spanIds[count] = "";
        operations[count] = "";
        processes[count] = -1;
        starts[count] = 0;
        durations[count] = 0;
        kinds[count] = 0;
        flags[count] = 0;
    }

    public void spanTraceId(String id) {
        open();
        traceIds[count] = intern(id);
    }

    public void spanId(String id) {
        open();
        spanIds[count] = id;
    }

    public void operation(String name) {
        open();
        operations[count] = intern(name == null ? "" : name);
    }

    public void process(int index) {
        open();
        processes[count] = index;
    }

    /** Sets the process of an ended span (Jaeger names processes after its spans may have come). */
    public void setProcess(int span, int index) {
        processes[Objects.checkIndex(span, count)] = index;
    }

    public void start(long epochNanos) {
        open();
        starts[count] = epochNanos;
    }

    public void duration(long nanos) {
        open();
        durations[count] = Math.max(0, nanos);
    }

    public void kind(SpanKind kind) {
        open();
        kinds[count] = (byte) kind.ordinal();
    }

    public SpanKind kind() {
        return open ? SpanKind.of(kinds[count]) : SpanKind.UNSPECIFIED;
    }

    public void error() {
        open();
        flags[count] |= Trace.ERROR;
    }

    /** A Zipkin server span sharing its id with the client span that called it. */
    public void shared() {
        open();
        flags[count] |= SHARED;
    }

    public void tag(String key, String value) {
        open();
        tags.add(intern(key), intern(value));
    }

    public void logField(String key, String value) {
        open();
        logFields.add(intern(key), intern(value));
    }

    public void endLog(long epochNanos) {
        open();
        int n = logFields.owners();
        if (n == logTimes.length) {
            logTimes = Arrays.copyOf(logTimes, n * 2);
        }
        logTimes[n] = epochNanos;
        logFields.endOwner();
    }

    public void refAttribute(String key, String value) {
        open();
        refAttributes.add(intern(key), intern(value));
    }

    public void endRef(SpanRef.Type type, String refTraceId, String refSpanId) {
        open();
        if (refCount == refTypes.length) {
            int n = refCount * 2;
            refTypes = Arrays.copyOf(refTypes, n);
            refTraceIds = Arrays.copyOf(refTraceIds, n);
            refSpanIds = Arrays.copyOf(refSpanIds, n);
        }
        refTypes[refCount] = (byte) type.ordinal();
        refTraceIds[refCount] = intern(refTraceId == null ? "" : refTraceId);
        refSpanIds[refCount] = refSpanId == null ? "" : refSpanId;
        refCount++;
        refAttributes.endOwner();
    }

    /** Closes the open span (one with no setter called yet is opened empty). */
    public void endSpan() {
        open();
        tags.endOwner();
        logEnds[count] = logFields.owners();
        refEnds[count] = refCount;
        count++;
        open = false;
    }

    /** The trace of the spans ended so far: its tree, depths and problems worked out. Once only. */
    public Trace build() {
        if (open) {
            throw new IllegalStateException("a span is still open");
        }
        if (built) {
            throw new IllegalStateException("already built");
        }
        built = true;
        return new Trace(this);
    }
}
