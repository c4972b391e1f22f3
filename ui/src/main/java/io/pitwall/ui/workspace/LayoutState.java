package io.pitwall.ui.workspace;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The arrangement of the workspace's panes, as plain data: what the layout file holds and what
 * {@link DockingWorkspace} builds from. The first window is the main window; the others float.
 */
public record LayoutState(int version, List<Window> windows) {

    public static final int VERSION = 1;

    public LayoutState {
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a layout has at least the main window");
        }
    }

    /** A window: the main one (bounds ignored) or a floating one at {@code x, y, width, height}. */
    public record Window(double x, double y, double width, double height, Node root) {
        public Window {
            Objects.requireNonNull(root, "root");
        }
    }

    /** A split of children side by side, or a stack of panes shown as tabs. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Split.class, name = "split"),
        @JsonSubTypes.Type(value = Stack.class, name = "stack")
    })
    public sealed interface Node permits Split, Stack {
    }

    /** Children laid out horizontally or vertically; {@code dividers} as SplitPane positions. */
    public record Split(boolean vertical, List<Double> dividers, List<Node> children) implements Node {
        public Split {
            dividers = List.copyOf(dividers);
            children = List.copyOf(children);
        }
    }

    /** Panes shown as tabs, {@code selected} in front. */
    public record Stack(List<String> panes, String selected) implements Node {
        public Stack {
            panes = List.copyOf(panes);
        }
    }

    /** Every pane id the layout places, in order of appearance. */
    public List<String> paneIds() {
        List<String> ids = new ArrayList<>();
        windows.forEach(w -> collect(w.root(), ids));
        return ids;
    }

    private static void collect(Node node, List<String> into) {
        switch (node) {
            case Stack s -> into.addAll(s.panes());
            case Split s -> s.children().forEach(c -> collect(c, into));
        }
    }

    /**
     * Whether this layout can be restored as it is: every pane placed exactly once, all of them
     * known. A layout saved by an older or newer Pitwall that fails this is replaced by the default.
     */
    public boolean placesExactly(Set<String> knownPanes) {
        List<String> ids = paneIds();
        return version == VERSION && ids.size() == knownPanes.size() && new HashSet<>(ids).equals(knownPanes);
    }

    /** The default arrangement: topology and details beside metrics over logs; signals below. */
    public static LayoutState defaults() {
        Node center = new Split(true, List.of(0.5), List.of(
                new Stack(List.of(PaneId.METRICS.id()), PaneId.METRICS.id()),
                new Stack(List.of(PaneId.LOGS.id(), PaneId.TRACES.id()), PaneId.LOGS.id())));
        Node top = new Split(false, List.of(0.34, 0.78), List.of(
                new Stack(List.of(PaneId.TOPOLOGY.id()), PaneId.TOPOLOGY.id()),
                center,
                new Stack(List.of(PaneId.DETAILS.id()), PaneId.DETAILS.id())));
        Node bottom = new Split(false, List.of(0.6), List.of(
                new Stack(List.of(PaneId.TIMELINE.id()), PaneId.TIMELINE.id()),
                new Stack(List.of(PaneId.ALERTS.id(), PaneId.SECURITY.id(), PaneId.EVENTS.id()), PaneId.ALERTS.id())));
        Node root = new Split(true, List.of(0.68), List.of(top, bottom));
        return new LayoutState(VERSION, List.of(new Window(0, 0, 0, 0, root)));
    }
}
