package io.pitwall.connectors.traces;

import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.Trace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service dependency graph of traces at hand: each span whose parent is of another service is
 * one call from the parent's service to the span's, an error when the called span failed. Calls
 * within a service are not edges. Pure: the same traces give the same links, sorted by parent then child.
 */
public final class TraceDependencies {

    private TraceDependencies() {
    }

    public static List<DependencyLink> of(Collection<Trace> traces) {
        Map<String, Map<String, long[]>> edges = new TreeMap<>();
        for (Trace t : traces) {
            for (int i = 0; i < t.spanCount(); i++) {
                int parent = t.parent(i);
                if (parent < 0) {
                    continue;
                }
                String from = t.service(parent);
                String to = t.service(i);
                if (from.equals(to)) {
                    continue;
                }
                long[] counts = edges.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new long[2]);
                counts[0]++;
                if (t.isError(i)) {
                    counts[1]++;
                }
            }
        }
        List<DependencyLink> out = new ArrayList<>();
        edges.forEach((from, children) -> children.forEach((to, c) -> out.add(new DependencyLink(from, to, c[0], c[1]))));
        return out;
    }
}
