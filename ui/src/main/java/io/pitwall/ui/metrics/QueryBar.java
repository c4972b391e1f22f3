package io.pitwall.ui.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/**
 * A free PromQL query: completion of metric and label names (from the session's metrics), a
 * history of what ran (Up and Down walk it), and errors shown under the field, the caret put
 * where Prometheus says the query went wrong.
 */
public final class QueryBar extends VBox {

    /** How many queries the history keeps. */
    static final int HISTORY = 50;

    private final TextField field = new TextField();
    private final Button run = new Button("Run");
    private final MenuButton history = new MenuButton("History");
    private final Label error = new Label();
    private final io.pitwall.ui.fx.QueryHistory past;
    private Consumer<String> onRun = q -> {
    };

    /** @param vocabulary the metric and label names known now (called off the FX thread, must not block) */
    public QueryBar(Supplier<Collection<String>> vocabulary) {
        getStyleClass().add("pw-query-bar");
        setSpacing(4);
        field.setId("promql-field");
        field.getStyleClass().add("pw-mono");
        field.setPromptText("PromQL, e.g. sum by (pod) (rate(container_cpu_usage_seconds_total[5m]))");
        run.setId("promql-run");
        run.setDefaultButton(false);
        history.setId("promql-history");
        error.setId("promql-error");
        error.getStyleClass().add("pw-query-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        HBox.setHgrow(field, Priority.ALWAYS);
        getChildren().addAll(new HBox(6, field, run, history), error);
        run.setTooltip(new Tooltip("Run the query over the time range (Enter)"));
        run.setOnAction(e -> submit());
        field.setOnAction(e -> submit());
        past = new io.pitwall.ui.fx.QueryHistory(HISTORY, field, history, this::submit);
        TextFields.bindAutoCompletion(field, request -> complete(request.getUserText(), vocabulary.get()));
    }

    /**
     * The completions of {@code text}'s last word among {@code words}: names that start with it
     * first, then names that contain it; each suggestion is the whole query with the word completed.
     */
    static List<String> complete(String text, Collection<String> words) {
        if (text == null || words == null) {
            return List.of();
        }
        int start = text.length();
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_'
                || text.charAt(start - 1) == ':')) {
            start--;
        }
        String word = text.substring(start).toLowerCase(Locale.ROOT);
        if (word.length() < 2) {
            return List.of();
        }
        String head = text.substring(0, start);
        List<String> first = new ArrayList<>();
        List<String> then = new ArrayList<>();
        for (String w : words) {
            String lw = w.toLowerCase(Locale.ROOT);
            if (lw.equals(word)) {
                continue;
            }
            if (lw.startsWith(word)) {
                first.add(w);
            } else if (lw.contains(word)) {
                then.add(w);
            }
        }
        first.sort(String::compareTo);
        then.sort(String::compareTo);
        first.addAll(then);
        return first.stream().limit(30).map(w -> head + w).toList();
    }

    private void submit() {
        String q = field.getText() == null ? "" : field.getText().trim();
        if (q.isEmpty()) {
            return;
        }
        past.ran(q);
        clearError();
        onRun.accept(q);
    }

    public void setOnRun(Consumer<String> action) {
        onRun = action;
    }

    /** Shows Prometheus's error under the field and puts the caret where it points, if it does. */
    public void showError(String message, OptionalInt position) {
        error.setText(message);
        error.setVisible(true);
        error.setManaged(true);
        position.ifPresent(p -> {
            int at = Math.max(0, Math.min(p, field.getLength()));
            field.requestFocus();
            field.selectRange(at, Math.min(field.getLength(), at + 1));
        });
    }

    public void clearError() {
        error.setText("");
        error.setVisible(false);
        error.setManaged(false);
    }

    public TextField field() {
        return field;
    }

    public Label errorLabel() {
        return error;
    }

    public List<String> history() {
        return past.queries();
    }

    public Button runButton() {
        return run;
    }
}
