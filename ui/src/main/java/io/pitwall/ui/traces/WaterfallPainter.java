package io.pitwall.ui.traces;

import io.pitwall.connectors.model.Trace;
import java.util.Arrays;
import java.util.BitSet;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the waterfall's time header and the rows in view (and nothing else): per row the
 * collapse toggle, the service's colour, service and operation indented by depth, the flags'
 * marks, and the span's bar on the time axis with its critical pieces and duration.
 */
final class WaterfallPainter {

    static final double ROW_H = 20;
    static final double HEADER_H = 24;
    static final double INDENT = 12;
    static final double TOGGLE_W = 12;
    /** Past this many levels the label column stops indenting and says the depth instead. */
    static final int MAX_INDENT_LEVELS = 16;

    private final Font font = Font.font("System", 12);
    private final Font small = Font.font("System", 10);
    private final Font bold = Font.font("System", FontWeight.BOLD, 10);

    WaterfallColours colours;
    WaterfallData data;
    int topRow;
    int selected = -1;
    BitSet hits = new BitSet();
    int currentHit = -1;
    boolean showCritical = true;
    long viewFrom;
    long viewTo;
    /** A time window being dragged out on the header (nanoseconds), or Long.MIN_VALUE. */
    long dragFrom = Long.MIN_VALUE;
    long dragTo = Long.MIN_VALUE;
    /** The shared time cursor (epoch nanoseconds), or Long.MIN_VALUE for none. */
    long cursor = Long.MIN_VALUE;
    long frames;
    private int[] drawn = new int[0];
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
    private final java.util.Map<String, Double> serviceWidths = new java.util.HashMap<>();

    /** How wide a service's name is drawn in bold (services are few: measured once each). */
    private double serviceWidth(String service) {
        return serviceWidths.computeIfAbsent(service, s -> {
            measure.setFont(bold);
            measure.setText(s);
            return measure.getLayoutBounds().getWidth();
        });
    }

    double labelWidth(double w) {
        return Math.max(160, Math.min(420, w * 0.32));
    }

    double barLeft(double w) {
        return labelWidth(w) + 8;
    }

    double barWidth(double w) {
        return Math.max(1, w - barLeft(w) - 60);
    }

    double xOf(long t, double w) {
        double span = Math.max(1, viewTo - viewFrom);
        return barLeft(w) + (t - viewFrom) / span * barWidth(w);
    }

    long timeAt(double x, double w) {
        double span = Math.max(1, viewTo - viewFrom);
        return viewFrom + Math.round((x - barLeft(w)) / barWidth(w) * span);
    }

    int visibleRows(double h) {
        return Math.max(1, (int) ((h - HEADER_H) / ROW_H));
    }

    /** The row under {@code y}, or -1 (the header, or past the last row). */
    int rowAt(double y) {
        if (data == null || y < HEADER_H) {
            return -1;
        }
        int row = topRow + (int) ((y - HEADER_H) / ROW_H);
        return row < data.rows().count() ? row : -1;
    }

    double rowTop(int row) {
        return HEADER_H + (row - topRow) * ROW_H;
    }

    /** Where a span's collapse toggle starts (its indent). */
    double toggleX(int span) {
        int depth = data.trace().depth(span);
        // deeper than the column can indent: a small indent, and the level written out
        return 4 + (depth <= MAX_INDENT_LEVELS ? depth : 1) * INDENT;
    }

    int[] drawnSpans() {
        return drawn.clone();
    }

    void paint(GraphicsContext g, double w, double h) {
        frames++;
        g.setFill(colours.bg());
        g.fillRect(0, 0, w, h);
        if (data == null || w <= 0 || h <= 0) {
            drawn = new int[0];
            return;
        }
        Trace trace = data.trace();
        WaterfallRows rows = data.rows();
        double label = labelWidth(w);
        double[] ticks = ticks(w);
        // grid under the rows
        g.setStroke(colours.border().deriveColor(0, 1, 1, 0.5));
        g.setLineWidth(1);
        for (double x : ticks) {
            double sx = Math.round(x) + 0.5;
            g.strokeLine(sx, HEADER_H, sx, h);
        }
        int visible = visibleRows(h) + 1;
        int last = Math.min(rows.count(), topRow + visible);
        int[] out = new int[Math.max(0, last - topRow)];
        g.setTextBaseline(VPos.CENTER);
        for (int row = topRow; row < last; row++) {
            int span = rows.span(row);
            out[row - topRow] = span;
            double y = rowTop(row);
            rowBackground(g, span, y, w);
            rowLabel(g, trace, rows, span, y, label);
            bar(g, trace, span, y, w);
        }
        drawn = out;
        // the divider between labels and bars, then the header over everything
        g.setStroke(colours.border());
        g.strokeLine(Math.round(label) + 0.5, 0, Math.round(label) + 0.5, h);
        header(g, w, ticks);
        cursorLine(g, w, h);
    }

