package io.pitwall.app.workspace;

import io.pitwall.app.MainWindow;
import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.session.DisconnectedSession;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on a stage of its own, for the ui tests of the workbench. */
final class TestWorkbench {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);

    private TestWorkbench() {
    }

    /** Five contexts of real kubeconfig samples (see the test resources' SOURCES.md). */
    static Kubeconfigs.Merged kubeconfig() {
        try {
            return Kubeconfigs.merge(List.of(
                    Path.of(TestWorkbench.class.getResource("/kubeconfig/k8s-docs-config-demo-3-contexts.yaml").toURI()),
                    Path.of(TestWorkbench.class.getResource("/kubeconfig/headlamp-user-without-credentials.yaml").toURI())));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens the workbench with its settings in {@code config}. No test connects to the fixtures'
     * clusters (their addresses are not on this machine): a context "connects" to a session that
     * says so.
     */
    static Workbench open(Path config, Kubeconfigs.Merged kube) throws Exception {
        return open(config, kube, context -> DisconnectedSession.forContext(context.name(),
                Optional.ofNullable(context.cluster()), Optional.of("test: " + context.cluster() + " is not on this machine")));
    }

    /** The workbench without a kubeconfig, the demo incident opened and its topology drawn. */
    static Workbench demo(Path config, org.testfx.api.FxRobot robot) throws Exception {
        Workbench bench = open(config, Kubeconfigs.merge(java.util.List.of()));
        robot.interact(bench::openDemo);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> bench.session().info().title()
                .equals("demo-incident.pitwall") && bench.topologyView().layoutShown() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return bench;
    }

    /** As {@link #open(Path, Kubeconfigs.Merged)}, a context connecting to what {@code connect} gives. */
    static Workbench open(Path config, Kubeconfigs.Merged kube,
                          java.util.function.Function<io.pitwall.connectors.kube.KubeContext,
                                  io.pitwall.connectors.session.Session> connect) throws Exception {
        Workbench[] bench = new Workbench[1];
        FxToolkit.setupStage(stage -> {
            UserFiles files = UserFiles.in(config, Runnable::run);
            bench[0] = new Workbench(files, files.readSettings(), files.readLayout(), CLOCK, Runnable::run, connect);
            bench[0].setKubeconfig(kube);
            Scene scene = bench[0].createScene(1280, 800);
            stage.setOnHiding(e -> bench[0].saveLayout());
            MainWindow.show(stage, scene);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return bench[0];
    }
}
