package io.pitwall.ui.topology;

import io.pitwall.connectors.model.Topology;
import java.util.HashMap;
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
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * ELK (layered, left to right) over one namespace's boxes: ingresses, services and workload
 * groups with the edges between them. Every edge of the topology stays inside its namespace, so
 * each namespace is a graph of its own: smaller graphs for crossing minimisation, and a change in
 * one namespace lays out only that one.
 */
final class NamespaceGraph {

    /**
     * The width over the height that ELK packs a namespace's unconnected parts to (its default):
     * small namespaces come out as one column, which suits the narrow panes of a workspace.
     */
    static final double ASPECT = 1.6;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private NamespaceGraph() {
    }

    /**
     * @return {@code {xs, ys}}: the boxes' top left corners, from (0, 0)
     */
    static double[][] layout(List<String> ids, double[] w, double[] h, List<Topology.Edge> edges) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(0));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 56.0);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 10.0);
        root.setProperty(CoreOptions.SPACING_COMPONENT_COMPONENT, 16.0);
        root.setProperty(CoreOptions.ASPECT_RATIO, ASPECT);
        Map<String, ElkNode> nodes = new HashMap<>();
        ElkNode[] order = new ElkNode[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setIdentifier(ids.get(i));
            n.setDimensions(w[i], h[i]);
            nodes.put(ids.get(i), n);
            order[i] = n;
        }
        for (Topology.Edge e : edges) {
            ElkNode from = nodes.get(e.from());
            ElkNode to = nodes.get(e.to());
            if (from != null && to != null) {
                ElkGraphUtil.createSimpleEdge(from, to);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        double[] xs = new double[order.length];
        double[] ys = new double[order.length];
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        for (int i = 0; i < order.length; i++) {
            xs[i] = order[i].getX();
            ys[i] = order[i].getY();
            minX = Math.min(minX, xs[i]);
            minY = Math.min(minY, ys[i]);
        }
        for (int i = 0; i < order.length; i++) {
            xs[i] -= minX;
            ys[i] -= minY;
        }
        return new double[][] {xs, ys};
    }
}
