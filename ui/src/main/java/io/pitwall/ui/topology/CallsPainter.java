package io.pitwall.ui.topology;

import io.pitwall.ui.topology.TopologyLayout.Box;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws {@link CallEdges} over the topology: a curved arrow from caller to callee, thicker with
 * more calls, in the accent colour or, when more than {@value #ERROR_SHARE_PERCENT}% of the calls
 * failed, the critical one; its label (calls and error share) where the view is legible. Screen
 * coordinates, as {@link TopologyPainter} draws; only the edges that cross the view.
 */
final class CallsPainter {

    static final double ERROR_SHARE_PERCENT = 5;
    private static final Font LABEL = Font.font(null, FontWeight.BOLD, 11);

    private CallsPainter() {
    }

    /**
     * @param view {x0, y0, x1, y1}: the picture's part in view, in layout units
     */
    static void paint(GraphicsContext g, CallEdges calls, TopologyColours colours, double scale, double tx, double ty,
                      double[] view, boolean text) {
        if (calls.edges().isEmpty()) {
            return;
        }
        long most = 1;
        for (CallEdges.Edge e : calls.edges()) {
            most = Math.max(most, e.calls());
        }
        g.setGlobalAlpha(1);
        g.setFont(LABEL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (CallEdges.Edge e : calls.edges()) {
            Box a = e.from();
            Box b = e.to();
            // callee to the right: right side to left side; to the left: the other way round;
            // in the same column: an arc out to the left, wider the further apart they are
            double ay = a.y() + Math.min(a.h() / 2, TopologyLayout.HEADER / 2);
            double by = b.y() + Math.min(b.h() / 2, TopologyLayout.HEADER / 2);
            int route = b.x() >= a.x() + a.w() ? 1 : b.x() + b.w() <= a.x() ? -1 : 0;
            double ax = route == 1 ? a.x() + a.w() : a.x();
            double bx = route == -1 ? b.x() + b.w() : b.x();
            if (Math.max(ax, bx) < view[0] - 200 || Math.min(ax, bx) > view[2] + 60
                    || Math.max(ay, by) < view[1] - 60 || Math.min(ay, by) > view[3] + 60) {
                continue;
            }
            boolean failing = e.errorRate() * 100 > ERROR_SHARE_PERCENT;
            Color c = failing ? colours.get("-pw-critical") : colours.accent();
            double sax = ax * scale + tx;
            double say = ay * scale + ty;
            double sbx = bx * scale + tx;
            double sby = by * scale + ty;
            double c1x;
            double c2x;
            if (route == 0) {
                double out = CallEdges.bulge(a, b) * scale;
                c1x = sax - out;
                c2x = sbx - out;
            } else {
                c1x = (sax + sbx) / 2;
                c2x = c1x;
            }
            double c1y = say;
            double c2y = sby;
            g.setStroke(c);
            g.setLineWidth(1.2 + 2 * Math.log1p(e.calls()) / Math.log1p(most));
            g.setLineDashes(6, 4);
            g.beginPath();
            g.moveTo(sax, say);
            g.bezierCurveTo(c1x, c1y, c2x, c2y, sbx, sby);
            g.stroke();
            g.setLineDashes();
            arrowHead(g, c, c2x, c2y, sbx, sby);
            if (text) {
                // the curve's middle (t = 0.5)
                double mx = 0.125 * sax + 0.375 * c1x + 0.375 * c2x + 0.125 * sbx;
                double my = 0.125 * say + 0.375 * c1y + 0.375 * c2y + 0.125 * sby;
                String label = label(e);
                double w = label.length() * 6.6 + 10;
                g.setFill(colours.bg());
                g.fillRect(mx - w / 2, my - 8, w, 16);
                g.setStroke(c);
                g.setLineWidth(1);
                g.strokeRect(mx - w / 2 + 0.5, my - 7.5, w - 1, 15);
                g.setFill(colours.fg());
                g.fillText(label, mx, my);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** "1,204 calls · 3.2% err", or "12 calls" when none failed. */
    static String label(CallEdges.Edge e) {
        String calls = String.format(Locale.ROOT, "%,d call%s", e.calls(), e.calls() == 1 ? "" : "s");
        if (e.errors() == 0) {
            return calls;
        }
        double share = e.errorRate() * 100;
        return calls + String.format(Locale.ROOT, share < 10 ? " · %.1f%% err" : " · %.0f%% err", share);
    }

    private static void arrowHead(GraphicsContext g, Color c, double fromX, double fromY, double x, double y) {
        double angle = Math.atan2(y - fromY, x - fromX);
        double size = 9;
        g.setFill(c);
        g.fillPolygon(new double[] {x, x - size * Math.cos(angle - 0.4), x - size * Math.cos(angle + 0.4)},
                new double[] {y, y - size * Math.sin(angle - 0.4), y - size * Math.sin(angle + 0.4)}, 3);
    }
}
