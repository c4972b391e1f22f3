package io.pitwall.ui.logs;

import io.pitwall.connectors.model.LogStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Draws the rows in view, and only those: per line a level stripe, the time, the level, a chip
 * for its stream, and its text (wrapped or cut at the view's edge), with search hits and trace
 * ids marked; the expanded line's JSON below it. Remembers where it drew rows and links, for clicks.
 */
final class LogPainter {

    /** A drawn trace id: where it is, and the id. */
    record Link(double x, double y, double w, double h, String id) {
        boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    static final int CHIP_CHARS = 16;
    static final int MAX_WRAPPED = 400;
    /** Characters read past the last one shown: more than the longest trace id or hit drawn across the edge. */
    static final int EDGE_MARGIN = 256;

    final Font font = Font.font("monospace", 12);
    final Font small = Font.font("monospace", 10.5);
    final double charW;
    final double smallW;
    final double lineH;
    LogColours colours;
    LogBuffer buffer;
    RowMap rows;
    TraceIds traceIds = new TraceIds();
    DateTimeFormatter timeFormat = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    LogFilter filter = LogFilter.ALL;
    java.util.regex.Pattern hitPattern;
    long currentHitId = -1;
    LogSelection selection = new LogSelection();
    long expandedId = -1;
    List<String> expanded = List.of();
    boolean wrap;
    boolean chips = true;
    int hcol;
    int topRow;

    // what the last frame drew
    final List<Link> links = new ArrayList<>();
    private final LogBuffer.Line line = new LogBuffer.Line();
    private final java.util.Map<LogStream, Chip> chipLabels = new java.util.IdentityHashMap<>();
    private LogBuffer chipsOf;
    private long[] drawnId = new long[0];
    private double[] drawnY = new double[0];
    private int drawnCount;
    int longest;
    long frames;

    LogPainter() {
        charW = width(font, 100);
        smallW = width(small, 100);
        lineH = Math.ceil(font.getSize() * 1.45);
    }

    private static double width(Font f, int n) {
        Text t = new Text("M".repeat(n));
        t.setFont(f);
        return t.getLayoutBounds().getWidth() / n;
    }

    double textX() {
        double x = 8 + 12 * charW + 10 + 5 * charW + 10;
        return chips ? x + CHIP_CHARS * smallW + 18 : x;
    }

    /** How many characters fit on one drawn line of text in a view {@code w} wide. */
    int columns(double w) {
        return Math.max(8, (int) ((w - textX() - 6) / charW));
    }

    /** The height of a line's row: its wrapped lines, and the JSON when it is the expanded one. */
    double rowHeight(int length, long id, double w) {
        int visual = wrap ? Math.min(MAX_WRAPPED, Math.max(1, (length + columns(w) - 1) / columns(w))) : 1;
        return (visual + (id == expandedId ? expanded.size() : 0)) * lineH;
    }

    /** Pretty-prints the JSON line {@code id} under it (when it is one), or folds it again. */
    void toggleExpanded(long id, java.util.function.Supplier<String> text) {
        List<String> json = id == expandedId ? List.of() : JsonPretty.lines(text.get());
        expandedId = json.isEmpty() ? -1 : id;
        expanded = json;
    }

    /** The top row that shows the last row at the bottom of a view {@code w} by {@code h}: walks up from the end, through what fits only. */
    int lastTopRow(double w, double h) {
        if (rows == null || rows.count() == 0) {
            return 0;
        }
        double room = Math.max(lineH, h);
        if (!wrap && expandedId < 0) {
            return Math.max(0, rows.count() - (int) (room / lineH));
        }
        double used = 0;
        for (int row = rows.count() - 1; row >= 0; row--) {
            long id = rows.id(row);
            used += buffer.read(id, 0, line) ? rowHeight(line.length, id, w) : lineH;
            if (used > room) {
                return Math.min(rows.count() - 1, row + 1);
            }
        }
        return 0;
    }

    void paint(GraphicsContext gc, double w, double h) {
        frames++;
        links.clear();
        drawnCount = 0;
        longest = 0;
        gc.setFill(colours.bg());
        gc.fillRect(0, 0, w, h);
        if (buffer == null || rows == null) {
            return;
        }
        gc.setTextBaseline(VPos.TOP);
        int capacity = (int) (h / lineH) + 2;
        if (drawnId.length < capacity) {
            drawnId = new long[capacity];
            drawnY = new double[capacity];
        }
        int cols = columns(w);
        // the text that can show (a screenful of wrapped lines, or up to the right edge) and a margin,
        // so that a trace id or a search hit across the edge is still found whole
        int limit = (int) Math.min(Integer.MAX_VALUE, (wrap ? (long) MAX_WRAPPED * cols : (long) hcol + cols + 1) + EDGE_MARGIN);
        double y = 0;
        for (int row = topRow; row < rows.count() && y < h && drawnCount < capacity; row++) {
            long id = rows.id(row);
            // by id, each line's fields at once: a tail may append and evict meanwhile
            if (!buffer.read(id, limit, line)) {
                y += lineH; // evicted since the rows were counted: the next refresh drops it
                continue;
            }
            String text = printable(line.text);
            double rowH = rowHeight(line.length, id, w);
            drawnId[drawnCount] = id;
            drawnY[drawnCount++] = y;
            longest = Math.max(longest, line.length);
            drawRow(gc, id, text, y, rowH, w, cols);
            y += rowH;
        }
    }

    private void drawRow(GraphicsContext gc, long id, String text, double y, double rowH, double w, int cols) {
        LogLevel level = line.level;
        if (selection.contains(id)) {
            gc.setFill(colours.selection());
            gc.fillRect(0, y, w, rowH);
        } else if (level == LogLevel.ERROR || level == LogLevel.FATAL || level == LogLevel.WARN) {
            gc.setFill(colours.levelTint(level));
            gc.fillRect(0, y, w, rowH);
        }
        if (id == currentHitId) {
            gc.setStroke(colours.warn());
            gc.setLineWidth(1);
            gc.strokeRect(0.5, y + 0.5, w - 1, rowH - 1);
        }
        gc.setFill(colours.level(level));
        gc.fillRect(0, y, 3, rowH);
        double ty = y + (lineH - font.getSize()) / 2 - 1;
        gc.setFont(font);
        gc.setFill(colours.muted());
        gc.fillText(timeFormat.format(Instant.ofEpochSecond(0, line.nanos)), 8, ty);
        double lx = 8 + 12 * charW + 10;
        if (level != LogLevel.UNKNOWN) {
            gc.setFill(colours.level(level));
            gc.fillText(level.tag(), lx, ty);
        }
        if (chips) {
            drawChip(gc, line.stream, lx + 5 * charW + 10, y);
        }
        double x0 = textX();
        int from = wrap ? 0 : hcol;
        List<int[]> hits = filter.spans(text, hitPattern);
        List<TraceIds.Span> ids = traceIds.find(text);
        int segments = wrap ? (int) Math.round(rowH / lineH) - (id == expandedId ? expanded.size() : 0) : 1;
        Color hitColour = colours.hit(id == currentHitId);
        for (int s = 0; s < segments; s++) {
            int a = cut(text, wrap ? s * cols : from);
            int b = cut(text, Math.min(text.length(), (wrap ? s * cols : from) + cols + (wrap ? 0 : 1)));
            double sy = y + s * lineH;
            for (int[] hit : hits) {
                mark(gc, hit[0], hit[1], a, b, x0, sy, hitColour);
            }
            if (a < b) {
                gc.setFill(level == LogLevel.TRACE || level == LogLevel.DEBUG ? colours.muted() : colours.fg());
                gc.fillText(text.substring(a, b), x0, sy + (lineH - font.getSize()) / 2 - 1);
            }
            for (TraceIds.Span span : ids) {
                link(gc, text, span, a, b, x0, sy);
            }
        }
        if (id == expandedId) {
            double ey = y + segments * lineH;
            gc.setFill(colours.subtle());
            gc.fillRect(x0 - 4, ey, w - x0 + 4, expanded.size() * lineH);
            gc.setFill(colours.fg());
            for (String l : expanded) {
                if (from < l.length()) {
                    gc.fillText(l.substring(cut(l, from), cut(l, Math.min(l.length(), from + cols))), x0, ey + (lineH - font.getSize()) / 2 - 1);
                }
                ey += lineH;
            }
        }
    }

    /** {@code s} with its control characters (tab, CR, LF...) as spaces, so that one line draws as one; {@code s} itself when it has none. */
    static String printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < ' ') {
                char[] c = s.toCharArray();
                for (int k = i; k < c.length; k++) {
                    c[k] = c[k] < ' ' ? ' ' : c[k];
                }
                return new String(c);
            }
        }
        return s;
    }

    /** Where to cut {@code s} at column {@code i}: after a surrogate pair rather than inside it. */
    static int cut(String s, int i) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) && Character.isHighSurrogate(s.charAt(i - 1)) ? i + 1 : i;
    }

    private void mark(GraphicsContext gc, int start, int end, int a, int b, double x0, double y, Color c) {
        int s = Math.max(start, a);
        int e = Math.min(end, b);
        if (s < e) {
            gc.setFill(c);
            gc.fillRect(x0 + (s - a) * charW, y + 1, (e - s) * charW, lineH - 2);
        }
    }

    private void link(GraphicsContext gc, String text, TraceIds.Span span, int a, int b, double x0, double y) {
        int s = Math.max(span.start(), a);
        int e = Math.min(span.end(), b);
        if (s >= e) {
            return;
        }
        double x = x0 + (s - a) * charW;
        double ty = y + (lineH - font.getSize()) / 2 - 1;
        gc.setFill(colours.bg());
        gc.fillRect(x, y + 1, (e - s) * charW, lineH - 2);
        gc.setFill(colours.accent());
        gc.fillText(text.substring(s, e), x, ty);
        gc.setStroke(colours.accent());
        gc.setLineWidth(1);
        gc.strokeLine(x, y + lineH - 2.5, x + (e - s) * charW, y + lineH - 2.5);
        links.add(new Link(x, y, (e - s) * charW, lineH, span.id()));
    }

    private void drawChip(GraphicsContext gc, LogStream stream, double x, double y) {
        if (chipsOf != buffer) {
            chipLabels.clear(); // a buffer's streams stay the same objects: labelled once each
            chipsOf = buffer;
        }
        Chip chip = chipLabels.computeIfAbsent(stream, s -> new Chip(chipLabel(s), s.labels().hashCode()));
        String label = chip.label();
        Color c = colours.stream(chip.hash());
        double cw = CHIP_CHARS * smallW + 10;
        gc.setFill(colours.streamTint(chip.hash()));
        gc.fillRoundRect(x, y + 2, cw, lineH - 4, 6, 6);
        gc.setFill(c);
        gc.fillRoundRect(x, y + 2, 3, lineH - 4, 2, 2);
        gc.setFont(small);
        gc.setFill(colours.fg());
        gc.fillText(label, x + 6, y + (lineH - small.getSize()) / 2 - 1);
        gc.setFont(font);
    }

    /** A stream's chip: its words, and the hash that picks its colour. */
    private record Chip(String label, int hash) {
    }

    /** The chip's words: the pod (or container, app, job, first label), cut to fit. */
    static String chipLabel(LogStream s) {
        String v = s.label("pod");
        for (String k : new String[] {"container", "app", "job", "service_name"}) {
            if (v.isEmpty()) {
                v = s.label(k);
            }
        }
        if (v.isEmpty() && !s.labels().isEmpty()) {
            v = s.labels().values().stream().sorted().findFirst().orElse("");
        }
        return v.length() <= CHIP_CHARS ? v : v.substring(0, CHIP_CHARS - 1) + "…";
    }

    /** The drawn row at view height {@code y}: its line's id, or -1. */
    long idAt(double y) {
        for (int k = drawnCount - 1; k >= 0; k--) {
            if (y >= drawnY[k]) {
                return drawnId[k];
            }
        }
        return -1;
    }

    /** The line indices (in the buffer as it is now) the last frame drew, top to bottom. */
    int[] drawnLines() {
        long evicted = buffer == null ? 0 : buffer.evicted();
        return java.util.Arrays.stream(drawnId, 0, drawnCount).filter(id -> id >= evicted).mapToInt(id -> (int) (id - evicted)).toArray();
    }

    /** Where the last frame drew line {@code index}'s row (its top), or -1. */
    double rowY(int index) {
        long id = (buffer == null ? 0 : buffer.evicted()) + index;
        for (int k = 0; k < drawnCount; k++) {
            if (drawnId[k] == id) {
                return drawnY[k];
            }
        }
        return -1;
    }

    /** The middle of the first link the last frame drew for {@code traceId}. */
    java.util.Optional<javafx.geometry.Point2D> linkCentre(String traceId) {
        for (Link l : links) {
            if (l.id().equals(traceId)) {
                return java.util.Optional.of(new javafx.geometry.Point2D(l.x() + l.w() / 2, l.y() + l.h() / 2));
            }
        }
        return java.util.Optional.empty();
    }

    String linkAt(double x, double y) {
        for (Link l : links) {
            if (l.contains(x, y)) {
                return l.id();
            }
        }
        return null;
    }
}
