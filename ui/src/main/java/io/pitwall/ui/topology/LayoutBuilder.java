package io.pitwall.ui.topology;

import io.pitwall.connectors.model.IngressInfo;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.NodeInfo;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.ServiceInfo;
import io.pitwall.connectors.model.Topology;
import io.pitwall.ui.topology.TopologyLayout.Band;
import io.pitwall.ui.topology.TopologyLayout.Box;
import io.pitwall.ui.topology.TopologyLayout.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds a {@link TopologyLayout}; see there for what is kept from the previous one. */
final class LayoutBuilder {

    static final double NODE_W = 170;
    static final double NODE_H = 44;
    static final double NODE_GAP = 8;
    static final double BLOCK_GAP = 40;
    static final double LEAF_W = 160;
    /** The narrowest group box: room for a name beside the kind and the counts. */
    static final double GROUP_W = 210;
    /** A collapsed group: room for its counts by health. */
    static final double COLLAPSED_W = 300;
    static final double LEAF_H = 26;

    /** A box before it is placed. */
    private record Item(String id, KubeRef ref, Kind kind, double w, double h, int columns, boolean collapsed,
                        List<PodInfo> pods) {
    }

    /** What a namespace's layout depends on, besides its boxes' sizes. */
    private record ShapeKey(List<String> ids, Set<Topology.Edge> edges) {
    }

    /** A band's content, relative to its content origin. */
    private static final class Block {
        final String name;
        final boolean nodes;
        final List<Item> items = new ArrayList<>();
        final List<Topology.Edge> edges = new ArrayList<>();
        Object key;
        double[] xs;
        double[] ys;
        double w;
        double h;

        Block(String name, boolean nodes) {
            this.name = name;
            this.nodes = nodes;
        }
    }

    private final Topology t;
    private final Map<String, Boolean> choices;
    private final TopologyLayout previous;
    private int elkRuns;

    LayoutBuilder(Topology t, Map<String, Boolean> choices, TopologyLayout previous) {
        this.t = t;
        this.choices = choices;
        this.previous = previous;
    }

    TopologyLayout build() {
        Map<String, Block> spaces = new TreeMap<>(NaturalOrder.INSTANCE);
        Map<String, Block> blockOf = new HashMap<>();
        for (IngressInfo i : t.ingresses()) {
            leaf(spaces, blockOf, i.ref(), Kind.INGRESS);
        }
        for (ServiceInfo s : t.services()) {
            leaf(spaces, blockOf, s.ref(), Kind.SERVICE);
        }
        for (Topology.Group g : t.groups()) {
            Block b = spaces.computeIfAbsent(g.workload().namespace(), n -> new Block(n, false));
            Box before = previous == null ? null : previous.boxes().get(g.id());
            List<PodInfo> pods = PodSlots.assign(before == null ? null : before.pods(), g.pods());
            b.items.add(group(g.id(), g.workload(), pods));
            blockOf.put(g.id(), b);
        }
        Set<String> seen = new HashSet<>();
        List<TopologyLayout.Line> lines = new ArrayList<>();
        for (List<Topology.Edge> edges : List.of(t.routes(), t.serves())) {
            for (Topology.Edge e : edges) {
                Block b = blockOf.get(e.from());
                if (b != null && b == blockOf.get(e.to()) && seen.add(e.from() + "\n" + e.to())) {
                    b.edges.add(e);
                    lines.add(new TopologyLayout.Line(e.from(), e.to()));
                }
            }
        }
        Map<String, Band> before = new HashMap<>();
        if (previous != null) {
            previous.bands().forEach(band -> before.put(band.nodes() ? "" : "ns/" + band.namespace(), band));
        }
        List<Block> blocks = new ArrayList<>(spaces.values());
        for (Block b : blocks) {
            placeNamespace(b, before.get("ns/" + b.name));
        }
        if (!t.nodes().isEmpty()) {
            Block nodes = nodesBlock(blocks, before.get(""));
            blocks.add(nodes);
        }
        return assemble(blocks, lines);
    }

    private void leaf(Map<String, Block> spaces, Map<String, Block> blockOf, KubeRef ref, Kind kind) {
        String id = Topology.idOf(ref);
        if (blockOf.containsKey(id)) {
            return;
        }
        Block b = spaces.computeIfAbsent(ref.namespace(), n -> new Block(n, false));
        b.items.add(new Item(id, ref, kind, LEAF_W, LEAF_H, 0, false, List.of()));
        blockOf.put(id, b);
    }

