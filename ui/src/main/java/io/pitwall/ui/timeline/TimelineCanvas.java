package io.pitwall.ui.timeline;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.timeline.Lane;
import io.pitwall.connectors.timeline.TimelineItem;
import io.pitwall.ui.fx.SceneHooks;
import io.pitwall.ui.fx.TokenProbes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The lanes of the timeline drawn on one Canvas: a row per lane, each item a diamond (a moment)
 * or a bar (an alert firing, an error burst) coloured by severity, the time axis under them and
 * the shared time cursor across. Items of objects outside the focus are dimmed. Only the items in
 * the window are drawn, one per pixel and lane (the most severe wins), so a hundred thousand cost
 * what the width does. A click on an item chooses it, elsewhere moves the cursor; a drag sets the
 * window. Redrawn at most once a pulse.
 */
public final class TimelineCanvas extends Region {

    static final double LABEL_W = 104;
    /** A lane's height when there is room; a short pane squeezes lanes down to {@link #MIN_LANE_H}. */
    static final double LANE_H = 26;
    static final double MIN_LANE_H = 9;
    static final double AXIS_H = 22;
    private static final double HIT = 6;

    private final Canvas canvas = new Canvas();
    private final TokenProbes colours = new TokenProbes();
    private final Tooltip tip = new Tooltip();
    private final Font font = Font.font("System", 12);
    private final Font bold = Font.font("System", FontWeight.BOLD, 12);
    private final Font squeezed = Font.font("System", FontWeight.BOLD, 9);
    private List<Lane> lanes = List.of(Lane.values());
    private final Map<Lane, List<TimelineItem>> byLane = new EnumMap<>(Lane.class);
    private TimeRange window = new TimeRange(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600));
    private Predicate<KubeRef> focus;
    private Instant cursor;
    private double dragFrom = Double.NaN;
    private double dragTo = Double.NaN;
    private boolean dirty = true;
    private long frames;
    private Optional<TimelineItem> pressedItem = Optional.empty();
    private Consumer<TimelineItem> onItem = i -> { };
    private Consumer<Instant> onTime = t -> { };
    private Consumer<Instant> onHover = t -> { };
    private Consumer<TimeRange> onRange = r -> { };

    public TimelineCanvas() {
        setId("timeline-canvas");
        getStyleClass().add("pw-timeline-canvas");
        getChildren().add(canvas);
        getChildren().addAll(colours.probes());
        setMinHeight(AXIS_H + MIN_LANE_H * Lane.values().length);
        Tooltip.install(canvas, tip);
        tip.setShowDelay(javafx.util.Duration.millis(250));
        SceneHooks.install(this, this::drawIfDirty, () -> {
            colours.read();
            redraw();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> onHover.accept(null));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getX() >= LABEL_W) {
                dragFrom = e.getX();
                dragTo = e.getX();
                // what was under the pointer when pressed is what a click chooses, even if the
                // layout moves the canvas before the release
                pressedItem = itemAt(e.getX(), e.getY());
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!Double.isNaN(dragFrom)) {
                dragTo = Math.max(LABEL_W, Math.min(getWidth(), e.getX()));
                redraw();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    }

    // --- what is shown --------------------------------------------------------------------------

    /** The lanes to draw, top to bottom, and their items (any order). */
    public void show(List<Lane> shownLanes, List<TimelineItem> items) {
        lanes = List.copyOf(shownLanes);
        byLane.clear();
        for (TimelineItem i : items) {
            byLane.computeIfAbsent(i.lane(), l -> new ArrayList<>()).add(i);
        }
        byLane.values().forEach(l -> l.sort(io.pitwall.connectors.timeline.Timeline.ORDER));
        setPrefHeight(AXIS_H + LANE_H * Math.max(1, lanes.size()) + 4);
        redraw();
    }

    /** The window drawn: the workspace's shared range. */
    public void setWindow(TimeRange range) {
        window = range;
        redraw();
    }

    /** Items of objects the predicate refuses are dimmed; null: none is. */
    public void setFocus(Predicate<KubeRef> focus) {
        this.focus = focus;
        redraw();
    }

    /** The shared time cursor (null: none). */
    public void showCursor(Instant at) {
        cursor = at;
        redraw();
    }

    public void setOnItemChosen(Consumer<TimelineItem> action) {
        onItem = action == null ? i -> { } : action;
    }

    /** A click on no item: that moment. */
    public void setOnTimeClicked(Consumer<Instant> action) {
        onTime = action == null ? t -> { } : action;
    }

    /** Hovers over the lanes: the time under the pointer; null when it leaves. */
    public void setOnHover(Consumer<Instant> action) {
        onHover = action == null ? t -> { } : action;
    }

    /** A window dragged across the lanes. */
    public void setOnRangeSelected(Consumer<TimeRange> action) {
        onRange = action == null ? r -> { } : action;
    }

    public long frames() {
        return frames;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    // --- geometry -------------------------------------------------------------------------------

    TimelineAxis axis() {
        return new TimelineAxis(window.from(), window.to(), LABEL_W, Math.max(1, getWidth() - LABEL_W - 8));
    }

    /** The item drawn nearest (x, y), within a few pixels, if any. */
    public Optional<TimelineItem> itemAt(double x, double y) {
        int row = (int) Math.floor(y / laneH());
        if (x < LABEL_W || row < 0 || row >= lanes.size()) {
            return Optional.empty();
        }
        TimelineAxis axis = axis();
        TimelineItem best = null;
        double bestDistance = HIT + 1;
        for (TimelineItem i : byLane.getOrDefault(lanes.get(row), List.of())) {
            double a = axis.x(i.at());
            double b = axis.x(i.end());
            double d = x < a ? a - x : x > b ? x - b : 0;
            if (d < bestDistance || d == bestDistance && best != null && i.severity().compareTo(best.severity()) < 0) {
                best = i;
                bestDistance = d;
            }
        }
        return bestDistance <= HIT ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Where an item is drawn (its centre), for tests and keyboard users. */
    public Optional<javafx.geometry.Point2D> pointOf(TimelineItem item) {
        int row = lanes.indexOf(item.lane());
        if (row < 0) {
            return Optional.empty();
        }
        double h = laneH();
        return Optional.of(new javafx.geometry.Point2D(axis().x(item.at()), row * h + h / 2));
    }

    /** Each lane's height: as much of {@link #LANE_H} as the height allows every lane. */
    double laneH() {
        double room = (getHeight() - AXIS_H) / Math.max(1, lanes.size());
        return Math.max(MIN_LANE_H, Math.min(LANE_H, room));
    }

    // --- mouse ----------------------------------------------------------------------------------

    private void moved(MouseEvent e) {
        if (e.getX() >= LABEL_W) {
            onHover.accept(axis().at(e.getX()));
        } else {
            onHover.accept(null);
        }
        Optional<TimelineItem> item = itemAt(e.getX(), e.getY());
        String text = item.map(TimelineCanvas::describe).orElse("");
        if (!text.equals(tip.getText())) {
            tip.setText(text);
        }
        if (text.isEmpty()) {
            tip.hide();
        }
    }

    private void released(MouseEvent e) {
        double a = Math.min(dragFrom, dragTo);
        double b = Math.max(dragFrom, dragTo);
        boolean pressed = !Double.isNaN(dragFrom);
        dragFrom = Double.NaN;
        dragTo = Double.NaN;
        redraw();
        if (!pressed) {
            return;
        }
        if (b - a >= 4) {
            TimelineAxis axis = axis();
            onRange.accept(new TimeRange(axis.at(a), axis.at(b)));
            return;
        }
        Optional<TimelineItem> item = pressedItem;
        pressedItem = Optional.empty();
        if (item.isPresent()) {
            onItem.accept(item.get());
        } else {
            onTime.accept(axis().at(a));
        }
    }

    static String describe(TimelineItem i) {
        StringBuilder s = new StringBuilder(i.lane().title()).append(" \u00b7 ").append(i.severity().name().toLowerCase(java.util.Locale.ROOT))
                .append('\n').append(i.title());
        if (!i.detail().isBlank()) {
            s.append('\n').append(i.detail());
        }
        i.ref().ifPresent(r -> s.append('\n').append(r.kind()).append(' ').append(r.namespace().isEmpty() ? "" : r.namespace() + "/")
                .append(r.name()));
        return s.toString();
    }

    // --- drawing --------------------------------------------------------------------------------

    void redraw() {
        dirty = true;
        javafx.application.Platform.requestNextPulse();
    }

    private void drawIfDirty() {
        if (dirty) {
            draw();
        }
    }

    /** Draws now (the pulse does it otherwise). */
    public void draw() {
        dirty = false;
        frames++;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(colours.bg());
        g.fillRect(0, 0, w, h);
        if (w <= LABEL_W || h <= 0) {
            return;
        }
        TimelineAxis axis = axis();
        double laneH = laneH();
        double lanesBottom = lanes.size() * laneH;
        g.setTextBaseline(VPos.CENTER);
        for (int row = 0; row < lanes.size(); row++) {
            double y = row * laneH;
            if (row % 2 == 1) {
                g.setFill(colours.subtle());
                g.fillRect(0, y, w, laneH);
            }
            Lane lane = lanes.get(row);
            List<TimelineItem> items = byLane.getOrDefault(lane, List.of());
            g.setFont(laneH >= 15 ? bold : squeezed);
            g.setFill(items.isEmpty() ? colours.muted() : colours.fg());
            g.fillText(lane.title(), 8, y + laneH / 2);
            drawLane(g, axis, items, y + laneH / 2, w, laneH);
        }
        // the axis
        g.setStroke(colours.border());
        g.setLineWidth(1);
        g.strokeLine(LABEL_W, lanesBottom + 0.5, w, lanesBottom + 0.5);
        g.setFont(font);
        for (TimelineAxis.Tick t : axis.ticks()) {
            double x = Math.round(t.x()) + 0.5;
            g.setStroke(colours.border().deriveColor(0, 1, 1, 0.45));
            g.strokeLine(x, 0, x, lanesBottom);
            g.setStroke(colours.border());
            g.strokeLine(x, lanesBottom, x, lanesBottom + 5);
            g.setFill(colours.muted());
            g.fillText(t.label(), x + 3, lanesBottom + AXIS_H / 2 + 1);
        }
        if (cursor != null && axis.contains(cursor)) {
            double x = Math.round(axis.x(cursor)) + 0.5;
            g.setStroke(colours.accent());
            g.setLineWidth(1.5);
            g.setLineDashes(4, 3);
            g.strokeLine(x, 0, x, lanesBottom + AXIS_H);
            g.setLineDashes();
            g.setLineWidth(1);
        }
        if (!Double.isNaN(dragFrom)) {
            g.setFill(colours.accent().deriveColor(0, 1, 1, 0.25));
            g.fillRect(Math.min(dragFrom, dragTo), 0, Math.abs(dragTo - dragFrom), lanesBottom);
        }
    }

    private void drawLane(GraphicsContext g, TimelineAxis axis, List<TimelineItem> items, double mid, double w, double laneH) {
        double half = Math.min(5, laneH / 2 - 2);
        int px = (int) Math.ceil(w) + 1;
        // one mark per pixel: the most severe (lowest ordinal) wins; focus before dimmed
        int[] best = new int[px];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        TimelineItem[] at = new TimelineItem[px];
        for (TimelineItem i : items) {
            if (i.end().isBefore(window.from()) || i.at().isAfter(window.to())) {
                continue;
            }
            double a = Math.max(LABEL_W, axis.x(i.at()));
            double b = Math.min(w, axis.x(i.end()));
            boolean dim = focus != null && (i.ref().isEmpty() || !focus.test(i.ref().get()));
            if (i.isSpan() && b - a >= 2) {
                g.setFill(colour(i.severity()).deriveColor(0, 1, 1, dim ? 0.18 : 0.55));
                g.fillRect(a, mid - half, b - a, half * 2);
            }
            int x = (int) Math.round(a);
            int rank = i.severity().ordinal() + (dim ? Severity.values().length : 0);
            if (x >= 0 && x < px && rank < best[x]) {
                best[x] = rank;
                at[x] = i;
            }
        }
        for (int x = 0; x < px; x++) {
            if (at[x] == null) {
                continue;
            }
            boolean dim = best[x] >= Severity.values().length;
            Color c = colour(at[x].severity());
            g.setFill(dim ? c.deriveColor(0, 1, 1, 0.25) : c);
            double r = dim ? half * 0.7 : half;
            g.fillPolygon(new double[] {x, x + r, x, x - r}, new double[] {mid - r, mid, mid + r, mid}, 4);
        }
    }

    private Color colour(Severity s) {
        return switch (s) {
            case CRITICAL -> colours.critical();
            case HIGH -> colours.critical().interpolate(colours.warn(), 0.45);
            case MEDIUM -> colours.warn();
            case LOW -> colours.get("-pw-info");
            case INFO -> colours.muted();
        };
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }
}
