package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.MainWindow;
import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.topology.TopologyLayout;
import io.pitwall.ui.topology.TopologyView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The topology pane in the main window, with the demo incident: find, Details, collapsing. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TopologyPaneTest {

    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();

    private Workbench openDemo() throws Exception {
        Workbench[] bench = new Workbench[1];
        FxToolkit.setupStage(stage -> {
            UserFiles files = UserFiles.in(config, Runnable::run);
            bench[0] = new Workbench(files, files.readSettings(), files.readLayout(),
                    Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC), Runnable::run,
                    context -> { throw new IllegalStateException("no cluster in this test"); });
            bench[0].setKubeconfig(Kubeconfigs.merge(List.of()));
            Scene scene = bench[0].createScene(1280, 800);
            MainWindow.show(stage, scene);
        });
        robot.interact(bench[0]::openDemo);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench[0].topologyView().layoutShown() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return bench[0];
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void findingAnObjectShowsItsDetails() throws Exception {
        Workbench bench = openDemo();
        TopologyView view = bench.topologyView();
        robot.clickOn(view);
        robot.write("/").write("carts-db");
        // the service and the deployment are named so, and the deployment's pod starts so
        assertThat(view.searchMatches()).hasSize(3);
        robot.type(KeyCode.ENTER);
        assertThat(view.selectedProperty().get()).isEqualTo(new KubeRef("Service", "sock-shop", "carts-db"));
        assertThat(robot.lookup("#details-title").queryLabeled().getText()).isEqualTo("Service carts-db");
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#details-title").queryLabeled().getText()).isEqualTo("Deployment carts-db");
    }

    @Test
    void aGroupsChevronCollapsesItThroughTheViewModel() throws Exception {
        Workbench bench = openDemo();
        TopologyView view = bench.topologyView();
        TopologyLayout.Box carts = view.layoutShown().boxes().get("Deployment sock-shop/carts");
        assertThat(carts.collapsed()).isFalse();
        Point2D chevron = view.toView(carts.x() + 10, carts.y() + TopologyLayout.HEADER / 2);
        robot.clickOn(view.localToScreen(chevron));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> view.layoutShown().boxes().get("Deployment sock-shop/carts").collapsed());
        assertThat(view.layoutShown().boxes().get("Deployment sock-shop/carts").pods()).hasSize(1);
    }
}