    private Item group(String id, KubeRef ref, List<PodInfo> pods) {
        int n = pods.size();
        boolean collapsed = choices.getOrDefault(id, n > TopologyLayout.COLLAPSE_ABOVE);
        double step = TopologyLayout.CELL + TopologyLayout.GAP;
        if (collapsed) {
            return new Item(id, ref, Kind.GROUP, COLLAPSED_W, TopologyLayout.HEADER + 34 + TopologyLayout.PADDING, 0, true, pods);
        }
        int fit = (int) ((GROUP_W - 2 * TopologyLayout.PADDING + TopologyLayout.GAP) / step);
        int most = n > TopologyLayout.COLLAPSE_ABOVE ? 50 : 20;
        int columns = Math.max(fit, Math.min(most, (int) Math.ceil(Math.sqrt(n * 2.0))));
        int rows = (n + columns - 1) / columns;
        double w = Math.max(GROUP_W, 2 * TopologyLayout.PADDING + columns * step - TopologyLayout.GAP);
        double h = TopologyLayout.HEADER + (n == 0 ? 14 : rows * step - TopologyLayout.GAP) + TopologyLayout.PADDING;
        return new Item(id, ref, Kind.GROUP, w, h, columns, false, pods);
    }

    /** ELK for a namespace whose shape changed, else its previous places, relaxed to the new sizes. */
    private void placeNamespace(Block b, Band before) {
        List<String> ids = new ArrayList<>(b.items.size());
        b.items.forEach(i -> ids.add(i.id()));
        b.key = new ShapeKey(List.copyOf(ids), Set.copyOf(b.edges));
        int n = b.items.size();
        double[] w = new double[n];
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = b.items.get(i).w();
            h[i] = b.items.get(i).h();
        }
        double[][] xy = before != null && before.key().equals(b.key) ? relaxed(b, before, w, h) : null;
        if (xy == null) {
            elkRuns++;
            xy = NamespaceGraph.layout(ids, w, h, b.edges);
        }
        b.xs = xy[0];
        b.ys = xy[1];
        for (int i = 0; i < n; i++) {
            b.w = Math.max(b.w, b.xs[i] + w[i]);
            b.h = Math.max(b.h, b.ys[i] + h[i]);
        }
    }

    private double[][] relaxed(Block b, Band before, double[] nw, double[] nh) {
        int n = b.items.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        double[] h = new double[n];
        boolean same = true;
        for (int i = 0; i < n; i++) {
            Box old = previous.boxes().get(b.items.get(i).id());
            if (old == null) {
                return null;
            }
            x[i] = old.x() - before.x() - Band.PAD;
            y[i] = old.y() - before.y() - Band.HEADER;
            w[i] = old.w();
            h[i] = old.h();
            same &= w[i] == nw[i] && h[i] == nh[i];
        }
        return same ? new double[][] {x, y} : Relax.relax(x, y, w, h, nw, nh);
    }

    /** The nodes in a grid about as tall as the namespace columns, in name order; kept while the nodes are. */
    private Block nodesBlock(List<Block> spaces, Band before) {
        Block b = new Block("", true);
        List<NodeInfo> nodes = new ArrayList<>(t.nodes());
        nodes.sort(Comparator.comparing(NodeInfo::name, NaturalOrder.INSTANCE));
        Map<String, List<PodInfo>> podsByNode = new HashMap<>();
        for (Topology.Group g : t.groups()) {
            for (PodInfo p : g.pods()) {
                if (!p.nodeName().isEmpty()) {
                    podsByNode.computeIfAbsent(p.nodeName(), k -> new ArrayList<>()).add(p);
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (NodeInfo node : nodes) {
            names.add(node.name());
            b.items.add(new Item(Topology.idOf(node.ref()), node.ref(), Kind.NODE, NODE_W, NODE_H, 0, false,
                    List.copyOf(podsByNode.getOrDefault(node.name(), List.of()))));
        }
        b.key = List.copyOf(names);
        int n = nodes.size();
        b.xs = new double[n];
        b.ys = new double[n];
        if (before != null && before.key().equals(b.key) && previous != null) {
            for (int i = 0; i < n; i++) {
                Box old = previous.boxes().get(b.items.get(i).id());
                b.xs[i] = old.x() - before.x() - Band.PAD;
                b.ys[i] = old.y() - before.y() - Band.HEADER;
            }
        } else {
            double[] w = new double[spaces.size()];
            double[] h = new double[spaces.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = spaces.get(i).w + 2 * Band.PAD;
                h[i] = spaces.get(i).h + Band.HEADER + Band.PAD;
            }
            // as tall as the namespace columns will be
            double target = 600;
            if (!spaces.isEmpty()) {
                double[][] packed = ColumnPacker.pack(w, h, BLOCK_GAP);
                target = 0;
                for (int i = 0; i < w.length; i++) {
                    target = Math.max(target, packed[1][i] + h[i]);
                }
            }
            int rows = Math.max(1, Math.min(n, (int) ((target - Band.HEADER - Band.PAD + NODE_GAP) / (NODE_H + NODE_GAP))));
            for (int i = 0; i < n; i++) {
                b.xs[i] = i / rows * (NODE_W + NODE_GAP);
                b.ys[i] = i % rows * (NODE_H + NODE_GAP);
            }
        }
        for (int i = 0; i < n; i++) {
            b.w = Math.max(b.w, b.xs[i] + NODE_W);
            b.h = Math.max(b.h, b.ys[i] + NODE_H);
        }
        return b;
    }

    /** Places the bands (kept, or packed afresh) and makes the boxes absolute. */
    private TopologyLayout assemble(List<Block> blocks, List<TopologyLayout.Line> lines) {
        int n = blocks.size();
        double[] w = new double[n];
        double[] h = new double[n];
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            w[i] = Math.max(b.w + 2 * Band.PAD, 160);
            h[i] = b.h + Band.HEADER + Band.PAD;
            names.add(b.nodes ? "" : "ns/" + b.name);
        }
        double[][] xy = keptBands(names, w, h);
        if (xy == null) {
            int spaces = blocks.isEmpty() || !blocks.getLast().nodes ? n : n - 1;
            double[][] packed = ColumnPacker.pack(java.util.Arrays.copyOf(w, spaces), java.util.Arrays.copyOf(h, spaces), BLOCK_GAP);
            xy = new double[][] {java.util.Arrays.copyOf(packed[0], n), java.util.Arrays.copyOf(packed[1], n)};
            if (spaces < n) {
                double right = 0;
                for (int i = 0; i < spaces; i++) {
                    right = Math.max(right, xy[0][i] + w[i] + BLOCK_GAP);
                }
                xy[0][n - 1] = right;
                xy[1][n - 1] = 0;
            }
        }
        Map<String, Box> boxes = new LinkedHashMap<>();
        Map<KubeRef, Box> byRef = new HashMap<>();
        Map<KubeRef, TopologyLayout.PodPlace> places = new HashMap<>(t.groups().size() * 16);
        List<Band> bands = new ArrayList<>(n);
        double width = 0;
        double height = 0;
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            bands.add(new Band(b.name, b.nodes, title(b), xy[0][i], xy[1][i], w[i], h[i], b.key));
            width = Math.max(width, xy[0][i] + w[i]);
            height = Math.max(height, xy[1][i] + h[i]);
            double ox = xy[0][i] + Band.PAD;
            double oy = xy[1][i] + Band.HEADER;
            for (int k = 0; k < b.items.size(); k++) {
                Item it = b.items.get(k);
                Box box = box(it, ox + b.xs[k], oy + b.ys[k]);
                boxes.put(it.id(), box);
                byRef.put(it.ref(), box);
                if (it.kind() == Kind.GROUP) {
                    for (int s = 0; s < it.pods().size(); s++) {
                        places.put(it.pods().get(s).ref(), new TopologyLayout.PodPlace(it.id(), s));
                    }
                }
            }
        }
        return new TopologyLayout(t, boxes, List.copyOf(lines), List.copyOf(bands), places, byRef, width, height, elkRuns);
    }

    /** The previous bands' places, relaxed to the new sizes, when the namespaces are the same. */
    private double[][] keptBands(List<String> names, double[] w, double[] h) {
        if (previous == null || previous.bands().size() != names.size()) {
            return null;
        }
        int n = names.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] ow = new double[n];
        double[] oh = new double[n];
        for (int i = 0; i < n; i++) {
            Band old = previous.bands().get(i);
            if (!names.get(i).equals(old.nodes() ? "" : "ns/" + old.namespace())) {
                return null;
            }
            x[i] = old.x();
            y[i] = old.y();
            ow[i] = old.w();
            oh[i] = old.h();
        }
        return Relax.relax(x, y, ow, oh, w, h);
    }

    private static Box box(Item it, double x, double y) {
        List<PodInfo> pods = it.pods();
        byte[] health = new byte[pods.size()];
        int[] counts = new int[PodHealth.values().length];
        int restarts = 0;
        for (int i = 0; i < health.length; i++) {
            PodInfo p = pods.get(i);
            PodHealth ph = PodHealth.of(p);
            health[i] = (byte) ph.ordinal();
            counts[ph.ordinal()]++;
            restarts += p.restarts();
        }
        return new Box(it.id(), it.ref(), it.kind(), x, y, it.w(), it.h(), it.columns(), it.collapsed(), pods, health,
                counts, restarts);
    }

    private String title(Block b) {
        if (b.nodes) {
            long notReady = t.nodes().stream().filter(nd -> !nd.ready()).count();
            return "nodes  " + t.nodes().size() + (notReady > 0 ? "  \u00b7  " + notReady + " not ready" : "");
        }
        int pods = 0;
        int groups = 0;
        for (Item it : b.items) {
            if (it.kind() == Kind.GROUP) {
                groups++;
                pods += it.pods().size();
            }
        }
        return b.name + "  \u00b7  " + groups + (groups == 1 ? " workload" : " workloads") + "  \u00b7  " + pods
                + (pods == 1 ? " pod" : " pods");
    }
}
