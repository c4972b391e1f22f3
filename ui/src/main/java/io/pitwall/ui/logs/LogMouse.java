package io.pitwall.ui.logs;

import io.pitwall.connectors.logs.LokiSelectors;
import io.pitwall.connectors.model.KubeRef;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The log view's mouse: a press selects the line under it (Shift extends the selection), a click
 * on a trace id follows it, a double-click pretty-prints a JSON line, the hand cursor over a link;
 * the wheel scrolls rows, or columns with Shift or a sideways swipe. A line's menu selects the
 * pod or namespace its stream labels name, in every pane.
 */
final class LogMouse {

    private final LogView view;
    private final LogPainter painter;
    private final ContextMenu menu = new ContextMenu();
    Consumer<KubeRef> onObjectChosen = r -> { };

    LogMouse(LogView view, LogPainter painter) {
        this.view = view;
        this.painter = painter;
    }

    void install() {
        view.setOnMousePressed(this::pressed);
        view.setOnMouseClicked(this::clicked);
        view.setOnMouseMoved(e -> view.setCursor(painter.linkAt(e.getX(), e.getY()) != null ? Cursor.HAND : Cursor.DEFAULT));
        view.setOnScroll(this::scrolled);
        view.setOnContextMenuRequested(this::menuRequested);
        menu.setId("log-line-menu");
    }

    /** The menu key opens the selected line's menu at the line. */
    private void menuRequested(ContextMenuEvent e) {
        if (e.isKeyboardTrigger()) {
            int line = view.selectedLine();
            javafx.geometry.Point2D at = view.localToScreen(24, 24);
            if (line >= 0 && at != null) {
                showMenu(line, at.getX(), at.getY());
            }
        }
        e.consume();
    }

    /** A line's menu: select the pod or namespace its stream labels name. */
    private void showMenu(int line, double screenX, double screenY) {
        menu.hide();
        if (line < 0) {
            return;
        }
        List<KubeRef> objects = LokiSelectors.objectsOf(view.buffer().stream(line).labels());
        menu.getItems().setAll(objects.stream().map(ref -> {
            MenuItem item = new MenuItem("Select " + ref.kind().toLowerCase(java.util.Locale.ROOT) + " " + ref.name());
            item.setId("log-select-" + ref.kind().toLowerCase(java.util.Locale.ROOT));
            item.setOnAction(a -> onObjectChosen.accept(ref));
            return item;
        }).toList());
        if (!objects.isEmpty()) {
            menu.show(view, screenX, screenY);
        }
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        long id = painter.idAt(e.getY());
        if (id >= 0 && e.isPrimaryButtonDown() && painter.linkAt(e.getX(), e.getY()) == null) {
            view.selectId(id, e.isShiftDown());
        }
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY && e.isStillSincePress()) {
            showMenu(view.lineOf(painter.idAt(e.getY())), e.getScreenX(), e.getScreenY());
            return;
        }
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
