package io.pitwall.ui.topology;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.topology.TopologyLayout.Box;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

/**
 * The topology drawn on one Canvas: only what is in view is drawn, so 10,000 pods cost what the
 * screen shows, and at most once per pulse. Drag to pan, scroll to zoom, double-click to fit,
 * click to select, click a group's chevron to collapse or expand it; a minimap in the corner; find
 * with Ctrl+F or "/". Keys: arrows move the selection, + and - zoom, 0 or F fits, Enter expands a
 * collapsed group (or enters an expanded one's pods), Shift+Enter collapses, Escape clears.
 * Selecting a node highlights its pods everywhere. Colours come from the theme's tokens.
 */
public final class TopologyView extends Region {

    /** The scale that {@link #reveal} zooms in to, when the view is further out: texts are legible. */
    static final double READABLE = 1.0;

    private final Canvas canvas = new Canvas();
    private final TopologyColours colours = new TopologyColours();
    private final TopologyPainter painter = new TopologyPainter();
    private final Minimap minimap = new Minimap();
    private final SearchBar search;
    private final ObjectProperty<KubeRef> selected = new SimpleObjectProperty<>(this, "selected");
    private final Runnable pulse = this::drawIfDirty;
    private TopologyLayout layout;
    private Map<KubeRef, Badge> badges = Map.of();
    private List<io.pitwall.connectors.model.DependencyLink> callLinks = List.of();
    private BiConsumer<String, Boolean> collapseHandler = (id, collapse) -> { };
    private double scale = 1;
    private double tx = 20;
    private double ty = 20;
    private double dragX;
    private double dragY;
    private boolean fitPending = true;
    /** Whether the user has panned or zoomed since the last fit (then nothing re-fits on its own). */
    private boolean moved;
    private boolean dirty = true;

