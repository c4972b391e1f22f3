package io.pitwall.ui.fx;

import java.util.LinkedList;
import java.util.List;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/**
 * A query field's history: the newest first, each query once, at most {@code size}. Up and Down
 * in the field walk it; the History menu lists it and runs what is picked.
 */
public final class QueryHistory {

    private final int size;
    private final TextField field;
    private final MenuButton menu;
    private final Runnable run;
    private final LinkedList<String> past = new LinkedList<>();
    private int walking = -1;

    /**
     * @param run runs the field's text (called after a pick from the menu has filled the field)
     */
    public QueryHistory(int size, TextField field, MenuButton menu, Runnable run) {
        this.size = size;
        this.field = field;
        this.menu = menu;
        this.run = run;
        menu.setDisable(true);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.UP && !past.isEmpty()) {
                walking = Math.min(past.size() - 1, walking + 1);
                field.setText(past.get(walking));
                field.end();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && walking >= 0) {
                walking--;
                field.setText(walking < 0 ? "" : past.get(walking));
                field.end();
                e.consume();
            }
        });
    }

    /** {@code query} ran: it becomes the newest (an empty one only ends a walk). */
    public void ran(String query) {
        walking = -1;
        if (query.isEmpty()) {
            return;
        }
        past.remove(query);
        past.addFirst(query);
        while (past.size() > size) {
            past.removeLast();
        }
        menu.getItems().setAll(past.stream().map(p -> {
            MenuItem item = new MenuItem(p.length() > 90 ? p.substring(0, 87) + "..." : p);
            item.setOnAction(e -> {
                field.setText(p);
                run.run();
            });
            return item;
        }).toList());
        menu.setDisable(false);
    }

    /** Newest first. */
    public List<String> queries() {
        return List.copyOf(past);
    }
}
