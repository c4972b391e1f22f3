package io.pitwall.ui.logs;

import java.util.LinkedList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.textfield.TextFields;

/**
 * A LogQL query for sources that speak it: label names and values completed from the source, a
 * history of the last 50 queries (Up and Down walk it, or the History menu). An empty query reads
 * the selection's streams.
 */
public final class LogQlBar extends HBox {

    static final int HISTORY = 50;

    private final TextField field = new TextField();
    private final Button run = new Button("Run");
    private final MenuButton history = new MenuButton("History");
    private final LinkedList<String> past = new LinkedList<>();
    private Consumer<String> onRun = q -> { };
    private int walking = -1;

    LogQlBar(LabelCompletion completion) {
        super(6);
        setId("logql-bar");
        field.setId("logql-field");
        field.getStyleClass().add("pw-mono");
        field.setPromptText("LogQL, e.g. {namespace=\"sock-shop\", container=\"carts\"} |= \"error\"  (empty: the selection's logs)");
        run.setId("logql-run");
        run.setTooltip(new Tooltip("Run the query over the time range (Enter)"));
        history.setId("logql-history");
        history.setDisable(true);
        HBox.setHgrow(field, Priority.ALWAYS);
        getChildren().addAll(field, run, history);
        run.setOnAction(e -> submit());
        field.setOnAction(e -> submit());
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
        field.focusedProperty().addListener((o, a, focused) -> {
            if (focused) {
                completion.fetchNames();
            }
        });
        TextFields.bindAutoCompletion(field, request -> completion.complete(request.getUserText()));
    }

    private void submit() {
        String q = field.getText() == null ? "" : field.getText().strip();
        if (!q.isEmpty()) {
            past.remove(q);
            past.addFirst(q);
            while (past.size() > HISTORY) {
                past.removeLast();
            }
            history.getItems().setAll(past.stream().map(p -> {
                MenuItem item = new MenuItem(p.length() > 90 ? p.substring(0, 87) + "..." : p);
                item.setOnAction(e -> {
                    field.setText(p);
                    submit();
                });
                return item;
            }).toList());
            history.setDisable(false);
        }
        walking = -1;
        onRun.accept(q);
    }

    void setOnRun(Consumer<String> action) {
        onRun = action;
    }

    public TextField field() {
        return field;
    }

    public List<String> history() {
        return List.copyOf(past);
    }
}
