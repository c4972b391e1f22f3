package io.pitwall.ui.traces;

import io.pitwall.connectors.model.Trace;
import io.pitwall.ui.fx.SceneHooks;
import java.util.BitSet;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The waterfall of one trace on a Canvas: a row per span shown (depth-first, indented by depth),
 * bars on a time axis, only the rows in view laid out and drawn, at most once per pulse. A
 * minimap of the whole trace sits on top. Click a row's triangle to collapse or expand its
 * subtree, a row to select it (double-click or Enter opens it); arrows move and fold, Page
 * Up/Down, Home and End scroll; a drag on the time header or the minimap zooms to a window.
 * Searching runs off the FX thread ({@link SpanMatcher}); its hits are highlighted and stepped
 * through. Critical-path pieces are drawn over the bars ({@link CriticalPath}).
 */
public final class TraceWaterfall extends Region {

    private final Canvas canvas = new Canvas();
    private final ScrollBar bar = new ScrollBar();
    private final WaterfallColours colours = new WaterfallColours();
    private final WaterfallPainter painter = new WaterfallPainter();
    private final TraceMinimap minimap;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selectedSpan", -1);
    private final BooleanProperty showCritical = new SimpleBooleanProperty(this, "showCritical", true);
    private WaterfallData data;
    private int[] hits = new int[0];
    private int hitIndex = -1;
    private String searchText = "";
    private long searchGeneration;
    private boolean syncing;
    private boolean dirty = true;
    private IntConsumer onOpen = s -> { };
    private Runnable onSearched = () -> { };
    private java.util.function.Consumer<java.time.Instant> onCursorHover = t -> { };

