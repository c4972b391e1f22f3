package io.pitwall.ui.logs;

import javafx.scene.Cursor;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The log view's mouse: a press selects the line under it (Shift extends the selection), a click
 * on a trace id follows it, a double-click pretty-prints a JSON line, the hand cursor over a link;
 * the wheel scrolls rows, or columns with Shift or a sideways swipe.
 */
final class LogMouse {

    private final LogView view;
    private final LogPainter painter;

    LogMouse(LogView view, LogPainter painter) {
        this.view = view;
        this.painter = painter;
    }

    void install() {
        view.setOnMousePressed(this::pressed);
        view.setOnMouseClicked(this::clicked);
        view.setOnMouseMoved(e -> view.setCursor(painter.linkAt(e.getX(), e.getY()) != null ? Cursor.HAND : Cursor.DEFAULT));
        view.setOnScroll(this::scrolled);
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        long id = painter.idAt(e.getY());
        if (id >= 0 && e.isPrimaryButtonDown() && painter.linkAt(e.getX(), e.getY()) == null) {
            view.selectId(id, e.isShiftDown());
        }
    }

    private void clicked(MouseEvent e) {
        String link = painter.linkAt(e.getX(), e.getY());
        if (link != null && e.isStillSincePress()) {
            view.followTraceLink(link);
        } else if (e.getClickCount() == 2 && e.isStillSincePress()) {
            view.toggleExpanded();
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            view.scrollColumns((int) Math.round(-d / painter.charW));
        } else {
            view.scrollBy((int) Math.round(-e.getDeltaY() / painter.lineH));
        }
        e.consume();
    }
}
