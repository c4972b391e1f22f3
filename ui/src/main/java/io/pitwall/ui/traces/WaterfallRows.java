package io.pitwall.ui.traces;

import io.pitwall.connectors.model.Trace;
import java.util.Arrays;

/**
 * Which spans of a trace the waterfall shows as rows, top to bottom: the trace's depth-first order
 * ({@link Trace#preorder()}) less the subtrees under collapsed spans. A flat int array recomputed
 * on each collapse or expand by one loop over the rows that stay (a subtree is skipped by its
 * size), never recursion: a chain 20,000 levels deep is as easy as a flat trace.
 */
public final class WaterfallRows {

    private final Trace trace;
    private final int[] preorder;
    /** Span index to its position in {@link #preorder}. */
    private final int[] position;
    /** Span index to the number of spans in its subtree, itself included. */
    private final int[] size;
    private final boolean[] collapsed;
    private int[] rows;

    public WaterfallRows(Trace trace) {
        this.trace = trace;
        int n = trace.spanCount();
        preorder = trace.preorder();
        position = new int[n];
        size = new int[n];
        collapsed = new boolean[n];
        for (int p = 0; p < preorder.length; p++) {
            position[preorder[p]] = p;
        }
        Arrays.fill(size, 1);
        // children come after their parents in preorder: adding up from the end needs no recursion
        for (int p = preorder.length - 1; p >= 0; p--) {
            int span = preorder[p];
            int parent = trace.parent(span);
            if (parent >= 0) {
                size[parent] += size[span];
            }
        }
        rebuild();
    }

    public Trace trace() {
        return trace;
    }

    /** How many rows show. */
    public int count() {
        return rows.length;
    }

    /** The span shown on row {@code row}. */
    public int span(int row) {
        return rows[row];
    }

    /** The rows' span indices (the array itself: read only). */
    int[] rows() {
        return rows;
    }

    /** The row showing {@code span}, or -1 when it is hidden under a collapsed ancestor. */
    public int rowOf(int span) {
        int p = position[span];
        int lo = 0;
        int hi = rows.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int q = position[rows[mid]];
            if (q < p) {
                lo = mid + 1;
            } else if (q > p) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The span's position in the whole depth-first order (rows keep this order). */
    public int position(int span) {
        return position[span];
    }

    /** Spans in the subtree of {@code span}, itself included. */
    public int subtreeSize(int span) {
        return size[span];
    }

    public boolean hasChildren(int span) {
        return trace.childCount(span) > 0;
    }

    public boolean isCollapsed(int span) {
        return collapsed[span];
    }

    /** Collapses or expands one span's subtree (a span without children stays as it is). */
    public void setCollapsed(int span, boolean collapse) {
        if (collapsed[span] != collapse && hasChildren(span)) {
            collapsed[span] = collapse;
            rebuild();
        }
    }

    public void toggle(int span) {
        setCollapsed(span, !collapsed[span]);
    }

    public void expandAll() {
        Arrays.fill(collapsed, false);
        rebuild();
    }

    /** Collapses every span with children: only the roots show. */
    public void collapseAll() {
        collapseToDepth(0);
    }

    /**
     * Shows the levels {@code 0..depth} only: spans at {@code depth} and deeper are collapsed,
     * the shallower ones expanded.
     */
    public void collapseToDepth(int depth) {
        for (int i = 0; i < collapsed.length; i++) {
            collapsed[i] = trace.depth(i) >= depth && hasChildren(i);
        }
        rebuild();
    }

    /** Expands the ancestors of {@code span} so that it shows; returns its row. */
    public int reveal(int span) {
        boolean changed = false;
        for (int a = trace.parent(span); a >= 0; a = trace.parent(a)) {
            if (collapsed[a]) {
                collapsed[a] = false;
                changed = true;
            }
        }
        if (changed) {
            rebuild();
        }
        return rowOf(span);
    }

    /** The deepest level of the trace. */
    public int maxDepth() {
        int d = 0;
        for (int i = 0; i < collapsed.length; i++) {
            d = Math.max(d, trace.depth(i));
        }
        return d;
    }

    private void rebuild() {
        int[] out = new int[preorder.length];
        int n = 0;
        int p = 0;
        while (p < preorder.length) {
            int span = preorder[p];
            out[n++] = span;
            p += collapsed[span] ? size[span] : 1;
        }
        rows = n == out.length ? out : Arrays.copyOf(out, n);
    }
}
