package io.pitwall.ui.topology;

import static io.pitwall.ui.topology.TopologyLegend.clip;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.NodeInfo;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.ui.topology.TopologyLayout.Band;
import io.pitwall.ui.topology.TopologyLayout.Box;
import io.pitwall.ui.topology.TopologyLayout.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link TopologyLayout} on a Canvas's GraphicsContext, in screen coordinates (no
 * scaling transform: Prism's software pipeline fills axis-aligned rectangles far faster than
 * transformed or stroked shapes). Only what intersects the view is drawn; texts only where they
 * are legible; pods as cells while a cell is at least a pixel wide, a health bar per group below
 * that; borders as two fills; round corners, curved edges and restart counts only when zoomed in
 * enough to see them. The view sets the fields, then calls {@link #paint}.
 */
final class TopologyPainter {

    /** Below this scale a box's 12-unit text would be smaller than 7 pixels: not drawn. */
    static final double TEXT_SCALE = 7.0 / 12;
    /** From this scale on, round corners and curved edges (few boxes are in view by then). */
    static final double DETAIL_SCALE = 0.45;
    static final Font SCREEN = Font.font(null, FontWeight.BOLD, 12);

    private TopologyLayout layout;
    private Map<String, NodeInfo> nodes = Map.of();
    private final Map<Long, Font> fonts = new HashMap<>();
    TopologyColours colours;
    double tx;
    double ty;
    double scale = 1;
    KubeRef selected;
    /** The node of the selected pod, or the selected node. */
    String selectedNode;
    /** Set when a node is selected: its pods stand out, the rest is dimmed. */
    String highlightNode;
    Set<String> involved = Set.of();
    Set<KubeRef> matches = Set.of();
    Map<KubeRef, Badge> badges = Map.of();
    /** Badges of groups, their own or summed up from their pods'. */
    Map<String, Badge> groupBadges = Map.of();
    boolean legend = true;
    /** When set, an overlay: the boxes and pods outside it are dimmed (the security overlay). */
    Set<KubeRef> spotlight;
    /** The boxes the spotlight lights: its objects' boxes and the groups of its pods. */
    Set<String> spotlightBoxes = Set.of();
    /** The service calls overlaid on the boxes, or none. */
    CallEdges calls = CallEdges.NONE;

    private double x0;
    private double y0;
    private double x1;
    private double y1;
    private boolean detail;
    private boolean text;

    void setLayout(TopologyLayout next) {
        layout = next;
        Map<String, NodeInfo> byName = new HashMap<>();
        next.topology().nodes().forEach(n -> byName.put(n.name(), n));
        nodes = byName;
    }

    void paint(GraphicsContext g, double w, double h) {
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setGlobalAlpha(1);
        g.setFill(colours.bg());
        g.fillRect(0, 0, w, h);
        if (layout == null) {
            return;
        }
        x0 = -tx / scale;
        y0 = -ty / scale;
        x1 = x0 + w / scale;
        y1 = y0 + h / scale;
        detail = scale >= DETAIL_SCALE;
        text = scale >= TEXT_SCALE;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (Band b : layout.bands()) {
            if (visible(b.x(), b.y(), b.w(), b.h())) {
                band(g, b);
            }
        }
        edges(g);
        for (Box b : layout.boxes().values()) {
            if (visible(b.x(), b.y(), b.w(), b.h())) {
                box(g, b);
            }
        }
        g.setGlobalAlpha(1);
        CallsPainter.paint(g, calls, colours, scale, tx, ty, new double[] {x0, y0, x1, y1}, text);
        if (!text) {
            bandTitlesOnScreen(g);
        }
        if (legend) {
            TopologyLegend.draw(g, colours, h);
        }
    }

    private boolean visible(double x, double y, double w, double h) {
        return x <= x1 && y <= y1 && x + w >= x0 && y + h >= y0;
    }

    private double sx(double x) {
        return x * scale + tx;
    }

    private double sy(double y) {
        return y * scale + ty;
    }

    /** A font of {@code size} picture units at the current scale. */
    private Font font(double size, boolean bold) {
        double px = Math.round(size * scale * 2) / 2.0;
        return fonts.computeIfAbsent((long) (px * 2) * 2 + (bold ? 1 : 0),
                k -> Font.font(null, bold ? FontWeight.BOLD : FontWeight.NORMAL, px));
    }

    /**
     * A filled rectangle with a one-pixel border, snapped to pixels; its corners cut by a pixel
     * when zoomed in (a hint of roundness: Prism's software pipeline fills rectangles far faster
     * than round ones).
     */
    private void frame(GraphicsContext g, double x, double y, double w, double h, Color fill, Color border) {
        double ax = Math.floor(sx(x));
        double ay = Math.floor(sy(y));
        double aw = Math.max(1, Math.round(sx(x + w)) - ax);
        double ah = Math.max(1, Math.round(sy(y + h)) - ay);
        g.setFill(border);
        if (detail && aw > 4 && ah > 4) {
            g.fillRect(ax + 1, ay, aw - 2, ah);
            g.fillRect(ax, ay + 1, 1, ah - 2);
            g.fillRect(ax + aw - 1, ay + 1, 1, ah - 2);
        } else {
            g.fillRect(ax, ay, aw, ah);
        }
        if (aw > 2 && ah > 2) {
            g.setFill(fill);
            g.fillRect(ax + 1, ay + 1, aw - 2, ah - 2);
        }
    }

    private void band(GraphicsContext g, Band b) {
        frame(g, b.x(), b.y(), b.w(), b.h(), colours.bg().interpolate(colours.subtle(), 0.45), colours.border());
        if (text) {
            g.setFont(font(15, true));
            g.setFill(colours.muted());
            g.fillText(clip(b.title(), (b.w() - 24) * scale, 8.6 * scale), sx(b.x() + 12), sy(b.y() + Band.HEADER / 2 + 1));
        }
    }

    /** Namespace titles at a fixed screen size when the picture is too small for its own text. */
    private void bandTitlesOnScreen(GraphicsContext g) {
        g.setFont(SCREEN);
        g.setTextBaseline(VPos.TOP);
        for (Band b : layout.bands()) {
            double width = b.w() * scale;
            if (width < 36 || !visible(b.x(), b.y(), b.w(), b.h())) {
                continue;
            }
            String title = clip(b.nodes() ? "nodes" : b.namespace(), width - 8, 7.4);
            double x = Math.round(sx(b.x())) + 4;
            double y = Math.round(sy(b.y())) + 3;
            g.setFill(colours.bg());
            g.fillRect(x - 2, y - 1, Math.min(width - 4, title.length() * 7.4 + 4), 15);
            g.setFill(colours.fg());
            g.fillText(title, x, y);
        }
        g.setTextBaseline(VPos.CENTER);
    }

    /**
     * Edges: one path of curves when zoomed in; far out, elbows of one-pixel rectangles (across,
     * down or up at the middle, across), which the software pipeline fills much faster than lines.
     */
    private void edges(GraphicsContext g) {
        g.setStroke(colours.border());
        g.setFill(colours.border());
        g.setLineWidth(1.3);
        if (detail) {
            g.beginPath();
        }
        for (TopologyLayout.Line line : layout.lines()) {
            Box a = layout.boxes().get(line.from());
            Box b = layout.boxes().get(line.to());
            double ax = a.x() + a.w();
            double ay = a.y() + Math.min(a.h() / 2, TopologyLayout.HEADER / 2);
            double bx = b.x();
            double by = b.y() + Math.min(b.h() / 2, TopologyLayout.HEADER / 2);
            if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) {
                continue;
            }
            if (detail) {
                double mx = sx((ax + bx) / 2);
                g.moveTo(sx(ax), sy(ay));
                g.bezierCurveTo(mx, sy(ay), mx, sy(by), sx(bx), sy(by));
            } else {
                double x = Math.round(sx(ax));
                double y = Math.round(sy(ay));
                double ex = Math.round(sx(bx));
                double ey = Math.round(sy(by));
                double mx = Math.round((x + ex) / 2);
                g.fillRect(Math.min(x, mx), y, Math.abs(mx - x) + 1, 1);
                g.fillRect(mx, Math.min(y, ey), 1, Math.abs(ey - y) + 1);
                g.fillRect(Math.min(mx, ex), ey, Math.abs(ex - mx) + 1, 1);
            }
        }
        if (detail) {
            g.stroke();
        }
    }

    private boolean dimmed(Box b) {
        return highlightNode != null && !involved.contains(b.id()) || spotlight != null && !spotlightBoxes.contains(b.id());
    }

    private void box(GraphicsContext g, Box b) {
        g.setGlobalAlpha(dimmed(b) ? 0.3 : 1);
        boolean sel = b.ref().equals(selected);
        boolean nodeOfSelection = b.kind() == Kind.NODE && b.ref().name().equals(selectedNode);
        boolean match = matches.contains(b.ref());
        Color border = sel || nodeOfSelection ? colours.accent() : match ? colours.fg() : colours.border();
        frame(g, b.x(), b.y(), b.w(), b.h(), colours.subtle(), border);
        if (sel || nodeOfSelection || match) {
            ring(g, b.x(), b.y(), b.w(), b.h(), border, sel ? 3 : 2);
        }
        switch (b.kind()) {
            case GROUP -> group(g, b);
            case NODE -> node(g, b);
            default -> {
                if (text) {
                    header(g, b, b.y() + b.h() / 2, b.kind() == Kind.SERVICE ? "svc" : "ing", null);
                }
            }
        }
        Badge badge = b.kind() == Kind.GROUP ? groupBadges.get(b.id()) : badges.get(b.ref());
        if (badge != null) {
            boxBadge(g, b, badge);
        }
        g.setGlobalAlpha(1);
    }

    /** An outline of {@code px} pixels around a picture rectangle. */
    private void ring(GraphicsContext g, double x, double y, double w, double h, Color c, double px) {
        g.setStroke(c);
        g.setLineWidth(px);
        g.strokeRect(Math.floor(sx(x)) - px / 2, Math.floor(sy(y)) - px / 2, w * scale + px, h * scale + px);
    }

    private void header(GraphicsContext g, Box b, double cy, String kind, String right) {
        double x = b.x() + 8;
        double y = sy(cy);
        g.setFill(colours.muted());
        g.setFont(font(10.5, false));
        if (b.kind() == Kind.GROUP) {
            g.fillText(b.collapsed() ? "\u25b8" : "\u25be", sx(x), y);
            x += 14;
        }
        double rightWidth = 0;
        if (right != null) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(right, sx(b.x() + b.w() - 8), y);
            g.setTextAlign(TextAlignment.LEFT);
            rightWidth = right.length() * 6.2 + 8;
        }
        // the kind goes first when the name fits beside it
        double kindWidth = kind.length() * 6.2 + 6;
        String name = b.ref().name();
        if (x + kindWidth + name.length() * 6.9 <= b.x() + b.w() - 8 - rightWidth) {
            g.fillText(kind, sx(x), y);
            x += kindWidth;
        }
        g.setFont(font(12, false));
        g.setFill(colours.fg());
        g.fillText(clip(name, (b.x() + b.w() - 8 - rightWidth - x) * scale, 6.9 * scale), sx(x), y);
    }

    private void group(GraphicsContext g, Box b) {
        if (text) {
            int n = b.pods().size();
            String right = (n - b.unhealthy()) + "/" + n + (b.restarts() > 0 ? "  \u21bb" + b.restarts() : "");
            header(g, b, b.y() + 13, TopologyLegend.kindWord(b.ref().kind()), right);
        }
        if (b.pods().isEmpty()) {
            if (text) {
                g.setFont(font(10.5, false));
                g.setFill(colours.muted());
                g.fillText("no pods", sx(b.x() + TopologyLayout.PADDING), sy(b.y() + TopologyLayout.HEADER + 6));
            }
            return;
        }
        if (b.collapsed() || TopologyLayout.CELL * scale < 1) {
            double barY = b.y() + TopologyLayout.HEADER;
            healthBar(g, b, b.x() + TopologyLayout.PADDING, barY, b.w() - 2 * TopologyLayout.PADDING,
                    b.collapsed() ? 12 : Math.max(3, b.h() - TopologyLayout.HEADER - TopologyLayout.PADDING));
            if (b.collapsed() && text) {
                g.setFont(font(10.5, false));
                g.setFill(colours.muted());
                g.fillText(clip(collapsedLine(b), (b.w() - 2 * TopologyLayout.PADDING) * scale, 5.6 * scale),
                        sx(b.x() + TopologyLayout.PADDING), sy(barY + 24));
            }
            return;
        }
        cells(g, b);
    }

    private String collapsedLine(Box b) {
        if (selected != null && "Pod".equals(selected.kind())) {
            for (PodInfo p : b.pods()) {
                if (p.ref().equals(selected)) {
                    return "\u25b6 " + p.name() + " (" + PodHealth.of(p).label() + ")";
                }
            }
        }
        if (highlightNode != null) {
            int on = 0;
            for (PodInfo p : b.pods()) {
                on += p.nodeName().equals(highlightNode) ? 1 : 0;
            }
            return on + " on " + highlightNode;
        }
        // the most urgent first: what is cut off at the end is the least of them
        List<PodHealth> order = new java.util.ArrayList<>(List.of(PodHealth.values()));
        order.sort(java.util.Comparator.comparingInt(PodHealth::urgency).reversed());
        StringBuilder s = new StringBuilder();
        for (PodHealth h : order) {
            int c = b.counts()[h.ordinal()];
            if (c > 0) {
                s.append(s.isEmpty() ? "" : " \u00b7 ").append(c).append(' ').append(h.label());
            }
        }
        return s.toString();
    }

    private void healthBar(GraphicsContext g, Box b, double x, double y, double width, double height) {
        int n = Math.max(1, b.pods().size());
        double at = sx(x);
        for (PodHealth h : PodHealth.values()) {
            int c = b.counts()[h.ordinal()];
            if (c == 0) {
                continue;
            }
            double part = width * scale * c / n;
            g.setFill(colours.health(h));
            g.fillRect(at, sy(y), Math.max(1, part), Math.max(1, height * scale));
            at += part;
        }
    }

    private void cells(GraphicsContext g, Box b) {
        List<PodInfo> pods = b.pods();
        byte[] health = b.health();
        double step = TopologyLayout.CELL + TopologyLayout.GAP;
        double size = TopologyLayout.CELL * scale;
        int columns = Math.max(1, b.columns());
        boolean round = size >= 10;
        double cut = Math.max(1, Math.round(size / 6));
        double left = b.x() + TopologyLayout.PADDING;
        double top = b.y() + TopologyLayout.HEADER;
        // only the rows and columns in view
        int firstRow = (int) Math.max(0, Math.floor((y0 - top) / step));
        int lastRow = (int) Math.min((pods.size() - 1) / columns, Math.floor((y1 - top) / step));
        int firstCol = (int) Math.max(0, Math.floor((x0 - left) / step));
        int lastCol = (int) Math.min(columns - 1, Math.floor((x1 - left) / step));
        boolean dimmed = highlightNode != null || spotlight != null;
        Color last = null;
        double alpha = 1;
        for (int row = firstRow; row <= lastRow; row++) {
            int to = Math.min(pods.size() - 1, row * columns + lastCol);
            for (int i = row * columns + firstCol; i <= to; i++) {
                double cx = sx(left + (i % columns) * step);
                double cy = sy(top + row * step);
                PodInfo p = pods.get(i);
                boolean lit = dimmed && (highlightNode == null || p.nodeName().equals(highlightNode))
                        && (spotlight == null || spotlight.contains(p.ref()));
                if (dimmed) {
                    double a = lit ? 1 : 0.15;
                    if (a != alpha) {
                        g.setGlobalAlpha(a);
                        alpha = a;
                    }
                }
                Color c = colours.health(PodHealth.ofOrdinal(health[i]));
                if (c != last) {
                    g.setFill(c);
                    last = c;
                }
                if (round) {
                    // corners cut, rectangles only (see frame)
                    g.fillRect(cx + cut, cy, size - 2 * cut, size);
                    g.fillRect(cx, cy + cut, cut, size - 2 * cut);
                    g.fillRect(cx + size - cut, cy + cut, cut, size - 2 * cut);
                    if (p.restarts() > 0) {
                        restartMark(g, cx, cy, size, p.restarts());
                        last = null;
                    }
                } else if (size < 3 && (lit || PodHealth.ofOrdinal(health[i]).unhealthy())) {
                    // far out, what needs a look (and a selected node's pods) stays visible
                    g.fillRect(cx + size / 2 - 1.5, cy + size / 2 - 1.5, 3, 3);
                } else {
                    g.fillRect(cx, cy, size, size);
                }
                if (!matches.isEmpty() || selected != null) {
                    KubeRef ref = p.ref();
                    boolean sel = ref.equals(selected);
                    if (sel || matches.contains(ref)) {
                        g.setStroke(sel ? colours.accent() : colours.fg());
                        double px = sel ? 2.5 : 1.5;
                        g.setLineWidth(px);
                        g.strokeRoundRect(cx - 1 - px / 2, cy - 1 - px / 2, size + 2 + px, size + 2 + px, 5, 5);
                    }
                }
                Badge badge = badges.isEmpty() ? null : badges.get(p.ref());
                if (badge != null) {
                    double d = Math.max(5, 6 * Math.min(1.5, scale));
                    g.setFill(colours.severity(badge.severity()));
                    g.fillOval(cx + size - d * 0.7, cy - d * 0.3, d, d);
                    g.setStroke(colours.bg());
                    g.setLineWidth(1);
                    g.strokeOval(cx + size - d * 0.7, cy - d * 0.3, d, d);
                    last = null;
                }
            }
        }
        g.setGlobalAlpha(dimmed(b) ? 0.3 : 1);
    }

    /** A restarted pod: its restart count when there is room, else a dot. */
    private void restartMark(GraphicsContext g, double cx, double cy, double size, int restarts) {
        g.setFill(colours.bg());
        if (size >= 22) {
            g.setFont(font(10, true));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(restarts > 99 ? "99+" : Integer.toString(restarts), cx + size / 2, cy + size / 2 + 0.5);
            g.setTextAlign(TextAlignment.LEFT);
        } else {
            g.fillOval(cx + size * 0.15, cy + size * 0.6, size * 0.28, size * 0.28);
        }
    }

    private void node(GraphicsContext g, Box b) {
        NodeInfo info = nodes.get(b.ref().name());
        boolean ready = info == null || info.ready();
        if (text) {
            header(g, b, b.y() + 12, "node", b.pods().size() + " pods");
            g.setFont(font(10.5, false));
            g.setFill(ready ? colours.health(PodHealth.RUNNING) : colours.health(PodHealth.CRASH_LOOPING));
            String status = (ready ? "Ready" : "NotReady") + (info != null && !info.schedulable() ? ", cordoned" : "");
            g.fillText(status, sx(b.x() + 8), sy(b.y() + 27));
            if (b.unhealthy() > 0) {
                g.setFill(colours.health(b.worst()));
                g.fillText(b.unhealthy() + " unhealthy", sx(b.x() + 8 + status.length() * 6.2 + 10), sy(b.y() + 27));
            }
        } else if (!ready) {
            g.setFill(colours.health(PodHealth.CRASH_LOOPING));
            g.fillRect(sx(b.x()), sy(b.y()), b.w() * scale, (b.h() - 7) * scale);
        }
        healthBar(g, b, b.x() + 6, b.y() + b.h() - 8, b.w() - 12, 4);
    }

    private void boxBadge(GraphicsContext g, Box b, Badge badge) {
        boolean words = !badge.text().isEmpty() && text;
        double height = Math.max(8, 16 * Math.min(scale, 1.5));
        double width = words ? Math.min(b.w() * scale - 16, badge.text().length() * 6.3 * Math.min(scale, 1.5) + 12) : height;
        double x = sx(b.x() + b.w()) - width - 6 * scale;
        double y = sy(b.y()) - height / 2;
        g.setFill(colours.severity(badge.severity()));
        g.fillRoundRect(x, y, width, height, height, height);
        g.setStroke(colours.bg());
        g.setLineWidth(1.5);
        g.strokeRoundRect(x, y, width, height, height, height);
        if (words) {
            g.setFill(colours.bg());
            g.setFont(font(10 * Math.min(1.5, scale) / scale, true));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(clip(badge.text(), width - 8, 6.3 * Math.min(scale, 1.5)), x + width / 2, y + height / 2 + 0.5);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }
}
