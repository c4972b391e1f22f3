package io.pitwall.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A view that moves to another scene takes its hooks along and lets go of the old scene. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SceneHooksTest {

    private final FxRobot robot = new FxRobot();

    @Test
    void theHooksFollowTheViewFromSceneToScene() {
        AtomicInteger restyled = new AtomicInteger();
        Runnable pulse = () -> { };
        Pane view = new Pane();
        StackPane first = new StackPane();
        StackPane second = new StackPane();
        Scene[] scenes = new Scene[2];
        robot.interact(() -> {
            scenes[0] = new Scene(first);
            scenes[1] = new Scene(second);
            first.getChildren().add(view);
            SceneHooks.install(view, pulse, restyled::incrementAndGet);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(restyled).hasValue(1); // installed in a scene: read the colours once

        robot.interact(() -> scenes[0].getStylesheets().add("a.css"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(restyled).hasValue(2); // a theme switch

        robot.interact(() -> second.getChildren().add(view)); // floated into another window
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(restyled).hasValue(3);
        robot.interact(() -> scenes[0].getStylesheets().add("b.css"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(restyled).as("the old scene no longer reaches the view").hasValue(3);
        robot.interact(() -> scenes[1].getStylesheets().add("c.css"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(restyled).hasValue(4);
    }
}
