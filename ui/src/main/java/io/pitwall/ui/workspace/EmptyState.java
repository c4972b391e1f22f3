package io.pitwall.ui.workspace;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** What a pane shows when it has nothing to show: what is missing and what to connect. */
public final class EmptyState extends VBox {

    private final Label title = new Label();
    private final Label hint = new Label();
    private final FontIcon icon = new FontIcon();
    private final Button action = new Button();

    public EmptyState(Ikon ikon, String titleText, String hintText) {
        getStyleClass().add("pw-empty-state");
        title.getStyleClass().add("title");
        hint.getStyleClass().add("hint");
        hint.setMaxWidth(420);
        icon.getStyleClass().add("icon");
        icon.setIconSize(40);
        action.getStyleClass().add("action");
        showAction(false);
        getChildren().addAll(icon, title, hint, action);
        set(ikon, titleText, hintText);
    }

    /** A button under the hint that does what the hint asks (set up a source), hidden until shown. */
    public Button action() {
        return action;
    }

    void showAction(boolean shown) {
        action.setVisible(shown);
        action.setManaged(shown);
    }

    public void set(Ikon ikon, String titleText, String hintText) {
        icon.setIconCode(ikon);
        title.setText(titleText);
        hint.setText(hintText);
    }

    public String titleText() {
        return title.getText();
    }

    public String hintText() {
        return hint.getText();
    }
}
