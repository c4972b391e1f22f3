package io.pitwall.ui.topology;

import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.ui.topology.TopologyLayout.Box;
import io.pitwall.ui.topology.TopologyLayout.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service dependency graph (who calls whom, from the tracing backend or the loaded traces)
 * placed on a topology: each link between two trace service names becomes an edge between the
 * boxes that show those services. A trace service is the Kubernetes Service of that name, else
 * the workload of that name (tracing libraries name services after their deployment). When a name
 * exists in several namespaces, an edge joins the pair in one namespace; across namespaces, only
 * names that are unique. Pure computation: run it anywhere.
 *
 * @param edges    the links that have both ends on the topology
 * @param unplaced the service names of links that could not be placed, sorted
 */
public record CallEdges(List<Edge> edges, List<String> unplaced) {

    /** One placed link: {@code from} called {@code to} {@code calls} times, {@code errors} of them failed. */
    public record Edge(Box from, Box to, long calls, long errors) {

        public double errorRate() {
            return calls == 0 ? 0 : (double) errors / calls;
        }
    }

    public static final CallEdges NONE = new CallEdges(List.of(), List.of());

    public CallEdges {
        edges = List.copyOf(edges);
        unplaced = List.copyOf(unplaced);
    }

    /**
     * How far an arc between two boxes of one column reaches out to their left, in layout units:
     * further the further apart they are. {@link CallsPainter} draws with it; the view fits it in.
     */
    static double bulge(Box a, Box b) {
        return 24 + 0.3 * Math.abs((b.y() + b.h() / 2) - (a.y() + a.h() / 2));
    }

    /** Whether the callee stands in the caller's column (then the arc goes out to the left). */
    static boolean sameColumn(Box a, Box b) {
        return !(b.x() >= a.x() + a.w()) && !(b.x() + b.w() <= a.x());
    }

    /** The leftmost point the arcs and their labels reach, in layout units (0 when none goes left of the picture). */
    public double minX() {
        double min = 0;
        for (Edge e : edges) {
            if (sameColumn(e.from(), e.to())) {
                double apex = Math.min(e.from().x(), e.to().x()) - 0.75 * bulge(e.from(), e.to());
                min = Math.min(min, apex - 80); // half a label
            }
        }
        return min;
    }

    /** Places {@code links} on {@code layout}; links of a service to itself are left out. */
    public static CallEdges place(List<DependencyLink> links, TopologyLayout layout) {
        if (layout == null || links.isEmpty()) {
            return NONE;
        }
        Map<String, List<Box>> byName = boxesByName(layout);
        List<Edge> edges = new ArrayList<>();
        Set<String> unplaced = new java.util.TreeSet<>();
        for (DependencyLink link : links) {
            if (link.parent().equals(link.child())) {
                continue;
            }
            List<Box> from = byName.getOrDefault(link.parent(), List.of());
            List<Box> to = byName.getOrDefault(link.child(), List.of());
            Box[] pair = pair(from, to);
            if (pair == null) {
                if (from.isEmpty()) {
                    unplaced.add(link.parent());
                }
                if (to.isEmpty()) {
                    unplaced.add(link.child());
                }
                if (!from.isEmpty() && !to.isEmpty()) {
                    unplaced.add(link.parent() + " → " + link.child());
                }
                continue;
            }
            edges.add(new Edge(pair[0], pair[1], link.calls(), link.errors()));
        }
        return new CallEdges(edges, List.copyOf(unplaced));
    }

    /** The boxes a service name may show as: Services of that name first, then workloads. */
    private static Map<String, List<Box>> boxesByName(TopologyLayout layout) {
        Map<String, List<Box>> services = new HashMap<>();
        Map<String, List<Box>> workloads = new HashMap<>();
        for (Box b : layout.boxes().values()) {
            if (b.kind() == Kind.SERVICE) {
                services.computeIfAbsent(b.ref().name(), k -> new ArrayList<>()).add(b);
            } else if (b.kind() == Kind.GROUP) {
                workloads.computeIfAbsent(b.ref().name(), k -> new ArrayList<>()).add(b);
            }
        }
        Map<String, List<Box>> byName = new HashMap<>(workloads);
        byName.putAll(services);
        return byName;
    }

    /** Both ends in one namespace (the first in name order), else unique names across namespaces. */
    private static Box[] pair(List<Box> from, List<Box> to) {
        if (from.isEmpty() || to.isEmpty()) {
            return null;
        }
        Set<String> namespaces = new LinkedHashSet<>();
        from.stream().map(Box::namespace).sorted().forEach(namespaces::add);
        for (String ns : namespaces) {
            Box a = in(from, ns);
            Box b = in(to, ns);
            if (a != null && b != null) {
                return new Box[] {a, b};
            }
        }
        return from.size() == 1 && to.size() == 1 ? new Box[] {from.getFirst(), to.getFirst()} : null;
    }

    private static Box in(List<Box> boxes, String namespace) {
        for (Box b : boxes) {
            if (java.util.Objects.equals(b.namespace(), namespace)) {
                return b;
            }
        }
        return null;
    }
}