    /** The shared time cursor across rows and header, when it falls in the window shown. */
    private void cursorLine(GraphicsContext g, double w, double h) {
        if (cursor == Long.MIN_VALUE || cursor < viewFrom || cursor > viewTo) {
            return;
        }
        double x = Math.round(xOf(cursor, w)) + 0.5;
        g.setStroke(colours.accent());
        g.setLineWidth(1.5);
        g.setLineDashes(4, 3);
        g.strokeLine(x, 0, x, h);
        g.setLineDashes();
        g.setLineWidth(1);
    }

    private void rowBackground(GraphicsContext g, int span, double y, double w) {
        Color back = null;
        if (span == selected) {
            back = colours.accent().deriveColor(0, 1, 1, 0.30);
        } else if (span == currentHit) {
            back = colours.warn().deriveColor(0, 1, 1, 0.40);
        } else if (hits.get(span)) {
            back = colours.warn().deriveColor(0, 1, 1, 0.16);
        }
        if (back != null) {
            g.setFill(back);
            g.fillRect(0, y, w, ROW_H);
        }
        if (span == currentHit) {
            g.setFill(colours.warn());
            g.fillRect(0, y, 3, ROW_H);
        }
    }

    private void rowLabel(GraphicsContext g, Trace trace, WaterfallRows rows, int span, double y, double label) {
        double mid = y + ROW_H / 2;
        double x = toggleX(span);
        g.save();
        g.beginPath();
        g.rect(0, y, label - 2, ROW_H);
        g.clip();
        if (rows.hasChildren(span)) {
            g.setFill(colours.muted());
            double cx = x + TOGGLE_W / 2;
            if (rows.isCollapsed(span)) {
                g.fillPolygon(new double[] {cx - 3, cx + 3, cx - 3}, new double[] {mid - 4, mid, mid + 4}, 3);
            } else {
                g.fillPolygon(new double[] {cx - 4, cx + 4, cx}, new double[] {mid - 2, mid - 2, mid + 3}, 3);
            }
        }
        x += TOGGLE_W + 2;
        int depth = trace.depth(span);
        g.setFont(small);
        if (depth > MAX_INDENT_LEVELS) {
            String d = "level " + depth;
            g.setFill(colours.muted());
            g.fillText(d, x, mid);
            x += 5.6 * d.length() + 4;
        }
        g.setFill(colours.service(data.serviceIndex(span)));
        g.fillRect(x, y + 4, 4, ROW_H - 8);
        x += 8;
        x = marks(g, trace.flags(span), x, mid);
        g.setFont(bold);
        g.setFill(colours.fg());
        String service = trace.service(span);
        g.fillText(service, x, mid);
        x += serviceWidth(service) + 6;
        g.setFont(font);
        g.setFill(colours.muted());
        if (rows.hasChildren(span) && rows.isCollapsed(span)) {
            g.fillText(trace.operation(span) + "  (+" + (rows.subtreeSize(span) - 1) + ")", x, mid);
        } else {
            g.fillText(trace.operation(span), x, mid);
        }
        g.restore();
    }

    /** The flags' marks: a red dot for an error, a letter badge for each problem. */
    private double marks(GraphicsContext g, int flags, double x, double mid) {
        if ((flags & Trace.ERROR) != 0) {
            g.setFill(colours.critical());
            g.fillOval(x, mid - 4, 8, 8);
            x += 11;
        }
        for (int k = 0; k < FLAG_LETTERS.length; k++) {
            if ((flags & FLAG_BITS[k]) != 0) {
                g.setFill(colours.warn());
                g.fillRoundRect(x, mid - 6, 12, 12, 4, 4);
                g.setFill(colours.bg());
                g.setFont(bold);
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(FLAG_LETTERS[k], x + 6, mid);
                g.setTextAlign(TextAlignment.LEFT);
                x += 15;
            }
        }
        return x;
    }

    static final int[] FLAG_BITS = {Trace.ORPHAN, Trace.DUPLICATE_ID, Trace.CLOCK_SKEW, Trace.CYCLE};
    static final String[] FLAG_LETTERS = {"O", "D", "S", "C"};

