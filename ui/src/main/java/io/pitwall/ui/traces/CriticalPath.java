package io.pitwall.ui.traces;

import io.pitwall.connectors.model.SpanRef;
import io.pitwall.connectors.model.Trace;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The critical path of a trace, as jaeger-ui works it out ({@code getCriticalPath}): the pieces
 * of spans that the trace's end waited on. From each root's end, walk back: the span's last
 * finishing child (ending before where the walk is) takes over from its end; a span without one
 * is on the path back to its own start, and the walk returns to its parent at that start.
 * Before walking, FOLLOWS_FROM children (and theirs) are left out, and children that overflow
 * their parent are cut to it (dropped when wholly outside it). A loop, never recursion.
 *
 * @param spans    the spans with a piece on the path
 * @param sections pieces as triples: span index, start, end (epoch nanoseconds), latest first
 */
public record CriticalPath(BitSet spans, long[] sections) {

    /** How many pieces. */
    public int sectionCount() {
        return sections.length / 3;
    }

    public int sectionSpan(int k) {
        return (int) sections[3 * k];
    }

    public long sectionStart(int k) {
        return sections[3 * k + 1];
    }

    public long sectionEnd(int k) {
        return sections[3 * k + 2];
    }

    public boolean contains(int span) {
        return spans.get(span);
    }

    public static CriticalPath of(Trace trace) {
        int n = trace.spanCount();
        long[] start = new long[n];
        long[] end = new long[n];
        boolean[] out = new boolean[n];
        for (int i : trace.preorder()) {
            int p = trace.parent(i);
            start[i] = trace.startNanos(i);
            end[i] = trace.endNanos(i);
            if (p < 0) {
                continue;
            }
            if (out[p] || followsFrom(trace, i)) {
                out[i] = true;
            } else if (end[i] < start[p] || start[i] > end[p]) {
                out[i] = true;
            } else {
                start[i] = Math.max(start[i], start[p]);
                end[i] = Math.min(end[i], end[p]);
            }
        }
        Walk walk = new Walk(trace, start, end, out);
        for (int r = 0; r < trace.rootCount(); r++) {
            walk.from(trace.root(r));
        }
        return new CriticalPath(walk.spans, Arrays.copyOf(walk.sections, walk.count * 3));
    }

    /** Whether the span's link to its parent is a FOLLOWS_FROM reference. */
    static boolean followsFrom(Trace trace, int span) {
        String parentId = trace.parentSpanId(span);
        for (int k = 0; k < trace.refCount(span); k++) {
            SpanRef ref = trace.ref(span, k);
            if (ref.spanId().equals(parentId)) {
                return ref.type() == SpanRef.Type.FOLLOWS_FROM;
            }
        }
        return false;
    }

    private static final class Walk {
        final Trace trace;
        final long[] start;
        final long[] end;
        final boolean[] out;
        final BitSet spans = new BitSet();
        long[] sections = new long[48];
        int count;
        /** Per span visited: its kept children by end, latest first, and how far the walk has used them. */
        final int[][] sorted;
        final int[] cursor;

        Walk(Trace trace, long[] start, long[] end, boolean[] out) {
            this.trace = trace;
            this.start = start;
            this.end = end;
            this.out = out;
            sorted = new int[trace.spanCount()][];
            cursor = new int[trace.spanCount()];
        }

        void from(int root) {
            if (out[root]) {
                return;
            }
            int span = root;
            long returning = Long.MIN_VALUE; // none: the span's own end
            long guard = 4L * trace.spanCount() + 16;
            while (span >= 0 && guard-- > 0) {
                int last = lastFinishing(span, returning);
                long sectionEnd = returning == Long.MIN_VALUE ? end[span] : returning;
                if (last >= 0) {
                    add(span, end[last], sectionEnd);
                    span = last;
                    returning = Long.MIN_VALUE;
                } else {
                    add(span, start[span], sectionEnd);
                    returning = start[span];
                    span = trace.parent(span);
                }
            }
        }

        /** The child ending last (strictly before {@code before}, when given). */
        int lastFinishing(int span, long before) {
            int[] kids = sorted[span];
            if (kids == null) {
                kids = kept(span);
                sorted[span] = kids;
            }
            int c = cursor[span];
            if (before != Long.MIN_VALUE) {
                // the walk only goes back in time: children passed over once never qualify again
                while (c < kids.length && end[kids[c]] >= before) {
                    c++;
                }
                cursor[span] = c;
            }
            return c < kids.length ? kids[c] : -1;
        }

        private int[] kept(int span) {
            int k = trace.childCount(span);
            Integer[] kids = new Integer[k];
            int m = 0;
            for (int j = 0; j < k; j++) {
                int c = trace.child(span, j);
                if (!out[c]) {
                    kids[m++] = c;
                }
            }
            Integer[] keep = Arrays.copyOf(kids, m);
            Arrays.sort(keep, (a, b) -> Long.compare(end[b], end[a])); // stable: ties by start order
            int[] result = new int[m];
            for (int j = 0; j < m; j++) {
                result[j] = keep[j];
            }
            return result;
        }

        void add(int span, long from, long to) {
            if (from == to) {
                return;
            }
            if (count * 3 == sections.length) {
                sections = Arrays.copyOf(sections, sections.length * 2);
            }
            sections[count * 3] = span;
            sections[count * 3 + 1] = from;
            sections[count * 3 + 2] = to;
            count++;
            spans.set(span);
        }
    }
}
