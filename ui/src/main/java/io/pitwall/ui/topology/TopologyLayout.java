package io.pitwall.ui.topology;

import io.pitwall.connectors.model.IngressInfo;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.ServiceInfo;
import io.pitwall.connectors.model.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Where everything of a {@link Topology} is drawn: ELK (layered, left to right) places
 * ingresses, services and workload boxes; each workload's pods are packed in a grid inside its
 * box, ordered by name, so a pod that restarts moves nothing. Pure computation, no JavaFX: run it
 * off the FX thread.
 */
public record TopologyLayout(Topology topology, Map<String, Box> boxes, List<Line> lines, double width, double height) {

    public static final double CELL = 14;
    public static final double GAP = 3;
    public static final double HEADER = 26;
    public static final double PADDING = 8;
    /** Groups with more pods than this start collapsed, as a count and a health bar. */
    public static final int COLLAPSE_ABOVE = 400;

    /** A placed element: an ingress, a service or a workload group. */
    public record Box(String id, KubeRef ref, double x, double y, double w, double h, int columns, boolean collapsed) {

        public boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    /** An edge as a polyline. */
    public record Line(double[] xs, double[] ys) {
    }

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    public static TopologyLayout of(Topology t) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 18.0);

        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        Map<String, KubeRef> refs = new HashMap<>();
        Map<String, int[]> grids = new HashMap<>();
        for (IngressInfo i : t.ingresses()) {
            add(root, nodes, refs, Topology.idOf(i.ref()), i.ref(), 150, 30);
        }
        for (ServiceInfo s : t.services()) {
            add(root, nodes, refs, Topology.idOf(s.ref()), s.ref(), 150, 30);
        }
        for (Topology.Group g : t.groups()) {
            int n = g.pods().size();
            boolean collapsed = n > COLLAPSE_ABOVE;
            int columns = collapsed ? 0 : Math.max(4, Math.min(20, (int) Math.ceil(Math.sqrt(n * 2.0))));
            int rows = collapsed || n == 0 ? 0 : (n + columns - 1) / columns;
            double w = collapsed ? 200 : Math.max(170, PADDING * 2 + columns * (CELL + GAP) - GAP);
            double h = HEADER + (collapsed ? 22 : rows * (CELL + GAP)) + PADDING;
            add(root, nodes, refs, g.id(), g.workload(), w, h);
            grids.put(g.id(), new int[] {columns, collapsed ? 1 : 0});
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (Topology.Edge e : concat(t.routes(), t.serves())) {
            ElkNode from = nodes.get(e.from());
            ElkNode to = nodes.get(e.to());
            if (from != null && to != null) {
                edges.add(ElkGraphUtil.createSimpleEdge(from, to));
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, Box> boxes = new LinkedHashMap<>();
        nodes.forEach((id, n) -> {
            int[] grid = grids.getOrDefault(id, new int[] {0, 0});
            boxes.put(id, new Box(id, refs.get(id), n.getX(), n.getY(), n.getWidth(), n.getHeight(), grid[0], grid[1] == 1));
        });
        List<Line> lines = new ArrayList<>();
        for (ElkEdge e : edges) {
            for (ElkEdgeSection s : e.getSections()) {
                int k = s.getBendPoints().size() + 2;
                double[] xs = new double[k];
                double[] ys = new double[k];
                xs[0] = s.getStartX();
                ys[0] = s.getStartY();
                for (int i = 0; i < s.getBendPoints().size(); i++) {
                    xs[i + 1] = s.getBendPoints().get(i).getX();
                    ys[i + 1] = s.getBendPoints().get(i).getY();
                }
                xs[k - 1] = s.getEndX();
                ys[k - 1] = s.getEndY();
                lines.add(new Line(xs, ys));
            }
        }
        return new TopologyLayout(t, boxes, lines, root.getWidth(), root.getHeight());
    }

    /** Where pod {@code index} of a group sits, inside its box. */
    public static double[] cell(Box box, int index) {
        int col = index % Math.max(1, box.columns());
        int row = index / Math.max(1, box.columns());
        return new double[] {box.x() + PADDING + col * (CELL + GAP), box.y() + HEADER + row * (CELL + GAP)};
    }

    private static void add(ElkNode root, Map<String, ElkNode> nodes, Map<String, KubeRef> refs, String id, KubeRef ref,
                            double w, double h) {
        if (nodes.containsKey(id)) {
            return;
        }
        ElkNode n = ElkGraphUtil.createNode(root);
        n.setIdentifier(id);
        n.setDimensions(w, h);
        nodes.put(id, n);
        refs.put(id, ref);
    }

    private static List<Topology.Edge> concat(List<Topology.Edge> a, List<Topology.Edge> b) {
        List<Topology.Edge> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