    private void bar(GraphicsContext g, Trace trace, int span, double y, double w) {
        double left = barLeft(w);
        double right = left + barWidth(w);
        long start = trace.startNanos(span);
        long end = trace.endNanos(span);
        if (end < viewFrom || start > viewTo) {
            return;
        }
        double x0 = Math.max(left, xOf(start, w));
        double x1 = Math.min(right, xOf(end, w));
        double bw = Math.max(1.5, x1 - x0);
        boolean error = trace.isError(span);
        Color fill = colours.service(data.serviceIndex(span));
        g.setFill(fill);
        g.fillRect(x0, y + 5, bw, ROW_H - 10);
        if (error) {
            g.setStroke(colours.critical());
            g.setLineWidth(1.5);
            g.strokeRect(x0, y + 4.5, bw, ROW_H - 9);
            g.setLineWidth(1);
        }
        if (showCritical) {
            CriticalPath cp = data.criticalPath();
            g.setFill(colours.fg().deriveColor(0, 1, 1, 0.85));
            for (int j = 0; j < data.sectionCount(span); j++) {
                int k = data.section(span, j);
                double s0 = Math.max(left, xOf(cp.sectionStart(k), w));
                double s1 = Math.min(right, xOf(cp.sectionEnd(k), w));
                if (s1 > s0 - 1) {
                    g.fillRect(s0, y + ROW_H / 2 - 1.5, Math.max(1, s1 - s0), 3);
                }
            }
        }
        g.setFont(small);
        g.setFill(error ? colours.critical() : colours.muted());
        String d = Durations.format(trace.durationNanos(span));
        if (x0 + bw + 4 + d.length() * 6 < w) {
            g.fillText(d, x0 + bw + 4, y + ROW_H / 2);
        } else {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(d, x0 - 4, y + ROW_H / 2);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    private void header(GraphicsContext g, double w, double[] ticks) {
        g.setFill(colours.subtle());
        g.fillRect(0, 0, w, HEADER_H);
        g.setStroke(colours.border());
        g.strokeLine(0, HEADER_H - 0.5, w, HEADER_H - 0.5);
        g.setFont(small);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(colours.muted());
        Trace trace = data.trace();
        boolean zoomed = viewFrom != trace.startNanos() || viewTo != trace.endNanos();
        g.fillText(String.format("%,d spans · %s%s", trace.spanCount(), Durations.format(trace.durationNanos()),
                zoomed ? " · zoomed" : ""), 6, HEADER_H / 2);
        long origin = trace.startNanos();
        long step = step(w);
        for (double x : ticks) {
            long t = timeAt(x, w);
            long rounded = Math.round((double) (t - origin) / step) * step;
            g.setStroke(colours.border());
            g.strokeLine(Math.round(x) + 0.5, HEADER_H - 6, Math.round(x) + 0.5, HEADER_H);
            g.setFill(colours.muted());
            g.fillText(Durations.tick(rounded, step), x + 3, HEADER_H / 2);
        }
        if (dragFrom != Long.MIN_VALUE && dragTo != Long.MIN_VALUE) {
            double a = xOf(Math.min(dragFrom, dragTo), w);
            double b = xOf(Math.max(dragFrom, dragTo), w);
            g.setFill(colours.accent().deriveColor(0, 1, 1, 0.25));
            g.fillRect(a, 0, Math.max(1, b - a), HEADER_H);
            g.setStroke(colours.accent());
            g.strokeRect(a, 0.5, Math.max(1, b - a), HEADER_H - 1);
        }
    }

    /** A round step between ticks, about 110 pixels apart. */
    long step(double w) {
        double span = Math.max(1, viewTo - viewFrom);
        double want = span * 110 / barWidth(w);
        long unit = 1;
        while (unit * 10 <= want) {
            unit *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (unit * m >= want) {
                return unit * m;
            }
        }
        return unit * 10;
    }

    /** The ticks' x positions: offsets from the trace's start that are multiples of the step. */
    double[] ticks(double w) {
        if (data == null) {
            return new double[0];
        }
        long origin = data.trace().startNanos();
        long step = step(w);
        long first = Math.floorDiv(viewFrom - origin + step - 1, step) * step + origin;
        double[] out = new double[64];
        int n = 0;
        for (long t = first; t <= viewTo && n < out.length; t += step) {
            out[n++] = xOf(t, w);
        }
        return Arrays.copyOf(out, n);
    }
}
