package io.pitwall.ui.logs;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
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
    private final io.pitwall.ui.fx.QueryHistory past;
    private Consumer<String> onRun = q -> { };

    LogQlBar(LabelCompletion completion) {
        super(6);
        setId("logql-bar");
        field.setId("logql-field");
        field.getStyleClass().add("pw-mono");
        field.setPromptText("LogQL, e.g. {namespace=\"sock-shop\", container=\"carts\"} |= \"error\"  (empty: the selection's logs)");
        run.setId("logql-run");
        run.setTooltip(new Tooltip("Run the query over the time range (Enter)"));
        history.setId("logql-history");
        HBox.setHgrow(field, Priority.ALWAYS);
        getChildren().addAll(field, run, history);
        run.setOnAction(e -> submit());
        field.setOnAction(e -> submit());
        past = new io.pitwall.ui.fx.QueryHistory(HISTORY, field, history, this::submit);
        field.focusedProperty().addListener((o, a, focused) -> {
            if (focused) {
                completion.fetchNames();
            }
        });
        TextFields.bindAutoCompletion(field, request -> completion.complete(request.getUserText()));
    }

    private void submit() {
        String q = field.getText() == null ? "" : field.getText().strip();
        past.ran(q);
        onRun.accept(q);
    }

    void setOnRun(Consumer<String> action) {
        onRun = action;
    }

    public TextField field() {
        return field;
    }

    public List<String> history() {
        return past.queries();
    }
}
