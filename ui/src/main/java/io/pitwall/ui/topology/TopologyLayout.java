package io.pitwall.ui.topology;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.Topology;
import java.util.List;
import java.util.Map;

/**
 * Where everything of a {@link Topology} is drawn. Pure computation, no JavaFX: run it off the FX
 * thread.
 *
 * <p>Each namespace is a band: ELK (layered, left to right) places its ingresses, services and
 * workload boxes; each workload's pods are packed in a grid inside its box. The bands stand in
 * newspaper columns, namespaces in name order, and the cluster's nodes form a band of their own
 * on the right (pods are not joined to their nodes by edges: selecting a node highlights its pods
 * instead).
 *
 * <p>Stability, when a layout is made from the one shown before ({@link #of(Topology, Map,
 * TopologyLayout)}):
 * <ul>
 * <li>a pod keeps its cell while it exists; a new one takes a cell left free (see
 *     {@link PodSlots});</li>
 * <li>a namespace whose boxes and edges are the same as before is not given to ELK again: its
 *     boxes keep their places, and when some changed size (a group grew by a row, or was
 *     collapsed) the others move only as far as needed to keep their gaps (see {@link Relax});</li>
 * <li>the bands likewise keep their places and gaps while the set of namespaces is the same;</li>
 * <li>only a namespace that gained or lost a box or an edge is laid out by ELK again, and only
 *     a new or vanished namespace places all bands afresh.</li>
 * </ul>
 *
 * @param boxes  every box by id, band by band
 * @param lines  the edges, as the ids of the boxes they join (drawn from the boxes' positions)
 * @param bands  the namespace bands, then the nodes band
 * @param places where each pod is: its group's box and its cell
 * @param byRef  every box by the object it shows
 * @param elkRuns how many namespaces ELK laid out for this layout (the others kept their places)
 */
public record TopologyLayout(Topology topology, Map<String, Box> boxes, List<Line> lines, List<Band> bands,
                             Map<KubeRef, PodPlace> places, Map<KubeRef, Box> byRef, double width, double height,
                             int elkRuns) {

    public static final double CELL = 14;
    public static final double GAP = 3;
    public static final double HEADER = 26;
    public static final double PADDING = 8;
    /** Groups with more pods than this start collapsed, as counts and a health bar. */
    public static final int COLLAPSE_ABOVE = 400;
    /** The clickable chevron at the left of a group's header. */
    public static final double CHEVRON = 22;

    /** What a box shows. */
    public enum Kind {
        INGRESS, SERVICE, GROUP, NODE
    }

    /**
     * A placed box: an ingress, a service, a workload group or a node.
     *
     * @param columns   the width of a group's pod grid, in cells
     * @param collapsed whether a group shows a health bar instead of its pods
     * @param pods      a group's pods in cell order, or a node's pods
     * @param health    {@link PodHealth} ordinals, one per pod of {@code pods}
     * @param counts    how many of {@code pods} are in each {@link PodHealth}
     * @param restarts  the restarts of all of {@code pods}
     */
    public record Box(String id, KubeRef ref, Kind kind, double x, double y, double w, double h, int columns,
                      boolean collapsed, List<PodInfo> pods, byte[] health, int[] counts, int restarts) {

        public boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }

        public String namespace() {
            return ref.namespace();
        }

        /** Pods that are not running (or completed). */
        public int unhealthy() {
            int n = 0;
            for (PodHealth h : PodHealth.values()) {
                if (h.unhealthy()) {
                    n += counts[h.ordinal()];
                }
            }
            return n;
        }

        /** The most urgent health among the pods, RUNNING when there are none. */
        public PodHealth worst() {
            PodHealth worst = PodHealth.RUNNING;
            for (PodHealth h : PodHealth.values()) {
                if (counts[h.ordinal()] > 0 && h.urgency() > worst.urgency()) {
                    worst = h;
                }
            }
            return worst;
        }

        /** Whether the header's chevron (which collapses or expands a group) is at {@code (px, py)}. */
        public boolean chevronAt(double px, double py) {
            return kind == Kind.GROUP && px >= x && px <= x + CHEVRON && py >= y && py <= y + HEADER;
        }

        /** Whether this box draws its pods as cells. */
        public boolean showsCells() {
            return kind == Kind.GROUP && !collapsed && !pods.isEmpty();
        }
    }

    /** An edge between two boxes, by id. */
    public record Line(String from, String to) {
    }

    /**
     * A namespace's band (or the nodes' band, with {@code nodes} set) and its boxes' frame.
     *
     * @param key what the band's content was laid out from: the same key means the same shape
     */
    public record Band(String namespace, boolean nodes, String title, double x, double y, double w, double h,
                       Object key) {

        public static final double HEADER = 30;
        public static final double PAD = 14;

        public boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    /** A pod's group box and cell index. */
    public record PodPlace(String boxId, int slot) {
    }

    /** A first layout: nothing earlier to keep, groups collapsed by size. */
    public static TopologyLayout of(Topology t) {
        return of(t, Map.of(), null);
    }

    /**
     * @param collapsed the user's choices, by group id: true to collapse, false to expand (groups
     *                  without a choice collapse above {@link #COLLAPSE_ABOVE} pods)
     * @param previous  the layout shown before, whose places are kept where they still fit, or null
     */
    public static TopologyLayout of(Topology t, Map<String, Boolean> collapsed, TopologyLayout previous) {
        return new LayoutBuilder(t, collapsed, previous).build();
    }

    /** Where cell {@code index} of a group sits, inside its box. */
    public static double[] cell(Box box, int index) {
        int columns = Math.max(1, box.columns());
        return new double[] {box.x() + PADDING + index % columns * (CELL + GAP),
            box.y() + HEADER + index / columns * (CELL + GAP)};
    }

    /** The band of {@code namespace}, or null. */
    public Band band(String namespace) {
        for (Band b : bands) {
            if (!b.nodes() && b.namespace().equals(namespace)) {
                return b;
            }
        }
        return null;
    }
}
