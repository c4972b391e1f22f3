package io.pitwall.ui.topology;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.Topology;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The topology drawn on one Canvas: only what is in view is drawn, so 10,000 pods cost what the
 * screen shows. Drag to pan, scroll to zoom, double-click to fit, click to select. Colours come
 * from the theme's tokens.
 */
public final class TopologyView extends Region {

    private static final String[] TOKENS = {"-pw-bg", "-pw-bg-subtle", "-pw-fg", "-pw-fg-muted", "-pw-border",
        "-pw-accent", "-pw-ok", "-pw-warn", "-pw-critical"};

    private final Canvas canvas = new Canvas();
    private final Map<String, Label> probes = new HashMap<>();
    private final Map<String, Color> colours = new HashMap<>();
    private final Map<Topology.Health, Color> health = new EnumMap<>(Topology.Health.class);
    private final ObjectProperty<KubeRef> selected = new SimpleObjectProperty<>(this, "selected");
    private TopologyLayout layout;
    private Map<String, Topology.Group> groups = Map.of();
    private double tx = 20;
    private double ty = 20;
    private double scale = 1;
    private double dragX;
    private double dragY;
    private boolean fitPending = true;

    public TopologyView() {
        getStyleClass().add("pw-topology");
        setId("topology-view");
        for (String token : TOKENS) {
            Label probe = new Label();
            probe.setStyle("-fx-text-fill: " + token + ";");
            probe.setManaged(false);
            probe.setVisible(false);
            probes.put(token, probe);
        }
        getChildren().add(canvas);
        getChildren().addAll(probes.values());
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.getStylesheets().addListener((ListChangeListener<String>) c -> javafx.application.Platform.runLater(this::restyle));
                javafx.application.Platform.runLater(this::restyle);
            }
        });
        setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseDragged(e -> {
            tx += e.getX() - dragX;
            ty += e.getY() - dragY;
            dragX = e.getX();
            dragY = e.getY();
            redraw();
        });
        setOnScroll(e -> {
            double factor = e.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
            zoomAt(e.getX(), e.getY(), factor);
        });
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                fit();
            } else if (e.isStillSincePress()) {
                selected.set(hit(e.getX(), e.getY()));
                redraw();
            }
        });
    }

    /** Shows {@code next}; the view keeps its pan and zoom (a changing cluster does not jump). */
    public void setLayout(TopologyLayout next) {
        boolean first = layout == null;
        layout = next;
        Map<String, Topology.Group> byId = new HashMap<>();
        next.topology().groups().forEach(g -> byId.put(g.id(), g));
        groups = byId;
        if (first) {
            fitPending = true;
        }
        requestLayout();
        redraw();
    }

    public TopologyLayout layoutShown() {
        return layout;
    }

    /** The selected ingress, service, workload or pod. */
    public ObjectProperty<KubeRef> selectedProperty() {
        return selected;
    }

    /** Scales and moves the picture so that all of it is in view. */
    public void fit() {
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        double s = Math.min((getWidth() - 40) / Math.max(1, layout.width()), (getHeight() - 40) / Math.max(1, layout.height()));
        scale = Math.max(0.02, Math.min(1.5, s));
        tx = (getWidth() - layout.width() * scale) / 2;
        ty = (getHeight() - layout.height() * scale) / 2;
        fitPending = false;
        redraw();
    }

    public void zoomAt(double x, double y, double factor) {
        double next = Math.max(0.02, Math.min(4, scale * factor));
        tx = x - (x - tx) * next / scale;
        ty = y - (y - ty) * next / scale;
        scale = next;
        redraw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        if (fitPending) {
            fit();
        }
        redraw();
    }

    /** Where the picture's point {@code (x, y)} is in the view now. */
    public javafx.geometry.Point2D toView(double x, double y) {
        return new javafx.geometry.Point2D(x * scale + tx, y * scale + ty);
    }

    /** What is at view position {@code (x, y)}: a pod cell, else the box there, else nothing. */
    public KubeRef hit(double x, double y) {
        if (layout == null) {
            return null;
        }
        double wx = (x - tx) / scale;
        double wy = (y - ty) / scale;
        for (TopologyLayout.Box b : layout.boxes().values()) {
            if (!b.contains(wx, wy)) {
                continue;
            }
            Topology.Group g = group(b);
            if (g != null && !b.collapsed()) {
                for (int i = 0; i < g.pods().size(); i++) {
                    double[] c = TopologyLayout.cell(b, i);
                    if (wx >= c[0] && wx <= c[0] + TopologyLayout.CELL && wy >= c[1] && wy <= c[1] + TopologyLayout.CELL) {
                        return g.pods().get(i).ref();
                    }
                }
            }
            return b.ref();
        }
        return null;
    }

    private Topology.Group group(TopologyLayout.Box b) {
        return groups.get(b.id());
    }

    private void restyle() {
        for (Map.Entry<String, Label> e : probes.entrySet()) {
            e.getValue().applyCss();
            Paint p = e.getValue().getTextFill();
            colours.put(e.getKey(), p instanceof Color c ? c : Color.GRAY);
        }
        health.put(Topology.Health.OK, colours.get("-pw-ok"));
        health.put(Topology.Health.PENDING, colours.get("-pw-fg-muted"));
        health.put(Topology.Health.NOT_READY, colours.get("-pw-warn"));
        health.put(Topology.Health.CRASHING, colours.get("-pw-critical"));
        health.put(Topology.Health.FAILED, colours.get("-pw-critical").darker());
        health.put(Topology.Health.SUCCEEDED, colours.get("-pw-border"));
        redraw();
    }

    private Color c(String token) {
        return colours.getOrDefault(token, Color.GRAY);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(c("-pw-bg"));
        g.fillRect(0, 0, w, h);
        if (layout == null || colours.isEmpty()) {
            return;
        }
        g.setTransform(scale, 0, 0, scale, tx, ty);
        double x0 = -tx / scale;
        double y0 = -ty / scale;
        double x1 = x0 + w / scale;
        double y1 = y0 + h / scale;

        g.setStroke(c("-pw-border"));
        g.setLineWidth(1.2 / scale);
        for (TopologyLayout.Line line : layout.lines()) {
            g.strokePolyline(line.xs(), line.ys(), line.xs().length);
        }
        Font font = Font.font(12);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        KubeRef sel = selected.get();
        boolean cellsVisible = TopologyLayout.CELL * scale >= 3;
        for (TopologyLayout.Box b : layout.boxes().values()) {
            if (b.x() > x1 || b.y() > y1 || b.x() + b.w() < x0 || b.y() + b.h() < y0) {
                continue; // not in view
            }
            boolean isSel = b.ref().equals(sel);
            g.setFill(c("-pw-bg-subtle"));
            g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 8, 8);
            g.setStroke(isSel ? c("-pw-accent") : c("-pw-border"));
            g.setLineWidth((isSel ? 2.5 : 1) / scale);
            g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), 8, 8);
            Topology.Group grp = group(b);
            if (scale * 12 >= 6) {
                g.setFill(c("-pw-fg"));
                String label = b.ref().kind() + " " + b.ref().name();
                if (grp != null) {
                    long bad = grp.unhealthy();
                    label += "  " + (grp.pods().size() - bad) + "/" + grp.pods().size();
                    int restarts = grp.pods().stream().mapToInt(PodInfo::restarts).sum();
                    if (restarts > 0) {
                        label += "  \u21bb" + restarts;
                    }
                }
                g.fillText(label, b.x() + 8, b.y() + (grp == null ? b.h() / 2 : 13), b.w() - 16);
            }
            if (grp == null) {
                continue;
            }
            if (b.collapsed() || !cellsVisible) {
                drawHealthBar(g, b, grp);
                continue;
            }
            List<PodInfo> pods = grp.pods();
            for (int i = 0; i < pods.size(); i++) {
                double[] cell = TopologyLayout.cell(b, i);
                if (cell[0] > x1 || cell[1] > y1 || cell[0] + TopologyLayout.CELL < x0 || cell[1] + TopologyLayout.CELL < y0) {
                    continue;
                }
                PodInfo p = pods.get(i);
                g.setFill(health.get(Topology.Health.of(p)));
                g.fillRoundRect(cell[0], cell[1], TopologyLayout.CELL, TopologyLayout.CELL, 4, 4);
                if (p.ref().equals(sel)) {
                    g.setStroke(c("-pw-accent"));
                    g.setLineWidth(2.5 / scale);
                    g.strokeRoundRect(cell[0] - 1.5, cell[1] - 1.5, TopologyLayout.CELL + 3, TopologyLayout.CELL + 3, 5, 5);
                }
            }
        }
    }

    /** A group too big (or too far) for cells: one bar split by health. */
    private void drawHealthBar(GraphicsContext g, TopologyLayout.Box b, Topology.Group grp) {
        double x = b.x() + TopologyLayout.PADDING;
        double y = b.y() + TopologyLayout.HEADER;
        double width = b.w() - 2 * TopologyLayout.PADDING;
        int n = Math.max(1, grp.pods().size());
        Map<Topology.Health, Integer> counts = new EnumMap<>(Topology.Health.class);
        grp.pods().forEach(p -> counts.merge(Topology.Health.of(p), 1, Integer::sum));
        for (Map.Entry<Topology.Health, Integer> e : counts.entrySet()) {
            double part = width * e.getValue() / n;
            g.setFill(health.get(e.getKey()));
            g.fillRect(x, y, part, 12);
            x += part;
        }
    }
}
