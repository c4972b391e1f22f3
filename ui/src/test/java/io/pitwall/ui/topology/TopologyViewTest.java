package io.pitwall.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.ServiceInfo;
import io.pitwall.connectors.model.Topology;
import io.pitwall.connectors.model.WorkloadInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The topology view: lays out, fits, and selects what is clicked. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TopologyViewTest {

    private TopologyView view;
    private final FxRobot robot = new FxRobot();

    @Start
    void start(Stage stage) {
        view = new TopologyView();
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
    }

    static ClusterState shop(int webPods) {
        List<PodInfo> pods = new ArrayList<>();
        for (int i = 0; i < webPods; i++) {
            pods.add(new PodInfo("shop", "web-abc-" + i, "u" + i, Map.of("app", "web"),
                    Optional.of(new KubeRef("ReplicaSet", "shop", "web-abc")), "node-1", "Running", i != 2, i == 2 ? 5 : 0,
                    i == 2 ? Optional.of("CrashLoopBackOff") : Optional.empty(), List.of(), Instant.EPOCH));
        }
        List<WorkloadInfo> workloads = List.of(
                new WorkloadInfo("Deployment", "shop", "web", "d", Map.of(), Map.of("app", "web"), Optional.empty(), webPods, webPods - 1),
                new WorkloadInfo("ReplicaSet", "shop", "web-abc", "r", Map.of(), Map.of("app", "web"),
                        Optional.of(new KubeRef("Deployment", "shop", "web")), webPods, webPods - 1));
        List<ServiceInfo> services = List.of(new ServiceInfo("shop", "web", "ClusterIP", Map.of("app", "web"), List.of("80/TCP")));
        return new ClusterState(Instant.EPOCH, List.of("shop"), List.of(), pods, workloads, services, List.of(), List.of(),
                Map.of(), Set.of(), Set.of());
    }

    @Test
    void clickingAPodSelectsItAndABoxSelectsItsWorkload() {
        TopologyLayout layout = TopologyLayout.of(Topology.of(shop(12)));
        robot.interact(() -> {
            view.setLayout(layout);
            view.fit();
        });
        WaitForAsyncUtils.waitForFxEvents();
        TopologyLayout.Box box = layout.boxes().get("Deployment shop/web");
        assertThat(box).isNotNull();
        assertThat(layout.boxes()).containsKey("Service shop/web");
        assertThat(layout.lines()).hasSize(1);

        // pods sit in name order (web-abc-0, web-abc-1, web-abc-10, ...): find web-abc-2's cell
        List<PodInfo> ordered = layout.topology().groups().getFirst().pods();
        int index = ordered.stream().map(PodInfo::name).toList().indexOf("web-abc-2");
        double[] cell = TopologyLayout.cell(box, index);
        KubeRef hit = viewHit(cell[0] + 5, cell[1] + 5);
        assertThat(hit).isEqualTo(new KubeRef("Pod", "shop", "web-abc-2"));
        KubeRef header = viewHit(box.x() + 10, box.y() + 8);
        assertThat(header).isEqualTo(new KubeRef("Deployment", "shop", "web"));
    }

    private KubeRef viewHit(double worldX, double worldY) {
        KubeRef[] out = new KubeRef[1];
        robot.interact(() -> {
            javafx.geometry.Point2D p = view.toView(worldX, worldY);
            out[0] = view.hit(p.getX(), p.getY());
        });
        return out[0];
    }

    @Test
    void aBigWorkloadStartsCollapsed() {
        TopologyLayout layout = TopologyLayout.of(Topology.of(shop(TopologyLayout.COLLAPSE_ABOVE + 1)));
        assertThat(layout.boxes().get("Deployment shop/web").collapsed()).isTrue();
    }

    @Test
    void serviceCallsAreDrawnOverTheBoxesAndGoAwayWhenCleared() {
        ClusterState state = TopologyFixtures.cluster(4, 3);
        // the theme's colours (without them every token reads black, and so would the arrow)
        robot.interact(() -> view.getScene().getStylesheets().add(getClass().getResource("tokens.css").toExternalForm()));
        robot.interact(() -> view.setLayout(TopologyLayout.of(Topology.of(state))));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.Image before = snapshot();

        robot.interact(() -> view.setCalls(List.of(new io.pitwall.connectors.model.DependencyLink("big", "web", 50, 10))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.calls().edges()).hasSize(1);
        javafx.scene.image.Image with = snapshot();
        assertThat(differentPixels(before, with)).as("the arrow and its label").isGreaterThan(200);

        robot.interact(() -> view.setCalls(List.of()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.calls().edges()).isEmpty();
        assertThat(differentPixels(before, snapshot())).isZero();
    }

    private javafx.scene.image.Image snapshot() {
        javafx.scene.image.Image[] shot = new javafx.scene.image.Image[1];
        robot.interact(() -> {
            view.redrawNow();
            shot[0] = view.snapshot(null, null);
        });
        return shot[0];
    }

    private static int differentPixels(javafx.scene.image.Image a, javafx.scene.image.Image b) {
        int n = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
