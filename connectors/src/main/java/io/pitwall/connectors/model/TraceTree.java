package io.pitwall.connectors.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Works out a trace's tree from its spans' ids and references, with loops and arrays only (a
 * chain of 500,000 spans is as easy as a flat trace): each span's parent, the children of each
 * span sorted by start time (CSR: offsets and indices), the roots, depths, the depth-first row
 * order, and the problems a waterfall shows: orphans, duplicate ids, cycles and clock skew.
 */
final class TraceTree {

    final int[] parent;
    final String[] parentSpanIds;
    final int[] childOffsets;
    final int[] children;
    final int[] roots;
    final int[] depth;
    final int[] preorder;

    private TraceTree(int[] parent, String[] parentSpanIds, int[] childOffsets, int[] children, int[] roots,
            int[] depth, int[] preorder) {
        this.parent = parent;
        this.parentSpanIds = parentSpanIds;
        this.childOffsets = childOffsets;
        this.children = children;
        this.roots = roots;
        this.depth = depth;
        this.preorder = preorder;
    }

    /** {@code flags} gains ORPHAN, DUPLICATE_ID, CYCLE and CLOCK_SKEW bits. */
    static TraceTree of(TraceBuilder b, int[] refOffsets, int[] flags) {
        int n = b.count;
        String[] ids = b.spanIds;
        Map<String, Integer> first = new HashMap<>(Math.max(16, n * 2));
        Map<String, Integer> firstShared = new HashMap<>();
        for (int i = 0; i < n; i++) {
            boolean shared = (flags[i] & TraceBuilder.SHARED) != 0;
            Map<String, Integer> m = shared ? firstShared : first;
            if (m.putIfAbsent(ids[i], i) != null) {
                flags[i] |= Trace.DUPLICATE_ID;
            }
        }
        int[] parent = new int[n];
        String[] parentIds = new String[n];
        for (int i = 0; i < n; i++) {
            parent[i] = -1;
            parentIds[i] = "";
            Integer client = (flags[i] & TraceBuilder.SHARED) != 0 ? first.get(ids[i]) : null;
            if (client != null) {
                parent[i] = client;
                parentIds[i] = ids[i];
                continue;
            }
            int chosen = -1;
            String wanted = "";
            for (int pass = 0; pass < 2 && chosen < 0; pass++) {
                byte type = (byte) (pass == 0 ? SpanRef.Type.CHILD_OF.ordinal() : SpanRef.Type.FOLLOWS_FROM.ordinal());
                for (int r = refOffsets[i]; r < refOffsets[i + 1]; r++) {
                    if (b.refTypes[r] != type) {
                        continue;
                    }
                    if (wanted.isEmpty()) {
                        wanted = b.refSpanIds[r];
                    }
                    if (!sameTrace(b.refTraceIds[r], b.traceIds[i])) {
                        continue;
                    }
                    Integer p = firstShared.get(b.refSpanIds[r]);
                    if (p == null) {
                        p = first.get(b.refSpanIds[r]);
                    }
                    if (p != null && p != i) {
                        chosen = p;
                        wanted = b.refSpanIds[r];
                        break;
                    }
                }
            }
            parent[i] = chosen;
            parentIds[i] = wanted;
            if (chosen < 0 && !wanted.isEmpty()) {
                flags[i] |= Trace.ORPHAN;
            }
        }
        breakCycles(parent, flags);
        int[] order = Sorting.byStart(b.starts, n);
        int[] offsets = new int[n + 1];
        int rootCount = 0;
        for (int i = 0; i < n; i++) {
            if (parent[i] < 0) {
                rootCount++;
            } else {
                offsets[parent[i] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] fill = Arrays.copyOf(offsets, n);
        int[] children = new int[n - rootCount];
        int[] roots = new int[rootCount];
        int r = 0;
        for (int i : order) {
            if (parent[i] < 0) {
                roots[r++] = i;
            } else {
                children[fill[parent[i]]++] = i;
            }
        }
        int[] depth = new int[n];
        int[] preorder = new int[n];
        int[] stack = new int[n];
        int top = 0;
        int row = 0;
        for (int k = rootCount - 1; k >= 0; k--) {
            stack[top++] = roots[k];
        }
        while (top > 0) {
            int s = stack[--top];
            preorder[row++] = s;
            for (int c = offsets[s + 1] - 1; c >= offsets[s]; c--) {
                int child = children[c];
                depth[child] = depth[s] + 1;
                stack[top++] = child;
                flagSkew(b, s, child, refOffsets, flags);
            }
        }
        return new TraceTree(parent, parentIds, offsets, children, roots, depth, preorder);
    }

    private static void flagSkew(TraceBuilder b, int p, int c, int[] refOffsets, int[] flags) {
        long ps = b.starts[p];
        long pe = ps + b.durations[p];
        long cs = b.starts[c];
        long ce = cs + b.durations[c];
        boolean followsFrom = !b.spanIds[p].equals(b.spanIds[c]) && isFollowsFrom(b, c, b.spanIds[p], refOffsets);
        if (cs < ps || (!followsFrom && ce > pe)) {
            flags[c] |= Trace.CLOCK_SKEW;
        }
    }

    private static boolean isFollowsFrom(TraceBuilder b, int c, String parentId, int[] refOffsets) {
        for (int r = refOffsets[c]; r < refOffsets[c + 1]; r++) {
            if (b.refSpanIds[r].equals(parentId)) {
                return b.refTypes[r] == SpanRef.Type.FOLLOWS_FROM.ordinal();
            }
        }
        return false;
    }

    /** Spans whose parents lead round in a loop: the loop is cut where it is found (that span becomes a root, CYCLE). */
    private static void breakCycles(int[] parent, int[] flags) {
        int n = parent.length;
        int[] walk = new int[n]; // 0 not seen, i + 1 seen by the walk from i, -1 settled
        for (int i = 0; i < n; i++) {
            int j = i;
            while (j >= 0 && walk[j] == 0) {
                walk[j] = i + 1;
                j = parent[j];
            }
            if (j >= 0 && walk[j] == i + 1) {
                parent[j] = -1;
                flags[j] |= Trace.CYCLE;
            }
            for (j = i; j >= 0 && walk[j] == i + 1; j = parent[j]) {
                walk[j] = -1;
            }
        }
    }

    /** Trace ids compared as numbers in hex: Jaeger pads 64-bit ids to 128 bits in some places. */
    static boolean sameTrace(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
            return true;
        }
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String id) {
        int k = 0;
        while (k < id.length() - 1 && id.charAt(k) == '0') {
            k++;
        }
        return id.substring(k);
    }
}
