package io.pitwall.ui.logs;

import io.pitwall.connectors.logs.LogScope;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/**
 * Which of a pod's logs: all its containers merged, one container, or one container before its
 * last restart (what a crash-looping container said before it died). Hidden when there is no
 * choice to make.
 */
final class ScopeChooser extends ComboBox<LogScope> {

    private Consumer<LogScope> chosen = s -> { };
    private boolean listing;

    ScopeChooser() {
        setId("logs-container");
        getStyleClass().add("small");
        setTooltip(new Tooltip("All containers, one, or one before its last restart"));
        setCellFactory(l -> new Cell());
        setButtonCell(new Cell());
        setFocusTraversable(false);
        setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        valueProperty().addListener((o, was, now) -> {
            if (!listing && now != null && !now.equals(was)) {
                chosen.accept(now);
            }
        });
        show(List.of(), null, s -> { });
    }

    /** Offers {@code choices} with {@code current} chosen; {@code action} hears the user's choice. */
    void show(List<LogScope> choices, LogScope current, Consumer<LogScope> action) {
        listing = true;
        chosen = action == null ? s -> { } : action;
        getItems().setAll(choices);
        setValue(current);
        boolean some = choices.size() > 1;
        setVisible(some);
        setManaged(some);
        listing = false;
    }

    static String label(LogScope s) {
        return switch (s) {
            case LogScope.Container c -> c.container() + (c.previous() ? " (before its last restart)" : "");
            case LogScope.Pod p -> "all containers";
            default -> s.title();
        };
    }

    private static final class Cell extends ListCell<LogScope> {
        @Override
        protected void updateItem(LogScope s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : label(s));
        }
    }
}
