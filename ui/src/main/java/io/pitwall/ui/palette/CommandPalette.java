package io.pitwall.ui.palette;

import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The command palette (Ctrl+K): type a few letters of any action, Enter runs the first match.
 * An overlay over the workspace: Escape or a click outside closes it.
 */
public final class CommandPalette extends StackPane {

    private final Supplier<List<Command>> commands;
    private final TextField query = new TextField();
    private final ListView<Command> results = new ListView<>();

    public CommandPalette(Supplier<List<Command>> commands) {
        this.commands = commands;
        getStyleClass().add("pw-palette-backdrop");
        setVisible(false);
        setManaged(false);
        setPickOnBounds(true);

        query.setPromptText("Type a command: switch context, theme, reset layout, focus a pane...");
        query.setId("palette-query");
        results.setId("palette-results");
        results.setCellFactory(v -> new CommandCell());
        results.setPrefHeight(320);
        VBox.setVgrow(results, Priority.ALWAYS);

        VBox box = new VBox(6, query, results);
        box.getStyleClass().add("pw-palette");
        box.setMaxWidth(640);
        box.setMaxHeight(380);
        StackPane.setAlignment(box, Pos.TOP_CENTER);
        getChildren().add(box);

        query.textProperty().addListener((o, was, now) -> refresh());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                hide();
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                runSelected();
            }
        });
    }

    public void show() {
        query.clear();
        refresh();
        setManaged(true);
        setVisible(true);
        toFront();
        query.requestFocus();
    }

    public void hide() {
        setVisible(false);
        setManaged(false);
    }

    public boolean isShowing() {
        return isVisible();
    }

    /** The commands listed for the current query, best first. */
    public List<Command> shown() {
        return List.copyOf(results.getItems());
    }

    private void refresh() {
        results.getItems().setAll(FuzzyMatcher.rank(query.getText(), commands.get()));
        if (!results.getItems().isEmpty()) {
            results.getSelectionModel().selectFirst();
            results.scrollTo(0);
        }
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case ESCAPE -> {
                hide();
                e.consume();
            }
            case ENTER -> {
                runSelected();
                e.consume();
            }
            case DOWN, UP -> {
                int i = results.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                if (i >= 0 && i < results.getItems().size()) {
                    results.getSelectionModel().select(i);
                    results.scrollTo(Math.max(0, i - 3));
                }
                e.consume();
            }
            default -> {
            }
        }
    }

    private void runSelected() {
        Command c = results.getSelectionModel().getSelectedItem();
        if (c != null) {
            hide();
            c.action().run();
        }
    }

    private static final class CommandCell extends ListCell<Command> {
        @Override
        protected void updateItem(Command c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(c.title());
            Label keys = new Label(c.shortcut());
            keys.getStyleClass().add("pw-shortcut");
            BorderPane row = new BorderPane();
            row.setLeft(title);
            row.setRight(keys);
            setText(null);
            setGraphic(row);
        }
    }
}