    public TopologyView() {
        getStyleClass().add("pw-topology");
        setId("topology-view");
        setFocusTraversable(true);
        canvas.setId("topology-canvas");
        painter.colours = colours;
        search = new SearchBar(() -> layout, ref -> {
            selected.set(ref);
            reveal(ref, true);
        }, found -> {
            painter.matches = found;
            requestRedraw();
        }, this::requestFocus);
        getChildren().add(canvas);
        colours.probes().forEach(getChildren()::add);
        getChildren().addAll(minimap, search);
        // the find field and the minimap stay inside the pane, however narrow
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        minimap.setOnNavigate(this::centreOn);
        io.pitwall.ui.fx.SceneHooks.install(this, pulse, this::restyle);
        selected.addListener((o, was, now) -> {
            updateHighlight();
            requestRedraw();
        });
        setOnMousePressed(e -> {
            requestFocus();
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseDragged(e -> {
            moved = true;
            tx += e.getX() - dragX;
            ty += e.getY() - dragY;
            dragX = e.getX();
            dragY = e.getY();
            requestRedraw();
        });
        setOnScroll(e -> zoomAt(e.getX(), e.getY(), e.getDeltaY() > 0 ? 1.15 : 1 / 1.15));
        setOnMouseClicked(e -> {
            if (!e.isStillSincePress()) {
                return;
            }
            Box chevron = chevronAt(e.getX(), e.getY());
            if (chevron != null) {
                if (e.getClickCount() == 1) {
                    collapseHandler.accept(chevron.id(), !chevron.collapsed());
                }
            } else if (e.getClickCount() == 2) {
                fit();
            } else {
                selected.set(hit(e.getX(), e.getY()));
            }
        });
        TopologyKeys keys = new TopologyKeys(this, search);
        addEventHandler(KeyEvent.KEY_PRESSED, keys::pressed);
        addEventHandler(KeyEvent.KEY_TYPED, keys::typed);
    }

    /** Shows {@code next}; the view keeps its pan and zoom (a changing cluster does not jump). */
    public void setLayout(TopologyLayout next) {
        boolean first = layout == null;
        layout = next;
        painter.setLayout(next);
        minimap.setPicture(next, colours, getWidth(), getHeight());
        if (first) {
            fitPending = true;
            requestLayout();
        }
        updateHighlight();
        updateBadges();
        painter.calls = CallEdges.place(callLinks, next);
        updateSpotlight();
        search.layoutChanged();
        requestRedraw();
    }

    public TopologyLayout layoutShown() {
        return layout;
    }

    /** The selected ingress, service, workload, pod or node. */
    public ObjectProperty<KubeRef> selectedProperty() {
        return selected;
    }

    /** Where a click on a group's chevron goes: (group id, collapse). The view model lays out again. */
    public void setCollapseHandler(BiConsumer<String, Boolean> handler) {
        collapseHandler = handler == null ? (id, collapse) -> { } : handler;
    }

    /**
     * Marks on boxes and pods (alerts, security findings...): a box shows its badge as a pill, a
     * pod as a dot on its cell, and a group also sums up its pods' badges. Replaces the earlier ones.
     */
    public void setBadges(Map<KubeRef, Badge> next) {
        badges = Map.copyOf(next);
        painter.badges = badges;
        updateBadges();
        requestRedraw();
    }

    /**
     * Overlays the service dependency graph: who calls whom, with call counts and error shares,
     * as arrows between the Services (or workloads) the trace services name. Empty removes it.
     */
    public void setCalls(List<io.pitwall.connectors.model.DependencyLink> links) {
        callLinks = List.copyOf(links);
        painter.calls = CallEdges.place(callLinks, layout);
        if (layout != null && !moved && !fitPending) {
            fit(); // the arcs may reach out of the picture: fitted in, unless the user has moved the view
        }
        requestRedraw();
    }

    /**
     * An overlay that dims every box and pod but {@code refs}' (a security overlay: what has
     * findings stands out); null removes it.
     */
    public void setSpotlight(Set<KubeRef> refs) {
        painter.spotlight = refs == null ? null : Set.copyOf(refs);
        updateSpotlight();
        requestRedraw();
    }

    public Set<KubeRef> spotlight() {
        return painter.spotlight;
    }

    private void updateSpotlight() {
        painter.spotlightBoxes = painter.spotlight == null || layout == null ? Set.of()
                : Highlights.spotlightBoxes(layout, painter.spotlight);
    }

    /** The service calls given, placed or not. */
    public List<io.pitwall.connectors.model.DependencyLink> callLinks() {
        return callLinks;
    }

    /** The service calls as placed on the layout shown. */
    public CallEdges calls() {
        return painter.calls;
    }

    public Map<KubeRef, Badge> badges() {
        return badges;
    }

    /** The badge a group box shows: its own, else one summing up its pods' badges. */
    public Badge groupBadge(String groupId) {
        return painter.groupBadges.get(groupId);
    }

    /** Scales and moves the picture so that all of it is in view. */
    public void fit() {
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        // the service calls' arcs may reach out left of the picture: they are fitted in too
        double left = painter.calls.minX();
        double width = layout.width() - left;
        double s = Math.min((getWidth() - 40) / Math.max(1, width), (getHeight() - 40) / Math.max(1, layout.height()));
        scale = Math.max(0.02, Math.min(1.5, s));
        tx = (getWidth() - width * scale) / 2 - left * scale;
        moved = false;
        ty = (getHeight() - layout.height() * scale) / 2;
        fitPending = false;
        requestRedraw();
    }

    public void zoomAt(double x, double y, double factor) {
        double next = Math.max(0.02, Math.min(4, scale * factor));
        moved = true;
        tx = x - (x - tx) * next / scale;
        ty = y - (y - ty) * next / scale;
        scale = next;
        requestRedraw();
    }

    /** Moves the view so that picture point (x, y) is in its middle. */
    public void centreOn(double x, double y) {
        moved = true;
        tx = getWidth() / 2 - x * scale;
        ty = getHeight() / 2 - y * scale;
        fitPending = false;
        requestRedraw();
    }

    /** Sets the scale, keeping the middle of the view where it is. */
    public void setScale(double next) {
        zoomAt(getWidth() / 2, getHeight() / 2, next / scale);
    }

    public double scale() {
        return scale;
    }

    /** The part of the picture in view, in picture coordinates. */
    public Rectangle2D viewport() {
        return new Rectangle2D(-tx / scale, -ty / scale, getWidth() / scale, getHeight() / scale);
    }

    /** Where the picture's point {@code (x, y)} is in the view now. */
    public Point2D toView(double x, double y) {
        return new Point2D(x * scale + tx, y * scale + ty);
    }

    /** What is at view position {@code (x, y)}: a pod cell, else the box there, else nothing. */
    public KubeRef hit(double x, double y) {
        if (layout == null) {
            return null;
        }
        double wx = (x - tx) / scale;
        double wy = (y - ty) / scale;
        for (Box b : layout.boxes().values()) {
            if (!b.contains(wx, wy)) {
                continue;
            }
            if (b.showsCells()) {
                double step = TopologyLayout.CELL + TopologyLayout.GAP;
                int col = (int) Math.floor((wx - b.x() - TopologyLayout.PADDING) / step);
                int row = (int) Math.floor((wy - b.y() - TopologyLayout.HEADER) / step);
                int slot = row * b.columns() + col;
                if (col >= 0 && col < b.columns() && row >= 0 && slot < b.pods().size()) {
                    double[] c = TopologyLayout.cell(b, slot);
                    if (wx <= c[0] + TopologyLayout.CELL && wy <= c[1] + TopologyLayout.CELL) {
                        return b.pods().get(slot).ref();
                    }
                }
            }
            return b.ref();
        }
        return null;
    }

    private Box chevronAt(double x, double y) {
        if (layout == null) {
            return null;
        }
        double wx = (x - tx) / scale;
        double wy = (y - ty) / scale;
        for (Box b : layout.boxes().values()) {
            if (b.chevronAt(wx, wy)) {
                return b;
            }
        }
        return null;
    }

    /** The user asks to collapse or expand a group (the view model lays out again). */
    void requestCollapse(Box group, boolean collapse) {
        collapseHandler.accept(group.id(), collapse);
    }

    // --- search -------------------------------------------------------------------------------

    /** Shows the find field and puts the cursor in it. */
    public void openSearch() {
        search.open();
        requestLayout();
    }

    /** Closes the find field and clears its highlights. */
    public void closeSearch() {
        search.close();
    }

    /** Whether the find field is open. */
    public boolean searchShown() {
        return search.isVisible();
    }

    /** What the find field's text matches, in the order Enter visits them. */
    public List<KubeRef> searchMatches() {
        return search.matches();
    }

    public javafx.scene.control.TextField searchField() {
        return search.field();
    }

    /** The find field's "2 / 17". */
    public String searchCount() {
        return search.countText();
    }

    // --- showing what is selected -------------------------------------------------------------

    /**
     * Brings {@code ref} into view: centred, zoomed in to a legible scale when {@code centre},
     * else moved only as far as needed to show it.
     */
    public void reveal(KubeRef ref, boolean centre) {
        Rectangle2D r = rectOf(ref);
        if (r == null || getWidth() <= 0) {
            return;
        }
        if (centre) {
            if (scale < READABLE) {
                scale = READABLE;
            }
            centreOn(r.getMinX() + r.getWidth() / 2, r.getMinY() + Math.min(r.getHeight(), 200) / 2);
            return;
        }
        double[] d = TopologyNavigator.nudge(r, viewport(), 30 / scale);
        tx += d[0] * scale;
        ty += d[1] * scale;
        requestRedraw();
    }

    /** The rectangle of a box, a pod's cell, or a collapsed group's box for its pods. */
    Rectangle2D rectOf(KubeRef ref) {
        return TopologyNavigator.rectOf(layout, ref);
    }

    /** The node whose pods are highlighted (a node is selected), or null. */
    public String highlightedNode() {
        return painter.highlightNode;
    }

    /** The pods highlighted by the selected node: all its pods, wherever their groups are. */
    public Set<KubeRef> highlightedPods() {
        return layout == null || painter.highlightNode == null ? Set.of() : Highlights.podsOn(layout, painter.highlightNode);
    }

    /** The boxes not dimmed while a node is selected: its pods' groups, what routes to them, the node. */
    public Set<String> highlightedBoxes() {
        return painter.involved;
    }

    private void updateHighlight() {
        KubeRef sel = selected.get();
        painter.selected = sel;
        painter.highlightNode = null;
        painter.selectedNode = null;
        painter.involved = Set.of();
        if (layout == null || sel == null) {
            return;
        }
        Box box = layout.byRef().get(sel);
        TopologyLayout.PodPlace place = layout.places().get(sel);
        if (box != null && box.kind() == TopologyLayout.Kind.NODE) {
            painter.highlightNode = sel.name();
            painter.selectedNode = sel.name();
            painter.involved = Highlights.involvedWith(layout, box);
        } else if (place != null) {
            painter.selectedNode = layout.boxes().get(place.boxId()).pods().get(place.slot()).nodeName();
        }
    }

    private void updateBadges() {
        painter.groupBadges = Highlights.groupBadges(layout, badges);
    }

    // --- drawing ------------------------------------------------------------------------------

    private void restyle() {
        colours.read();
        if (layout != null) {
            minimap.redraw();
        }
        requestRedraw();
    }

    private void requestRedraw() {
        dirty = true;
        showMinimapIfUseful();
        Platform.requestNextPulse();
    }

    /** The minimap, when some of the picture is out of view and there is room for it. */
    private void showMinimapIfUseful() {
        minimap.setVisible(layout != null && getWidth() >= 420 && getHeight() >= 260
                && !viewport().contains(new Rectangle2D(0, 0, layout.width(), layout.height())));
    }

    private void drawIfDirty() {
        if (dirty) {
            redrawNow();
        }
    }

    /** Draws at once (the view otherwise draws at most once per pulse, when something changed). */
    public void redrawNow() {
        dirty = false;
        painter.tx = tx;
        painter.ty = ty;
        painter.scale = scale;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        painter.legend = w >= 560 + Minimap.MAX_W;
        painter.paint(canvas.getGraphicsContext2D(), w, h);
        if (layout != null) {
            Rectangle2D v = viewport();
            minimap.setViewport(v.getMinX(), v.getMinY(), v.getWidth(), v.getHeight());
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
            if (layout != null) {
                minimap.setPicture(layout, colours, w, h);
            }
            showMinimapIfUseful();
        }
        minimap.relocate(w - minimap.getWidth() - 10, h - minimap.getHeight() - 10);
        search.autosize();
        search.relocate(10, 10);
        if (fitPending && layout != null && w > 0 && h > 0) {
            fit();
            // the first view: when the whole is too small to read but legible text cuts off only a
            // little of it, legible text (the minimap shows the rest)
            double legible = TopologyPainter.TEXT_SCALE + 0.05;
            if (scale < TopologyPainter.TEXT_SCALE && scale * 1.3 >= legible) {
                scale = legible;
                double left = painter.calls.minX(); // the service calls' arcs, left of the picture
                double width = layout.width() - left;
                tx = Math.max(20, (w - width * scale) / 2);
                ty = Math.max(20, (h - layout.height() * scale) / 2);
                tx = (width * scale > w - 40 ? 20 : tx) - left * scale;
                ty = layout.height() * scale > h - 40 ? 20 : ty;
                requestRedraw();
            }
        }
        drawIfDirty();
    }

    Minimap minimap() {
        return minimap;
    }
}
