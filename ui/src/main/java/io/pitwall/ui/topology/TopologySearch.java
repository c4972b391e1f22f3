package io.pitwall.ui.topology;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.palette.FuzzyMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Finds pods, workloads, services, ingresses and nodes by name: names equal to the query first,
 * then names starting with it, then names containing it (case ignored), each in the order the
 * picture reads (band by band, left to right, top to bottom). When nothing contains the query,
 * names holding its letters in order (fuzzy, as the command palette matches) are found instead,
 * best first.
 */
final class TopologySearch {

    private TopologySearch() {
    }

    private record Hit(KubeRef ref, int rank, int score, int band, double x, double y, int slot) {
    }

    static List<KubeRef> find(TopologyLayout layout, String query) {
        String q = query == null ? "" : query.strip();
        if (layout == null || q.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = collect(layout, q, false);
        if (hits.isEmpty()) {
            hits = collect(layout, q, true);
        }
        hits.sort(Comparator.comparingInt(Hit::rank).thenComparing(Comparator.comparingInt(Hit::score).reversed())
                .thenComparingInt(Hit::band).thenComparingDouble(Hit::x).thenComparingDouble(Hit::y)
                .thenComparingInt(Hit::slot));
        LinkedHashSet<KubeRef> refs = new LinkedHashSet<>();
        hits.forEach(h -> refs.add(h.ref()));
        return List.copyOf(refs);
    }

    private static List<Hit> collect(TopologyLayout layout, String q, boolean fuzzy) {
        Map<String, Integer> bandIndex = new HashMap<>();
        for (int i = 0; i < layout.bands().size(); i++) {
            TopologyLayout.Band b = layout.bands().get(i);
            bandIndex.put(b.nodes() ? "\n" : b.namespace(), i);
        }
        List<Hit> hits = new ArrayList<>();
        for (TopologyLayout.Box box : layout.boxes().values()) {
            int band = bandIndex.getOrDefault(box.kind() == TopologyLayout.Kind.NODE ? "\n" : box.namespace(), 0);
            add(hits, box.ref(), q, fuzzy, band, box.x(), box.y(), -1);
            if (box.kind() == TopologyLayout.Kind.GROUP) {
                for (int s = 0; s < box.pods().size(); s++) {
                    add(hits, box.pods().get(s).ref(), q, fuzzy, band, box.x(), box.y(), s);
                }
            }
        }
        return hits;
    }

    private static void add(List<Hit> hits, KubeRef ref, String q, boolean fuzzy, int band, double x, double y, int slot) {
        String name = ref.name();
        if (fuzzy) {
            int score = FuzzyMatcher.score(q, name);
            if (score >= 0) {
                hits.add(new Hit(ref, 3, score, band, x, y, slot));
            }
            return;
        }
        int rank = rank(name, q);
        if (rank >= 0) {
            hits.add(new Hit(ref, rank, 0, band, x, y, slot));
        }
    }

    /** 0 equal, 1 starts with, 2 contains, -1 neither; case ignored, nothing allocated. */
    static int rank(String name, String q) {
        int n = name.length();
        int m = q.length();
        if (m > n) {
            return -1;
        }
        if (name.regionMatches(true, 0, q, 0, m)) {
            return n == m ? 0 : 1;
        }
        for (int i = 1; i + m <= n; i++) {
            if (name.regionMatches(true, i, q, 0, m)) {
                return 2;
            }
        }
        return -1;
    }
}
