package io.pitwall.ui.traces;

import javafx.scene.input.KeyEvent;

/**
 * The waterfall's keys: Up and Down move the selection, Left collapses (or goes to the parent),
 * Right expands (or goes to the first child), Enter opens the span, Page Up/Down, Home and End
 * scroll and move.
 */
final class WaterfallKeys {

    private final TraceWaterfall view;

    WaterfallKeys(TraceWaterfall view) {
        this.view = view;
    }

    void pressed(KeyEvent e) {
        WaterfallRows rows = view.rows();
        if (rows == null || rows.count() == 0) {
            return;
        }
        int span = view.selectedSpan();
        int row = span < 0 ? -1 : rows.rowOf(span);
        int page = Math.max(1, view.visibleRows() - 1);
        switch (e.getCode()) {
            case DOWN -> moveTo(rows, row < 0 ? view.topRow() : row + 1);
            case UP -> moveTo(rows, row < 0 ? view.topRow() : row - 1);
            case PAGE_DOWN -> moveTo(rows, (row < 0 ? view.topRow() : row) + page);
            case PAGE_UP -> moveTo(rows, (row < 0 ? view.topRow() : row) - page);
            case HOME -> moveTo(rows, 0);
            case END -> moveTo(rows, rows.count() - 1);
            case LEFT -> {
                if (span < 0) {
                    return;
                }
                if (rows.hasChildren(span) && !rows.isCollapsed(span)) {
                    view.setCollapsed(span, true);
                } else if (view.trace().parent(span) >= 0) {
                    view.select(view.trace().parent(span));
                }
            }
            case RIGHT -> {
                if (span < 0) {
                    return;
                }
                if (rows.hasChildren(span) && rows.isCollapsed(span)) {
                    view.setCollapsed(span, false);
                } else if (rows.hasChildren(span)) {
                    view.select(view.trace().child(span, 0));
                }
            }
            case ENTER -> view.open(span);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void moveTo(WaterfallRows rows, int row) {
        int r = Math.max(0, Math.min(rows.count() - 1, row));
        view.select(rows.span(r));
    }
}
