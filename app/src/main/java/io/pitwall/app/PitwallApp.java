package io.pitwall.app;

import io.pitwall.app.workspace.Workbench;
import io.pitwall.connectors.kube.Kubeconfigs;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one main window titled Pitwall. */
public final class PitwallApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(PitwallApp.class);

    /** Opens the GUI and blocks until its last window closes. */
    static int launch(LaunchRequest request) {
        requireDisplay();
        Application.launch(PitwallApp.class, request.toArgs().toArray(String[]::new));
        return 0;
    }

    /** On Linux a window needs X11 or Wayland; say so plainly instead of a toolkit crash. */
    private static void requireDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean monocle = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
        if (linux && !monocle && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            throw new IllegalStateException("no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set);"
                    + " `pitwall render` writes a PNG without one");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        AppDirs dirs = AppDirs.forCurrentUser();
        Kubeconfigs.Merged kubeconfig = Kubeconfigs.load(System.getenv(), Path.of(System.getProperty("user.home")));
        kubeconfig.problems().forEach(p -> LOG.warn("kubeconfig: {}", p));
        workbench = new Workbench(dirs.config(), kubeconfig, Clock.systemDefaultZone());
        Scene scene = workbench.createScene(1440, 900);
        stage.setOnHiding(e -> workbench.saveLayout());
        MainWindow.show(stage, scene);
        FirstFrame.exitAfterFirstFrameIfAsked();
        LOG.info("Pitwall {} started, {} kubeconfig contexts, theme {}", AppInfo.load().version(),
                kubeconfig.contexts().size(), workbench.theme().id());
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.stop();
        }
    }
}
