package io.pitwall.app;

import io.pitwall.app.workspace.EndpointStore;
import io.pitwall.app.workspace.Settings;
import io.pitwall.app.workspace.UserFiles;
import io.pitwall.app.workspace.Workbench;
import io.pitwall.ui.workspace.LayoutState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.prometheus.PrometheusSources;
import io.pitwall.connectors.session.LiveSession;
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

    /** File reads and writes, off the FX thread, in order. */
    private final ExecutorService io = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("pitwall-io").factory());
    /** Everything else that blocks: opening bundles, later the connectors' calls. */
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private UserFiles files;
    private Settings settings;
    private Optional<LayoutState> layout;
    private CompletableFuture<Kubeconfigs.Merged> kubeconfig;
    private Workbench workbench;

    /** Runs on the launcher thread before {@link #start}: reads what the first frame needs. */
    @Override
    public void init() {
        AppDirs dirs = AppDirs.forCurrentUser();
        kubeconfig = CompletableFuture.supplyAsync(
                () -> Kubeconfigs.load(System.getenv(), AppDirs.currentHome()), io);
        files = UserFiles.in(dirs.config(), io);
        settings = files.readSettings();
        layout = files.readLayout();
        files.endpoints().load(); // each context's Prometheus and Alertmanager (endpoints.json)
    }

    @Override
    public void start(Stage stage) {
        EndpointStore endpoints = files.endpoints(); // as the endpoints dialog last left them
        workbench = new Workbench(files, settings, layout, Clock.systemDefaultZone(), background,
                context -> LiveSession.connect(context.name(), Optional.ofNullable(context.cluster()),
                        LiveSession.fromUserKubeconfig(context.name()), background, endpoints.of(context.name()),
                        PrometheusSources.HEALTH_INTERVAL));
        Scene scene = workbench.createScene(1440, 900);
        stage.setOnHiding(e -> workbench.saveLayout());
        MainWindow.show(stage, scene);
        workbench.mapping().problem().ifPresent(m -> workbench.showProblem("mapping.json is not used", m));
        List<Path> files = request().files();
        if (!files.isEmpty()) {
            whenShown(workbench.openFile(files.getFirst()));
        }
        kubeconfig.whenComplete((merged, error) -> Platform.runLater(() -> {
            if (error != null) {
                LOG.warn("could not read the kubeconfig: {}", error.getMessage());
            } else {
                merged.problems().forEach(p -> LOG.warn("kubeconfig: {}", p));
                workbench.setKubeconfig(merged, request().context());
            }
            // no cluster and nothing to open: the demo incident, so there is something to see
            if (files.isEmpty() && request().context().isEmpty() && (error != null || merged.isEmpty())) {
                whenShown(workbench.openDemo());
            } else if (files.isEmpty()) {
                FirstFrame.exitAfterFirstFrameIfAsked();
            }
        }));
        LOG.info("Pitwall {} started, theme {}", AppInfo.load().version(), workbench.theme().id());
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.stop();
        }
        io.shutdown();
        background.shutdownNow();
    }

    /** The first frame that counts is the one that shows what Pitwall opened at start. */
    private static void whenShown(CompletableFuture<?> opening) {
        opening.whenComplete((s, e) -> Platform.runLater(FirstFrame::exitAfterFirstFrameIfAsked));
    }

    /** What the command line asked for, passed through {@code Application.launch} as arguments. */
    private LaunchRequest request() {
        return Main.parseLaunchRequest(getParameters().getRaw());
    }
}
