package io.pitwall.ui.topology;

import io.pitwall.ui.topology.TopologyLayout.Box;
import java.util.function.BiConsumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * The whole picture small, in a corner of the topology view, with the part in view framed. A
 * press or a drag in it centres the view there. The picture is drawn when the layout changes,
 * the frame when the view moves (two canvases, so moving costs one rectangle).
 */
final class Minimap extends Region {

    static final double MAX_W = 220;
    static final double MAX_H = 150;

    private final Canvas picture = new Canvas();
    private final Canvas frame = new Canvas();
    private TopologyLayout layout;
    private TopologyColours colours;
    private TopologyLayout shown;
    private double k = 1;
    private double ox;
    private double oy;
    private BiConsumer<Double, Double> onNavigate = (x, y) -> { };

    Minimap() {
        setId("topology-minimap");
        getStyleClass().add("pw-topology-minimap");
        getChildren().addAll(picture, frame);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::navigate);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::navigate);
        addEventHandler(MouseEvent.ANY, MouseEvent::consume);
    }

    /** Called with picture coordinates to centre the view on. */
    void setOnNavigate(BiConsumer<Double, Double> handler) {
        onNavigate = handler;
    }

    private void navigate(MouseEvent e) {
        if (layout != null) {
            onNavigate.accept(toPictureX(e.getX()), toPictureY(e.getY()));
        }
        e.consume();
    }

    double toPictureX(double mx) {
        return (mx - ox) / k;
    }

    double toPictureY(double my) {
        return (my - oy) / k;
    }

    /** Where picture point (x, y) is drawn in the minimap. */
    javafx.geometry.Point2D toMinimap(double x, double y) {
        return new javafx.geometry.Point2D(ox + x * k, oy + y * k);
    }

    /**
     * The size the minimap takes for {@code l} in a view of {@code vw} by {@code vh}: the
     * picture's aspect, at most {@link #MAX_W} by {@link #MAX_H} and a quarter of the view's
     * width and height.
     */
    static double[] sizeFor(TopologyLayout l, double vw, double vh) {
        if (l == null || l.width() <= 0 || l.height() <= 0) {
            return new double[] {0, 0};
        }
        double maxW = Math.min(MAX_W, Math.max(60, vw / 4));
        double maxH = Math.min(MAX_H, Math.max(50, vh / 4));
        double s = Math.min((maxW - 8) / l.width(), (maxH - 8) / l.height());
        return new double[] {l.width() * s + 8, l.height() * s + 8};
    }

    void setPicture(TopologyLayout next, TopologyColours c, double vw, double vh) {
        layout = next;
        colours = c;
        double[] size = sizeFor(next, vw, vh);
        if (size[0] == picture.getWidth() && size[1] == picture.getHeight() && next == shown) {
            return; // a resize of the view that leaves the minimap as it is
        }
        shown = next;
        picture.setWidth(size[0]);
        picture.setHeight(size[1]);
        frame.setWidth(size[0]);
        frame.setHeight(size[1]);
        setPrefSize(size[0], size[1]);
        resize(size[0], size[1]);
        drawPicture();
    }

    /** Draws the picture again (the theme's colours changed). */
    void redraw() {
        drawPicture();
    }

    private void drawPicture() {
        GraphicsContext g = picture.getGraphicsContext2D();
        double w = picture.getWidth();
        double h = picture.getHeight();
        g.clearRect(0, 0, w, h);
        if (layout == null || colours == null || w <= 0) {
            return;
        }
        g.setGlobalAlpha(0.92);
        g.setFill(colours.subtle());
        g.fillRoundRect(0, 0, w, h, 8, 8);
        g.setGlobalAlpha(1);
        g.setStroke(colours.border());
        g.setLineWidth(1);
        g.strokeRoundRect(0.5, 0.5, w - 1, h - 1, 8, 8);
        k = Math.min((w - 8) / layout.width(), (h - 8) / layout.height());
        ox = (w - layout.width() * k) / 2;
        oy = (h - layout.height() * k) / 2;
        g.setFill(colours.bg());
        for (TopologyLayout.Band b : layout.bands()) {
            g.fillRect(ox + b.x() * k, oy + b.y() * k, Math.max(1, b.w() * k), Math.max(1, b.h() * k));
        }
        for (Box b : layout.boxes().values()) {
            g.setFill(switch (b.kind()) {
                case GROUP, NODE -> b.pods().isEmpty() ? colours.muted() : colours.health(b.worst());
                default -> colours.muted();
            });
            g.fillRect(ox + b.x() * k, oy + b.y() * k, Math.max(1, b.w() * k), Math.max(1, b.h() * k));
        }
    }

    /** Frames the part of the picture in view. */
    void setViewport(double x, double y, double w, double h) {
        GraphicsContext g = frame.getGraphicsContext2D();
        g.clearRect(0, 0, frame.getWidth(), frame.getHeight());
        if (layout == null || colours == null) {
            return;
        }
        double fx = Math.max(1, ox + x * k);
        double fy = Math.max(1, oy + y * k);
        double fw = Math.min(frame.getWidth() - 1, ox + (x + w) * k) - fx;
        double fh = Math.min(frame.getHeight() - 1, oy + (y + h) * k) - fy;
        if (fw <= 0 || fh <= 0) {
            return;
        }
        g.setFill(colours.accent().deriveColor(0, 1, 1, 0.15));
        g.fillRect(fx, fy, fw, fh);
        g.setStroke(colours.accent());
        g.setLineWidth(1.5);
        g.strokeRect(fx, fy, fw, fh);
    }

    @Override
    protected void layoutChildren() {
        // the canvases keep the size of the picture
    }
}
