package io.pitwall.app;

import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The main window's frame. */
public final class MainWindow {

    public static final String TITLE = "Pitwall";

    private MainWindow() {
    }

    public static void show(Stage stage, Scene scene) {
        stage.setTitle(TITLE);
        stage.getIcons().add(new Image(Objects.requireNonNull(
                MainWindow.class.getResourceAsStream("pitwall.png"), "pitwall.png")));
        stage.setScene(scene);
        stage.show();
    }
}
