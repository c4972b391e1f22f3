package io.pitwall.ui.fx;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * What a Canvas-drawn view needs of the scene it is in, moved with it when it moves (a pane
 * floated into a window of its own, docked back): a post-layout pulse listener (its one redraw
 * a pulse) and a call whenever the scene's stylesheets change (a theme switch: read the colours
 * again). The old scene is let go of, so a view does not keep every scene it was ever in.
 */
public final class SceneHooks {

    private SceneHooks() {
    }

    /**
     * Installs {@code pulse} (may be null) and {@code restyle} on {@code node}'s scene, now and
     * whenever it changes; {@code restyle} also runs once after each move.
     */
    public static void install(Node node, Runnable pulse, Runnable restyle) {
        ListChangeListener<String> themes = c -> Platform.runLater(restyle);
        node.sceneProperty().addListener((o, was, scene) -> {
            if (was != null) {
                if (pulse != null) {
                    was.removePostLayoutPulseListener(pulse);
                }
                was.getStylesheets().removeListener(themes);
            }
            if (scene != null) {
                attach(scene, pulse, themes);
                Platform.runLater(restyle);
            }
        });
        if (node.getScene() != null) {
            attach(node.getScene(), pulse, themes);
            Platform.runLater(restyle);
        }
    }

    private static void attach(Scene scene, Runnable pulse, ListChangeListener<String> themes) {
        if (pulse != null) {
            scene.addPostLayoutPulseListener(pulse);
        }
        scene.getStylesheets().addListener(themes);
    }
}
