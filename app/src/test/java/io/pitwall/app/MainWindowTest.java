package io.pitwall.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.themes.Theme;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window opens on headless Monocle, titled Pitwall, with the theme's sheets. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = MainWindow.scene();
        Theme.DARK.apply(scene);
        MainWindow.show(stage, scene);
    }

    @Test
    void windowIsShownAndTitledPitwall() {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Pitwall");
        assertThat(stage.getScene().lookup("#pitwall-root")).isNotNull();
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("pitwall-base.css"));
    }
}
