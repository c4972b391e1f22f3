package io.pitwall.bench;

import io.pitwall.app.FirstFrame;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline: the smallest JavaFX window, reporting its first frame the way Pitwall does. */
public final class HelloWorldWindow extends Application {

    /** A plain launcher class, as JavaFX on the class path requires. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(HelloWorldWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Hello");
        stage.setScene(new Scene(new StackPane(new Label("Hello, world")), 1280, 800));
        stage.show();
        FirstFrame.exitAfterFirstFrameIfAsked();
    }
}
