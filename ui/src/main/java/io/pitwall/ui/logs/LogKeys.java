package io.pitwall.ui.logs;

import javafx.scene.input.KeyEvent;

/**
 * The log view's keys: Up/Down move the selection (Shift extends it), Page Up/Down by a screen,
 * Home/End to the first and last line (End follows again), Left/Right scroll sideways when lines
 * are not wrapped, Enter expands a JSON line, Ctrl+C copies, F3 and Shift+F3 go to the next and
 * previous search hit.
 */
final class LogKeys {

    private final LogView view;

    LogKeys(LogView view) {
        this.view = view;
    }

    void pressed(KeyEvent e) {
        boolean shift = e.isShiftDown();
        int page = Math.max(1, view.visibleRows() - 1);
        switch (e.getCode()) {
            case UP -> view.moveSelection(-1, shift);
            case DOWN -> view.moveSelection(1, shift);
            case PAGE_UP -> view.moveSelection(-page, shift);
            case PAGE_DOWN -> view.moveSelection(page, shift);
            case HOME -> view.moveSelection(-Integer.MAX_VALUE / 2, shift);
            case END -> {
                view.moveSelection(Integer.MAX_VALUE / 2, shift);
                view.resume();
            }
            case LEFT -> view.scrollColumns(-8);
            case RIGHT -> view.scrollColumns(8);
            case ENTER -> view.toggleExpanded();
            case F3 -> {
                if (shift) {
                    view.previousHit();
                } else {
                    view.nextHit();
                }
            }
            case C -> {
                if (!e.isShortcutDown()) {
                    return;
                }
                view.copySelection();
            }
            default -> {
                return;
            }
        }
        e.consume();
    }
}
