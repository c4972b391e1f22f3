package io.pitwall.ui.shell;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The {@code ?} overlay: every keyboard shortcut on one card. Any key or click closes it. */
public final class ShortcutsOverlay extends StackPane {

    /** One line of the card. */
    public record Shortcut(String keys, String what) {
    }

    public ShortcutsOverlay(List<Shortcut> shortcuts) {
        getStyleClass().add("pw-palette-backdrop");
        setId("shortcuts-overlay");
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut s : shortcuts) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("pw-shortcut");
            grid.addRow(row++, keys, new Label(s.what()));
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("title-3");
        VBox card = new VBox(12, title, grid);
        card.getStyleClass().add("pw-palette");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
        setVisible(false);
        setManaged(false);
        setFocusTraversable(true);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            hide();
            e.consume();
        });
        setOnMouseClicked(e -> hide());
    }

    public void show() {
        setManaged(true);
        setVisible(true);
        toFront();
        requestFocus();
    }

    public void hide() {
        setVisible(false);
        setManaged(false);
    }

    public boolean isShowing() {
        return isVisible();
    }
}
