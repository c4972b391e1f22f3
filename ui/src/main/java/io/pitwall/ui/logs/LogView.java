package io.pitwall.ui.logs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

/**
 * A million log lines on one Canvas: only the rows in view are laid out and drawn, at most once
 * per pulse. Rows are scrolled by whole lines (a ScrollBar), so wrapping costs only what is in
 * view. Click selects (Shift extends), Ctrl+C copies, Enter or a double-click pretty-prints a
 * JSON line, arrows, Page Up/Down, Home and End move; a trace id is a link. Follow mode keeps the
 * newest line in view; scrolling away pauses it and a button counts what arrived since.
 * Search and filtering run off the FX thread ({@link LogSearch}); the hits are stepped through
 * by {@link LogHits}, the selection is a {@link LogSelection}, the keys and the mouse are
 * {@link LogKeys} and {@link LogMouse}, the rows are drawn by {@link LogPainter}.
 */
public final class LogView extends Region {

    private final Canvas canvas = new Canvas();
    private final LogScrollBars bars = new LogScrollBars(this::userScrolled, this::userScrolledColumns);
    private final LogColours colours = new LogColours();
    private final LogPainter painter = new LogPainter();
    private final LogSearch search;
    private final BooleanProperty wrap = new SimpleBooleanProperty(this, "wrap");
    private final LogFollow follow = new LogFollow(this, () -> scrollTo(lastTopRow()));
    private final LogHits hits = new LogHits();
    private final LogSelection selection = painter.selection;
    private final Runnable pulse = this::drawIfDirty;
    private LogBuffer buffer;
    private RowMap rows;
    private LogSearch.Found found;
    private boolean filterMode;
    private LogFilter filter = LogFilter.ALL;
    private Consumer<String> onTraceLink = id -> { };
    private final LogMouse mouse = new LogMouse(this, painter);
    private Runnable onFound = () -> { };
    private boolean dirty = true;

    /**
     * @param background where searches run (a same-thread executor in tests)
     * @param fx         the FX thread ({@code Platform::runLater}; same-thread in tests)
     */
    public LogView(Executor background, Executor fx) {
        setId("log-view");
        getStyleClass().add("pw-log-view");
        setFocusTraversable(true);
        canvas.setId("log-canvas");
        painter.colours = colours;
        search = new LogSearch(background, fx, this::applyFound);
        getChildren().addAll(canvas, bars.vertical, bars.horizontal, follow.button);
        colours.probes().forEach(getChildren()::add);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        wrap.addListener((o, a, b) -> {
            painter.wrap = b;
            requestLayout();
            requestRedraw();
        });
        io.pitwall.ui.fx.SceneHooks.install(this, pulse, this::restyle);
        addEventHandler(KeyEvent.KEY_PRESSED, new LogKeys(this)::pressed);
        mouse.install();
    }

    // --- what is shown ------------------------------------------------------------------------

    /** Shows {@code next} (a new query's lines), searched again with the current filter. */
    public void setBuffer(LogBuffer next) {
        buffer = next;
        painter.buffer = next;
        follow.reset(next == null ? 0 : next.received());
        selection.clear();
        painter.expandedId = -1;
        painter.expanded = List.of();
        hits.clear();
        found = new LogSearch.Found(next, filter, filterMode, null, null);
        updateRows();
        painter.topRow = follow.isOn() ? lastTopRow() : 0;
        search.run(next, filter, filterMode);
        requestRedraw();
    }

    public LogBuffer buffer() {
        return buffer;
    }

    /**
     * Lines arrived in the buffer (call at most once per pulse: the view model coalesces): the
     * search covers them, follow mode scrolls to them, else they are counted for the resume button.
     */
    public void refresh() {
        if (buffer == null) {
            return;
        }
        follow.arrived(buffer.received());
        updateRows();
        if (found != null && (found.hits() != null || found.rows() != null)) {
            search.extend(found);
        }
        if (follow.isOn()) {
            painter.topRow = lastTopRow();
        }
        requestRedraw();
    }

    /** Searches for {@code next}'s text and keeps its levels; {@code filterOnly} shows only matching lines. */
    public void setFilter(LogFilter next, boolean filterOnly) {
        filter = next;
        filterMode = filterOnly;
        painter.filter = next;
        painter.hitPattern = next.highlightPattern();
        search.run(buffer, next, filterOnly);
        requestRedraw();
    }

    public LogFilter filter() {
        return filter;
    }

    private void applyFound(LogSearch.Found f) {
        if (f.buffer() != buffer) {
            return;
        }
        boolean fresh = found == null || found.hits() == null || found.filter() != f.filter() || found.filterMode() != f.filterMode();
        found = f;
        updateRows();
        if (hits.take(f.hits(), fresh, this::lookingAt)) {
            goToHit();
        }
        if (follow.isOn()) {
            painter.topRow = lastTopRow();
        }
        onFound.run();
        requestRedraw();
    }

