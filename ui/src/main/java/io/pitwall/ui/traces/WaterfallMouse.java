package io.pitwall.ui.traces;

import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The waterfall's mouse: a press on a row's triangle folds it, elsewhere on a row selects it (a
 * double-click opens it); a drag along the time header zooms to the window dragged out; the wheel
 * scrolls by rows; hovering a row tells its span and what its marks mean.
 */
final class WaterfallMouse {

    private final TraceWaterfall view;
    private final Canvas canvas;
    private final WaterfallPainter painter;
    private final Tooltip tip = new Tooltip();
    private double pressX = Double.NaN;

    WaterfallMouse(TraceWaterfall view, Canvas canvas, WaterfallPainter painter) {
        this.view = view;
        this.canvas = canvas;
        this.painter = painter;
    }

    void install() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> view.cursorHover(null));
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            view.scrollTo(view.topRow() - (int) Math.round(e.getDeltaY() / WaterfallPainter.ROW_H));
            e.consume();
        });
        Tooltip.install(canvas, tip);
        tip.setShowDelay(javafx.util.Duration.millis(400));
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        WaterfallRows rows = view.rows();
        if (rows == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        double w = canvas.getWidth();
        if (e.getY() < WaterfallPainter.HEADER_H) {
            if (e.getX() >= painter.barLeft(w)) {
                pressX = e.getX();
                painter.dragFrom = painter.timeAt(e.getX(), w);
            }
            return;
        }
        int row = painter.rowAt(e.getY());
        if (row < 0) {
            return;
        }
        int span = rows.span(row);
        double tx = painter.toggleX(span);
        if (rows.hasChildren(span) && e.getX() >= tx - 2 && e.getX() <= tx + WaterfallPainter.TOGGLE_W + 2) {
            view.toggle(span);
            return;
        }
        view.select(span);
        if (e.getClickCount() >= 2) {
            view.open(span);
        }
    }

    private void dragged(MouseEvent e) {
        if (!Double.isNaN(pressX)) {
            double w = canvas.getWidth();
            double x = Math.max(painter.barLeft(w), Math.min(e.getX(), painter.barLeft(w) + painter.barWidth(w)));
            painter.dragTo = painter.timeAt(x, w);
            view.requestRedraw();
        }
    }

    private void released(MouseEvent e) {
        if (!Double.isNaN(pressX)) {
            if (Math.abs(e.getX() - pressX) > 3 && painter.dragTo != Long.MIN_VALUE) {
                view.zoom(Math.min(painter.dragFrom, painter.dragTo), Math.max(painter.dragFrom, painter.dragTo));
            }
            pressX = Double.NaN;
            painter.dragFrom = Long.MIN_VALUE;
            painter.dragTo = Long.MIN_VALUE;
            view.requestRedraw();
        }
    }

    private void hover(MouseEvent e) {
        double w = canvas.getWidth();
        view.cursorHover(view.rows() == null || e.getX() < painter.barLeft(w) ? null
                : java.time.Instant.ofEpochSecond(0, painter.timeAt(e.getX(), w)));
        WaterfallRows rows = view.rows();
        int row = rows == null ? -1 : painter.rowAt(e.getY());
        String text = row < 0 ? "" : SpanFlags.tooltip(view.trace(), rows.span(row));
        if (!text.equals(tip.getText())) {
            tip.setText(text);
        }
        if (text.isEmpty()) {
            tip.hide();
        }
    }
}
