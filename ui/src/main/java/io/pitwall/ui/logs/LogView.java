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
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollBar;
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
 * Search and filtering run off the FX thread ({@link LogSearch}).
 */
public final class LogView extends Region {

    /** The most lines Ctrl+C copies at once. */
    static final int COPY_MAX = 100_000;

    private final Canvas canvas = new Canvas();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final Button resume = new Button();
    private final LogColours colours = new LogColours();
    private final LogPainter painter = new LogPainter();
    private final LogSearch search;
    private final BooleanProperty wrap = new SimpleBooleanProperty(this, "wrap");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow");
    private final ReadOnlyLongWrapper newLines = new ReadOnlyLongWrapper(this, "newLines");
    private final Runnable pulse = this::drawIfDirty;
    private LogBuffer buffer;
    private RowMap rows;
    private LogSearch.Found found;
    private long received;
    private int hit = -1;
    private long anchorId = -1;
    private long leadId = -1;
    private boolean filterMode;
    private LogFilter filter = LogFilter.ALL;
    private Consumer<String> onTraceLink = id -> { };
    private Runnable onFound = () -> { };
    private boolean dirty = true;
    private boolean syncing;

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
        vbar.setOrientation(Orientation.VERTICAL);
        vbar.setId("log-vbar");
        hbar.setId("log-hbar");
        resume.setId("log-resume");
        resume.getStyleClass().addAll("accent", "small");
        resume.setVisible(false);
        resume.setOnAction(e -> resume());
        getChildren().addAll(canvas, vbar, hbar, resume);
        colours.probes().forEach(getChildren()::add);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        vbar.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                scrollTo((int) Math.round(b.doubleValue()));
                follow.set(follow.get() && atEnd());
            }
        });
        hbar.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                painter.hcol = (int) Math.round(b.doubleValue());
                requestRedraw();
            }
        });
        wrap.addListener((o, a, b) -> {
            painter.wrap = b;
            requestLayout();
            requestRedraw();
        });
        follow.addListener((o, a, b) -> {
            if (b) {
                resume();
            }
        });
        newLines.addListener((o, a, b) -> {
            resume.setText(String.format("%,d new lines — resume", b.longValue()));
            resume.setVisible(b.longValue() > 0 && !follow.get());
        });
        sceneProperty().addListener((o, was, scene) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(pulse);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(pulse);
                scene.getStylesheets().addListener((ListChangeListener<String>) c -> Platform.runLater(this::restyle));
                Platform.runLater(this::restyle);
            }
        });
        LogKeys keys = new LogKeys(this);
        addEventHandler(KeyEvent.KEY_PRESSED, keys::pressed);
        setOnMousePressed(e -> {
            requestFocus();
            int index = painter.indexAt(e.getY());
            if (index >= 0 && e.isPrimaryButtonDown() && painter.linkAt(e.getX(), e.getY()) == null) {
                selectIndex(index, e.isShiftDown());
            }
        });
        setOnMouseClicked(e -> {
            String link = painter.linkAt(e.getX(), e.getY());
            if (link != null && e.isStillSincePress()) {
                onTraceLink.accept(link);
            } else if (e.getClickCount() == 2 && e.isStillSincePress()) {
                toggleExpanded();
            }
        });
        setOnMouseMoved(e -> setCursor(painter.linkAt(e.getX(), e.getY()) != null ? Cursor.HAND : Cursor.DEFAULT));
        setOnScroll(e -> {
            if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
                double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
                scrollColumns((int) Math.round(-d / painter.charW));
            } else {
                scrollBy((int) Math.round(-e.getDeltaY() / painter.lineH));
            }
            e.consume();
        });
    }

    // --- what is shown ------------------------------------------------------------------------

    /** Shows {@code next} (a new query's lines), searched again with the current filter. */
    public void setBuffer(LogBuffer next) {
        buffer = next;
        painter.buffer = next;
        received = next == null ? 0 : next.received();
        newLines.set(0);
        anchorId = -1;
        leadId = -1;
        painter.expandedId = -1;
        hit = -1;
        found = new LogSearch.Found(next, filter, filterMode, null, null);
        updateRows();
        painter.topRow = follow.get() ? lastTopRow() : 0;
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
        long now = buffer.received();
        long came = now - received;
        received = now;
        if (!follow.get()) {
            newLines.set(newLines.get() + came);
        }
        updateRows();
        if (found != null && (found.hits() != null || found.rows() != null)) {
            search.extend(found);
        }
        if (follow.get()) {
            painter.topRow = lastTopRow();
        }
        requestRedraw();
    }

    /** Searches for {@code next}'s text and keeps its levels; {@code filterOnly} shows only matching lines. */
    public void setFilter(LogFilter next, boolean filterOnly) {
        filter = next;
        filterMode = filterOnly;
        painter.filter = next;
        painter.hitPattern = next.hasText() && (next.regex() || !next.caseSensitive()) ? next.pattern() : null;
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
        long keep = hit >= 0 && found != null && found.hits() != null && hit < found.hits().count() ? found.hits().ids()[hit] : -1;
        found = f;
        updateRows();
        if (f.hits() == null) {
            hit = -1;
        } else if (fresh) {
            // the first hit at or after what the user is looking at
            long from = leadId >= 0 ? leadId : rows.count() > 0 ? rows.id(Math.min(painter.topRow, rows.count() - 1)) : 0;
            hit = f.hits().count() == 0 ? -1 : Math.min(f.hits().lowerBound(from), f.hits().count() - 1);
            if (hit >= 0) {
                goToHit();
            }
        } else if (keep >= 0) {
            hit = f.hits().lowerBound(keep);
        }
        if (follow.get()) {
            painter.topRow = lastTopRow();
        }
        onFound.run();
        requestRedraw();
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
        return found == null || found.hits() == null ? 0 : found.hits().count();
    }

    /** The current hit's position among the hits, from 1 (0 when there is none). */
    public int currentHit() {
        return hit < 0 ? 0 : hit + 1;
    }

    /** "12 of 3,401", "no match", or "" without a search text. */
    public String hitText() {
        if (!filter.hasText()) {
            return "";
        }
        int n = hitCount();
        return n == 0 ? "no match" : String.format("%,d of %,d", currentHit(), n);
    }

    /** The line index of the current hit, or -1. */
    public int hitLine() {
        if (hit < 0 || buffer == null) {
            return -1;
        }
        long id = found.hits().ids()[hit] - rows.evicted();
        return id < 0 || id >= buffer.size() ? -1 : (int) id;
    }

    public void nextHit() {
        stepHit(1);
    }

    public void previousHit() {
        stepHit(-1);
    }

    private void stepHit(int step) {
        int n = hitCount();
        if (n == 0) {
            return;
        }
        hit = hit < 0 ? (step > 0 ? 0 : n - 1) : Math.floorMod(hit + step, n);
        goToHit();
        onFound.run();
    }

    private void goToHit() {
        long id = found.hits().ids()[hit];
        painter.currentHitId = id;
        int index = (int) (id - rows.evicted());
        if (index >= 0 && index < buffer.size()) {
            select(index);
        }
    }

    // --- selection, scrolling -----------------------------------------------------------------

    /** Selects the line {@code index} alone and scrolls it into view. */
    public void select(int index) {
        selectIndex(index, false);
        reveal(index);
    }

    void selectIndex(int index, boolean extend) {
        long id = rows.evicted() + index;
        if (!extend || anchorId < 0) {
            anchorId = id;
        }
        leadId = id;
        painter.selectFrom = anchorId;
        painter.selectTo = leadId;
        requestRedraw();
    }

    /** The selected line (the last one clicked or moved to), or -1. */
    public int selectedLine() {
        if (leadId < 0 || buffer == null) {
            return -1;
        }
        long index = leadId - buffer.evicted();
        return index < 0 || index >= buffer.size() ? -1 : (int) index;
    }

    /** Moves the selection {@code rowsDown} rows (negative: up), extending it with {@code extend}. */
    void moveSelection(int rowsDown, boolean extend) {
        if (rows == null || rows.count() == 0) {
            return;
        }
        int row = leadId < 0 ? painter.topRow : rows.rowOfId(leadId);
        int next = Math.max(0, Math.min(rows.count() - 1, row + rowsDown));
        selectIndex(rows.index(next), extend);
        reveal(rows.index(next));
        if (rowsDown < 0) {
            follow.set(false);
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
        follow.set(false);
        int index = buffer.firstAtOrAfter(io.pitwall.connectors.model.LogEntry.nanos(time));
        int row = Math.min(rows.count() - 1, rows.rowOf(Math.min(index, buffer.size() - 1)));
        selectIndex(rows.index(row), false);
        scrollTo(row);
    }

    void scrollBy(int delta) {
        if (delta < 0) {
            follow.set(false);
        }
        scrollTo(painter.topRow + delta);
        if (delta > 0 && atEnd() && newLines.get() > 0) {
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

    /** The top row that shows the last row at the bottom: walks up from the end, through what fits only. */
    int lastTopRow() {
        if (rows == null || rows.count() == 0) {
            return 0;
        }
        double h = Math.max(painter.lineH, canvas.getHeight());
        int row = rows.count() - 1;
        if (!painter.wrap && painter.expandedId < 0) {
            return Math.max(0, rows.count() - (int) (h / painter.lineH));
        }
        double used = 0;
        while (row >= 0) {
            int index = rows.index(row);
            used += painter.rowHeight(buffer.line(index).length(), rows.evicted() + index, canvas.getWidth());
            if (used > h) {
                return Math.min(rows.count() - 1, row + 1);
            }
            row--;
        }
        return 0;
    }

    /** Follows the newest lines again. */
    public void resume() {
        newLines.set(0);
        if (!follow.get()) {
            follow.set(true);
            return; // the listener calls back
        }
        scrollTo(lastTopRow());
    }

    /** When on, new lines scroll into view; scrolling up or selecting a line above pauses it. */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** Lines that arrived while follow mode was paused. */
    public ReadOnlyLongProperty newLinesProperty() {
        return newLines.getReadOnlyProperty();
    }

    public BooleanProperty wrapProperty() {
        return wrap;
    }

    // --- expand, copy, links --------------------------------------------------------------------

    /** Pretty-prints the selected JSON line under it, or folds it again. */
    public void toggleExpanded() {
        int index = selectedLine();
        if (index < 0) {
            return;
        }
        if (painter.expandedId == leadId) {
            painter.expandedId = -1;
            painter.expanded = List.of();
        } else {
            List<String> json = JsonPretty.lines(buffer.line(index));
            painter.expandedId = json.isEmpty() ? -1 : leadId;
            painter.expanded = json;
        }
        updateRows();
        requestRedraw();
    }

    /** The pretty-printed lines of the expanded JSON line (empty when none is). */
    public List<String> expandedLines() {
        return painter.expanded;
    }

    /** Copies the selected lines (in the order shown) to the clipboard, and returns them. */
    public String copySelection() {
        if (leadId < 0 || rows == null || rows.count() == 0) {
            return "";
        }
        int a = rows.rowOfId(Math.min(anchorId, leadId));
        int b = Math.min(rows.count() - 1, rows.rowOfId(Math.max(anchorId, leadId)));
        if (b - a + 1 > COPY_MAX) {
            b = a + COPY_MAX - 1;
        }
        StringBuilder out = new StringBuilder();
        for (int row = a; row <= b; row++) {
            out.append(buffer.line(rows.index(row))).append('\n');
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(out.toString());
        Clipboard.getSystemClipboard().setContent(content);
        return out.toString();
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
        return java.util.Arrays.copyOf(painter.drawnIndex, painter.drawnCount);
    }

    /** Where the last frame drew line {@code index}'s row (its top, in the view), or -1. */
    double rowY(int index) {
        for (int k = 0; k < painter.drawnCount; k++) {
            if (painter.drawnIndex[k] == index) {
                return painter.drawnY[k];
            }
        }
        return -1;
    }

    /** The trace ids the last frame drew as links, with where they are. */
    List<LogPainter.Link> drawnLinks() {
        return List.copyOf(painter.links);
    }

    /** The middle of the first link drawn for {@code traceId}, in this view's coordinates, if the last frame drew one. */
    public java.util.Optional<javafx.geometry.Point2D> traceLinkCentre(String traceId) {
        return painter.links.stream().filter(l -> l.id().equals(traceId)).findFirst()
                .map(l -> new javafx.geometry.Point2D(l.x() + l.w() / 2, l.y() + l.h() / 2));
    }

    private void syncBars() {
        syncing = true;
        int count = rows == null ? 0 : rows.count();
        int last = lastTopRow();
        vbar.setMin(0);
        vbar.setMax(Math.max(0, last));
        vbar.setVisibleAmount(Math.max(1, Math.min(count, visibleRows())));
        vbar.setBlockIncrement(Math.max(1, visibleRows() - 1));
        vbar.setValue(painter.topRow);
        vbar.setDisable(last == 0);
        hbar.setMax(Math.max(0, painter.longest - 10));
        hbar.setVisibleAmount(Math.max(1, painter.columns(canvas.getWidth())));
        hbar.setValue(painter.hcol);
        syncing = false;
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
        double bw = vbar.prefWidth(-1);
        double bh = wrap.get() ? 0 : hbar.prefHeight(-1);
        hbar.setVisible(!wrap.get());
        vbar.resizeRelocate(w - bw, 0, bw, h - bh);
        hbar.resizeRelocate(0, h - bh, w - bw, bh);
        if (canvas.getWidth() != w - bw || canvas.getHeight() != h - bh) {
            canvas.setWidth(Math.max(0, w - bw));
            canvas.setHeight(Math.max(0, h - bh));
            dirty = true;
            if (follow.get()) {
                painter.topRow = lastTopRow();
            }
            syncBars();
        }
        resume.autosize();
        resume.relocate((w - resume.getWidth()) / 2, h - bh - resume.getHeight() - 12);
        drawIfDirty();
    }
}