    /** The id of the line the user is looking at: the one selected, else the top one. */
    private long lookingAt() {
        return !selection.isEmpty() ? selection.lead() : rows.count() > 0 ? rows.id(Math.min(painter.topRow, rows.count() - 1)) : 0;
    }

    private void updateRows() {
        rows = buffer == null ? null : new RowMap(buffer.counts(), found == null ? null : found.rows());
        painter.rows = rows;
        painter.chips = buffer != null && buffer.streams().size() > 1;
        painter.topRow = Math.max(0, Math.min(painter.topRow, lastTopRow()));
        syncBars();
    }

    // --- search hits --------------------------------------------------------------------------

    /** How many lines the search text matched (0 without a text). */
    public int hitCount() {
        return hits.count();
    }

    /** The current hit's position among the hits, from 1 (0 when there is none). */
    public int currentHit() {
        return hits.position();
    }

    /** "12 of 3,401", "no match", or "" without a search text. */
    public String hitText() {
        return hits.text(filter.hasText());
    }

    /** The line index of the current hit, or -1. */
    public int hitLine() {
        return lineOf(hits.currentId());
    }

    public void nextHit() {
        stepHit(1);
    }

    public void previousHit() {
        stepHit(-1);
    }

    private void stepHit(int step) {
        if (hits.step(step)) {
            goToHit();
            onFound.run();
        }
    }

    private void goToHit() {
        long id = hits.currentId();
        painter.currentHitId = id;
        long index = id - rows.evicted();
        if (index >= 0 && index < buffer.size()) {
            select((int) index);
        }
    }

    // --- selection, scrolling -----------------------------------------------------------------

    /** Selects the line {@code index} alone and scrolls it into view. */
    public void select(int index) {
        selectIndex(index, false);
        reveal(index);
    }

    /** Selects line {@code index} of the rows shown (counted from their {@link RowMap#evicted()}). */
    void selectIndex(int index, boolean extend) {
        selectId(rows.evicted() + index, extend);
    }

    void selectId(long id, boolean extend) {
        selection.select(id, extend);
        requestRedraw();
    }

    /** The selected line (the last one clicked or moved to), or -1. */
    public int selectedLine() {
        return lineOf(selection.lead());
    }

    /** The index now of the line {@code id}, or -1 when it is not held. */
    int lineOf(long id) {
        if (id < 0 || buffer == null) {
            return -1;
        }
        long index = id - buffer.evicted();
        return index < 0 || index >= buffer.size() ? -1 : (int) index;
    }

    /** Moves the selection {@code rowsDown} rows (negative: up), extending it with {@code extend}. */
    void moveSelection(int rowsDown, boolean extend) {
        if (rows == null || rows.count() == 0) {
            return;
        }
        int row = selection.isEmpty() ? painter.topRow : rows.rowOfId(selection.lead());
        int next = Math.max(0, Math.min(rows.count() - 1, row + rowsDown));
        selectIndex(rows.index(next), extend);
        reveal(rows.index(next));
        if (rowsDown < 0) {
            follow.pause();
        }
    }

    /** Scrolls so that line {@code index} is in view (a little below the top when it was out of view). */
    void reveal(int index) {
        int row = rows.rowOf(index);
        int visible = visibleRows();
        if (row < painter.topRow || row >= painter.topRow + visible - 1) {
            scrollTo(row - Math.min(3, visible / 3));
        }
    }

    /** Scrolls to the first line at or after {@code time}, and selects it. */
    public void jumpTo(Instant time) {
        if (buffer == null || rows.count() == 0) {
            return;
        }
        follow.pause();
        int index = buffer.firstAtOrAfter(io.pitwall.connectors.model.LogEntry.nanos(time));
        int row = Math.min(rows.count() - 1, rows.rowOf(Math.min(index, buffer.size() - 1)));
        selectIndex(rows.index(row), false);
        scrollTo(row);
    }

    private void userScrolled(int row) {
        scrollTo(row);
        if (!atEnd()) {
            follow.pause();
        }
    }

    private void userScrolledColumns(int column) {
        painter.hcol = column;
        requestRedraw();
    }

    void scrollBy(int delta) {
        if (delta < 0) {
            follow.pause();
        }
        scrollTo(painter.topRow + delta);
        if (delta > 0 && atEnd() && follow.newLines.get() > 0) {
            resume();
        }
    }

    void scrollTo(int row) {
        painter.topRow = Math.max(0, Math.min(row, lastTopRow()));
        syncBars();
        requestRedraw();
    }

    void scrollColumns(int delta) {
        if (!wrap.get()) {
            painter.hcol = Math.max(0, Math.min(painter.hcol + delta, Math.max(0, painter.longest - 10)));
            syncBars();
            requestRedraw();
        }
    }

