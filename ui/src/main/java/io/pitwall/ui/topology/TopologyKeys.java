package io.pitwall.ui.topology;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.topology.TopologyLayout.Box;
import io.pitwall.ui.topology.TopologyNavigator.Direction;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyEvent;

/**
 * The topology view's keys, while it has the focus: arrows move the selection (see
 * {@link TopologyNavigator}), + and - zoom, 0 or F fits, Ctrl+F or "/" opens the find field,
 * Enter expands a collapsed group (or goes into an expanded one's pods), Shift+Enter collapses
 * it, Escape closes the find field, else clears the selection. "?" and the rest go on to the
 * window's shortcuts.
 */
final class TopologyKeys {

    private final TopologyView view;
    private final SearchBar search;

    TopologyKeys(TopologyView view, SearchBar search) {
        this.view = view;
        this.search = search;
    }

    void pressed(KeyEvent e) {
        if (search.field().isFocused()) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case F -> {
                if (e.isShortcutDown()) {
                    view.openSearch();
                } else {
                    handled = false;
                }
            }
            case LEFT -> move(Direction.LEFT);
            case RIGHT -> move(Direction.RIGHT);
            case UP -> move(Direction.UP);
            case DOWN -> move(Direction.DOWN);
            case ENTER -> enter(e.isShiftDown());
            case ESCAPE -> handled = clear();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    void typed(KeyEvent e) {
        if (search.field().isFocused() || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCharacter()) {
            case "/" -> view.openSearch();
            case "+", "=" -> view.zoomAt(view.getWidth() / 2, view.getHeight() / 2, 1.25);
            case "-", "_" -> view.zoomAt(view.getWidth() / 2, view.getHeight() / 2, 1 / 1.25);
            case "0", "f", "F" -> view.fit();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void move(Direction d) {
        Rectangle2D v = view.viewport();
        KubeRef next = TopologyNavigator.move(view.layoutShown(), view.selectedProperty().get(), d, v.getMinX() + v.getWidth() / 2,
                v.getMinY() + v.getHeight() / 2);
        if (next != null) {
            view.selectedProperty().set(next);
            view.reveal(next, false);
        }
    }

    /** Enter: a collapsed group expands, an expanded one's first pod is selected. Shift+Enter collapses. */
    private void enter(boolean shift) {
        KubeRef sel = view.selectedProperty().get();
        TopologyLayout layout = view.layoutShown();
        if (layout == null || sel == null) {
            return;
        }
        TopologyLayout.PodPlace place = layout.places().get(sel);
        Box group = place != null ? layout.boxes().get(place.boxId()) : layout.byRef().get(sel);
        if (group == null || group.kind() != TopologyLayout.Kind.GROUP) {
            return;
        }
        if (shift) {
            if (!group.collapsed()) {
                view.selectedProperty().set(group.ref());
                view.requestCollapse(group, true);
            }
        } else if (group.collapsed()) {
            view.requestCollapse(group, false);
        } else if (place == null && !group.pods().isEmpty()) {
            view.selectedProperty().set(group.pods().getFirst().ref());
            view.reveal(group.pods().getFirst().ref(), false);
        }
    }

    /** Escape: closes the search, else clears the selection. Whether there was anything to clear. */
    private boolean clear() {
        if (search.active()) {
            view.closeSearch();
            return true;
        }
        if (view.selectedProperty().get() != null) {
            view.selectedProperty().set(null);
            return true;
        }
        return false;
    }
}