    /**
     * @param background where searches run (a same-thread executor in tests)
     * @param fx         the FX thread ({@code Platform::runLater}; same-thread in tests)
     */
    public TraceWaterfall(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
        setId("trace-waterfall");
        getStyleClass().add("pw-trace-waterfall");
        setFocusTraversable(true);
        canvas.setId("trace-waterfall-canvas");
        painter.colours = colours;
        minimap = new TraceMinimap(this, colours);
        bar.setOrientation(Orientation.VERTICAL);
        bar.setId("trace-waterfall-vbar");
        bar.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                scrollTo((int) Math.round(b.doubleValue()));
            }
        });
        getChildren().addAll(minimap, canvas, bar);
        getChildren().addAll(colours.probes());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        showCritical.addListener((o, a, b) -> {
            painter.showCritical = b;
            requestRedraw();
        });
        SceneHooks.install(this, this::drawIfDirty, this::restyle);
        addEventHandler(KeyEvent.KEY_PRESSED, new WaterfallKeys(this)::pressed);
        new WaterfallMouse(this, canvas, painter).install();
    }

    // --- what is shown ------------------------------------------------------------------------

    /** Shows {@code trace}, working out its rows and critical path here (for a big one, use {@link #setData}). */
    public void setTrace(Trace trace) {
        setData(trace == null ? null : WaterfallData.of(trace));
    }

    /** Shows a trace whose rows and critical path were worked out (off the FX thread); null clears. */
    public void setData(WaterfallData next) {
        data = next;
        painter.data = next;
        painter.topRow = 0;
        painter.selected = -1;
        selected.set(-1);
        minimap.setData(next);
        if (next != null) {
            painter.viewFrom = next.trace().startNanos();
            painter.viewTo = Math.max(next.trace().endNanos(), painter.viewFrom + 1);
        }
        search(searchText);
        syncBar();
        requestRedraw();
    }

    /**
     * Draws the shared time cursor at {@code at} (absolute time) when it falls in the window
     * shown; null hides it.
     */
    public void showCursor(java.time.Instant at) {
        long nanos = at == null ? Long.MIN_VALUE : at.getEpochSecond() * 1_000_000_000L + at.getNano();
        if (nanos != painter.cursor) {
            painter.cursor = nanos;
            requestRedraw();
        }
    }

    /** Where hovers over the bars go: the absolute time under the pointer, null when it leaves. */
    public void setOnCursorHover(java.util.function.Consumer<java.time.Instant> action) {
        onCursorHover = action == null ? t -> { } : action;
    }

    void cursorHover(java.time.Instant at) {
        onCursorHover.accept(at);
    }

    public WaterfallData data() {
        return data;
    }

    /** The trace shown, or null. */
    public Trace trace() {
        return data == null ? null : data.trace();
    }

    /** The rows shown (collapse state included), or null without a trace. */
    public WaterfallRows rows() {
        return data == null ? null : data.rows();
    }

    // --- collapse and expand ------------------------------------------------------------------

    public void toggle(int span) {
        int anchor = anchor();
        rows().toggle(span);
        changedRows(anchor);
    }

    public void setCollapsed(int span, boolean collapse) {
        int anchor = anchor();
        rows().setCollapsed(span, collapse);
        changedRows(anchor);
    }

    public void expandAll() {
        if (data != null) {
            int anchor = anchor();
            rows().expandAll();
            changedRows(anchor);
        }
    }

    public void collapseAll() {
        if (data != null) {
            int anchor = anchor();
            rows().collapseAll();
            changedRows(anchor);
        }
    }

    /** Shows levels 0..{@code depth} only. */
    public void collapseToDepth(int depth) {
        if (data != null) {
            int anchor = anchor();
            rows().collapseToDepth(depth);
            changedRows(anchor);
        }
    }

    /** The span on the top row, which stays on top (or its nearest shown ancestor does) when rows fold. */
    private int anchor() {
        return rowCount() == 0 ? -1 : rows().span(Math.min(topRow(), rowCount() - 1));
    }

    private void changedRows(int anchor) {
        int row = -1;
        for (int s = anchor; s >= 0 && row < 0; s = data.trace().parent(s)) {
            row = rows().rowOf(s);
        }
        scrollTo(Math.max(0, row));
    }

    // --- selection ----------------------------------------------------------------------------

    /** Selects {@code span} (expanding its ancestors) and scrolls it into view; -1 clears. */
    public void select(int span) {
        if (data == null) {
            return;
        }
        if (span >= 0) {
            int row = rows().reveal(span);
            reveal(row);
        }
        painter.selected = span;
        selected.set(span);
        requestRedraw();
    }

    /** The selected span's index, -1 for none. */
    public ReadOnlyIntegerProperty selectedSpanProperty() {
        return selected.getReadOnlyProperty();
    }

    public int selectedSpan() {
        return selected.get();
    }

    /** What a double-click or Enter on a row does with its span (the pane shows its details). */
    public void setOnOpen(IntConsumer action) {
        onOpen = action == null ? s -> { } : action;
    }

    void open(int span) {
        if (span >= 0) {
            onOpen.accept(span);
        }
    }

    // --- scrolling ----------------------------------------------------------------------------

    public int topRow() {
        return painter.topRow;
    }

    public int rowCount() {
        return data == null ? 0 : rows().count();
    }

    public int visibleRows() {
        return painter.visibleRows(canvas.getHeight());
    }

    int lastTopRow() {
        return Math.max(0, rowCount() - visibleRows());
    }

    public void scrollTo(int row) {
        painter.topRow = Math.max(0, Math.min(row, lastTopRow()));
        syncBar();
        requestRedraw();
    }

    /** Scrolls so that the row at (or next after) depth-first position {@code position} is on top. */
    void scrollToPosition(int position) {
        WaterfallRows rows = rows();
        int lo = 0;
        int hi = rows.count();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rows.position(rows.span(mid)) < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        scrollTo(lo);
    }

    /** Scrolls {@code row} into view (a little below the top when it was out of view). */
    void reveal(int row) {
        int visible = visibleRows();
        if (row < topRow() || row >= topRow() + visible - 1) {
            scrollTo(row - Math.min(3, visible / 3));
        }
    }

    private void syncBar() {
        syncing = true;
        bar.setMin(0);
        bar.setMax(lastTopRow());
        bar.setVisibleAmount(Math.max(1, Math.min(rowCount(), visibleRows())));
        bar.setBlockIncrement(Math.max(1, visibleRows() - 1));
        bar.setUnitIncrement(1);
        bar.setValue(topRow());
        bar.setDisable(lastTopRow() == 0);
        syncing = false;
    }

    // --- zoom ---------------------------------------------------------------------------------

    /** Shows only the time window {@code [from, to]} (epoch nanoseconds) on the axis. */
    public void zoom(long from, long to) {
        if (data == null || to <= from) {
            return;
        }
        painter.viewFrom = Math.max(from, data.trace().startNanos());
        painter.viewTo = Math.max(painter.viewFrom + 1, Math.min(to, data.trace().endNanos()));
        requestRedraw();
    }

    /** The whole trace on the axis again. */
    public void resetZoom() {
        if (data != null) {
            painter.viewFrom = data.trace().startNanos();
            painter.viewTo = Math.max(data.trace().endNanos(), painter.viewFrom + 1);
            requestRedraw();
        }
    }

    public boolean zoomed() {
        return data != null && (painter.viewFrom != data.trace().startNanos()
                || painter.viewTo != Math.max(data.trace().endNanos(), painter.viewFrom + 1));
    }

    public long viewFrom() {
        return painter.viewFrom;
    }

    public long viewTo() {
        return painter.viewTo;
    }

    /** Draws the critical path's pieces over the bars (on by default). */
    public BooleanProperty showCriticalPathProperty() {
        return showCritical;
    }

    // --- search -------------------------------------------------------------------------------

    /** Highlights the spans matching {@code text} ({@link SpanMatcher}); the first hit becomes current. */
    public void search(String text) {
        searchText = text == null ? "" : text;
        long mine = ++searchGeneration;
        WaterfallData on = data;
        if (on == null || searchText.isBlank()) {
            applyHits(new int[0]);
            return;
        }
        String query = searchText;
        background.execute(() -> {
            int[] found = SpanMatcher.find(on.trace(), query);
            fx.execute(() -> {
                if (mine == searchGeneration && on == data) {
                    applyHits(found);
                }
            });
        });
    }

    private void applyHits(int[] found) {
        hits = found;
        BitSet set = new BitSet();
        for (int s : found) {
            set.set(s);
        }
        painter.hits = set;
        hitIndex = -1;
        painter.currentHit = -1;
        if (found.length > 0) {
            stepHit(1);
        }
        onSearched.run();
        requestRedraw();
    }

    public void nextHit() {
        stepHit(1);
    }

    public void previousHit() {
        stepHit(-1);
    }

    private void stepHit(int step) {
        if (hits.length == 0) {
            return;
        }
        hitIndex = hitIndex < 0 ? 0 : Math.floorMod(hitIndex + step, hits.length);
        int span = hits[hitIndex];
        painter.currentHit = span;
        int row = rows().reveal(span);
        reveal(row);
        onSearched.run();
        requestRedraw();
    }

    public int hitCount() {
        return hits.length;
    }

    /** The current hit's span, or -1. */
    public int currentHit() {
        return hitIndex < 0 ? -1 : hits[hitIndex];
    }

    /** "3 of 12", "no match", or "" without a search text. */
    public String hitText() {
        if (searchText.isBlank()) {
            return "";
        }
        return hits.length == 0 ? "no match" : String.format("%,d of %,d", hitIndex + 1, hits.length);
    }

    /** Called on the FX thread when the hits or the current hit changed. */
    public void setOnSearched(Runnable action) {
        onSearched = action == null ? () -> { } : action;
    }

    // --- for tests and the app ------------------------------------------------------------------

    /** The middle of {@code span}'s row label, in this view's coordinates, when it is drawn. */
    public Optional<Point2D> rowCentre(int span) {
        return rowPoint(span, painter.labelWidth(canvas.getWidth()) * 0.6);
    }

    /** The middle of {@code span}'s collapse triangle, when it is drawn. */
    public Optional<Point2D> toggleCentre(int span) {
        return data == null ? Optional.empty() : rowPoint(span, painter.toggleX(span) + WaterfallPainter.TOGGLE_W / 2);
    }

    private Optional<Point2D> rowPoint(int span, double x) {
        if (data == null) {
            return Optional.empty();
        }
        int row = rows().rowOf(span);
        if (row < topRow() || row >= topRow() + visibleRows()) {
            return Optional.empty();
        }
        double y = painter.rowTop(row) + WaterfallPainter.ROW_H / 2;
        return Optional.of(canvas.localToParent(x, y));
    }

    /** The spans the last frame drew, top to bottom. */
    public int[] drawnSpans() {
        return painter.drawnSpans();
    }

    /** How many frames were drawn. */
    public long frames() {
        return painter.frames;
    }

    TraceMinimap minimap() {
        return minimap;
    }

    // --- drawing ------------------------------------------------------------------------------

    private void restyle() {
        colours.read();
        minimap.restyle();
        requestRedraw();
    }

    void requestRedraw() {
        dirty = true;
        Platform.requestNextPulse();
    }

    private void drawIfDirty() {
        if (dirty) {
            redrawNow();
        }
    }

    /** Draws at once (otherwise at most once per pulse, when something changed). */
    public void redrawNow() {
        dirty = false;
        painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
        minimap.paint();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bw = bar.prefWidth(-1);
        double mh = TraceMinimap.HEIGHT;
        minimap.resizeRelocate(0, 0, w, mh);
        bar.resizeRelocate(w - bw, mh + WaterfallPainter.HEADER_H, bw, Math.max(0, h - mh - WaterfallPainter.HEADER_H));
        canvas.relocate(0, mh);
        if (canvas.getWidth() != w - bw || canvas.getHeight() != h - mh) {
            canvas.setWidth(Math.max(0, w - bw));
            canvas.setHeight(Math.max(0, h - mh));
            dirty = true;
            painter.topRow = Math.max(0, Math.min(painter.topRow, lastTopRow()));
            syncBar();
        }
        drawIfDirty();
    }
}