    public int topRow() {
        return painter.topRow;
    }

    public int rowCount() {
        return rows == null ? 0 : rows.count();
    }

    boolean atEnd() {
        return painter.topRow >= lastTopRow();
    }

    int visibleRows() {
        return Math.max(1, (int) (canvas.getHeight() / painter.lineH));
    }

    /** The top row that shows the last row at the bottom. */
    int lastTopRow() {
        return painter.lastTopRow(canvas.getWidth(), canvas.getHeight());
    }

    /** Follows the newest lines again. */
    public void resume() {
        follow.resume();
    }

    /** When on, new lines scroll into view; scrolling up or selecting a line above pauses it. */
    public BooleanProperty followProperty() {
        return follow.on;
    }

    /** Lines that arrived while follow mode was paused. */
    public ReadOnlyLongProperty newLinesProperty() {
        return follow.newLines.getReadOnlyProperty();
    }

    public BooleanProperty wrapProperty() {
        return wrap;
    }

    // --- expand, copy, links --------------------------------------------------------------------

    /** Pretty-prints the selected JSON line under it, or folds it again. */
    public void toggleExpanded() {
        int index = selectedLine();
        if (index >= 0) {
            painter.toggleExpanded(selection.lead(), () -> buffer.line(index));
            updateRows();
            requestRedraw();
        }
    }

    /** The pretty-printed lines of the expanded JSON line (empty when none is). */
    public List<String> expandedLines() {
        return painter.expanded;
    }

    /** Copies the selected lines (in the order shown) to the clipboard, and returns them. */
    public String copySelection() {
        String text = selection.text(buffer, rows);
        if (text.isEmpty()) {
            return text;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        return text;
    }

    void followTraceLink(String traceId) {
        onTraceLink.accept(traceId);
    }

    /** Where "Select pod ..." of a line's menu goes: the object its stream labels name. */
    public void setOnObjectChosen(Consumer<io.pitwall.connectors.model.KubeRef> action) {
        mouse.onObjectChosen = action == null ? r -> { } : action;
    }

    /** Where a click on a trace id goes (the app opens the Traces pane). */
    public void setOnTraceLink(Consumer<String> action) {
        onTraceLink = action == null ? id -> { } : action;
    }

    /** The trace ids drawn as links: the built-in forms plus {@code extra} patterns (one group: the id). */
    public void setTracePatterns(List<Pattern> extra) {
        painter.traceIds = new TraceIds(extra);
        requestRedraw();
    }

    /** The zone the time column is shown in. */
    public void setZone(ZoneId zone) {
        painter.timeFormat = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(zone);
        requestRedraw();
    }

    /** Called on the FX thread when a search's result or the current hit changed. */
    void setOnFound(Runnable action) {
        onFound = action;
    }

    LogSearch.Found found() {
        return found;
    }

    // --- drawing ------------------------------------------------------------------------------

    /** How many frames were drawn. */
    public long frames() {
        return painter.frames;
    }

    /** The line indices the last frame drew, top to bottom. */
    public int[] drawnLines() {
        return painter.drawnLines();
    }

    /** Where the last frame drew line {@code index}'s row (its top, in the view), or -1. */
    double rowY(int index) {
        return painter.rowY(index);
    }

    /** The trace ids the last frame drew as links, with where they are. */
    List<LogPainter.Link> drawnLinks() {
        return List.copyOf(painter.links);
    }

    /** The middle of the first link drawn for {@code traceId}, in this view's coordinates, if the last frame drew one. */
    public java.util.Optional<javafx.geometry.Point2D> traceLinkCentre(String traceId) {
        return painter.linkCentre(traceId);
    }

    private void syncBars() {
        bars.sync(rowCount(), lastTopRow(), visibleRows(), painter.topRow, painter.longest, painter.columns(canvas.getWidth()),
                painter.hcol);
    }

    private void restyle() {
        colours.read();
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

    /** Draws at once (otherwise the view draws at most once per pulse, when something changed). */
    public void redrawNow() {
        dirty = false;
        int longest = painter.longest;
        painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
        if (painter.longest != longest) {
            syncBars();
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bw = bars.vertical.prefWidth(-1);
        double bh = wrap.get() ? 0 : bars.horizontal.prefHeight(-1);
        bars.horizontal.setVisible(!wrap.get());
        bars.vertical.resizeRelocate(w - bw, 0, bw, h - bh);
        bars.horizontal.resizeRelocate(0, h - bh, w - bw, bh);
        if (canvas.getWidth() != w - bw || canvas.getHeight() != h - bh) {
            canvas.setWidth(Math.max(0, w - bw));
            canvas.setHeight(Math.max(0, h - bh));
            dirty = true;
            if (follow.isOn()) {
                painter.topRow = lastTopRow();
            }
            syncBars();
        }
        follow.layout(w, h - bh);
        drawIfDirty();
    }
}
