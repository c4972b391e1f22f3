package io.pitwall.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.KubeRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AlertsViewTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:30:00Z");
    private AlertsView view;

    @Start
    void start(Stage stage) {
        view = new AlertsView();
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
    }

    /** The alerts of kube-prometheus's rules as they look when they fire. */
    private static List<Alert> alerts() {
        return List.of(
                new Alert("Watchdog", Alert.State.FIRING, "none", Map.of("alertname", "Watchdog", "severity", "none"),
                        Map.of("summary", "An alert that should always be firing"), Optional.of(NOW.minusSeconds(86_400)),
                        Optional.of("1"), "vector(1)", "prometheus"),
                new Alert("KubePodCrashLooping", Alert.State.FIRING, "warning", Map.of("alertname", "KubePodCrashLooping",
                        "namespace", "sock-shop", "pod", "carts-6bfcf84f4-hsqsd", "container", "carts", "severity", "warning"),
                        Map.of("summary", "Pod is crash looping."), Optional.of(NOW.minusSeconds(780)), Optional.of("4"),
                        "max_over_time(kube_pod_container_status_waiting_reason{reason=\"CrashLoopBackOff\"}[5m]) >= 1",
                        "prometheus"),
                new Alert("KubeDeploymentReplicasMismatch", Alert.State.PENDING, "warning", Map.of("namespace", "sock-shop",
                        "deployment", "orders", "severity", "warning"), Map.of(), Optional.of(NOW.minusSeconds(60)),
                        Optional.empty(), "", "alertmanager"),
                new Alert("KubeNodeNotReady", Alert.State.FIRING, "critical", Map.of("node", "gke-pool-1-abc", "severity", "critical"),
                        Map.of("description", "node is not ready"), Optional.of(NOW.minusSeconds(120)), Optional.empty(), "", "prometheus"));
    }

    @Test
    void mostSevereFirstAndDoubleClickJumpsToTheObject(FxRobot robot) {
        List<KubeRef> jumped = new ArrayList<>();
        robot.interact(() -> {
            view.setOnJump(jumped::add);
            view.setAlerts(alerts(), NOW);
        });
        assertThat(view.shown()).extracting(Alert::name).containsExactly("KubeNodeNotReady", "KubePodCrashLooping",
                "KubeDeploymentReplicasMismatch", "Watchdog");
        robot.interact(() -> view.table().getSelectionModel().select(1));
        assertThat(view.detail().getText()).contains("expr: max_over_time(", "pod: carts-6bfcf84f4-hsqsd");
        robot.doubleClickOn("KubePodCrashLooping");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(jumped).containsExactly(new KubeRef("Pod", "sock-shop", "carts-6bfcf84f4-hsqsd"));
        robot.doubleClickOn("KubeDeploymentReplicasMismatch");
        assertThat(jumped).last().isEqualTo(new KubeRef("Deployment", "sock-shop", "orders"));
        assertThat(robot.lookup("13m ago").tryQuery()).isEmpty(); // the cell holds "time (13m ago)"
        assertThat(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().endsWith("(13m ago)")).tryQuery()).isPresent();
    }

    @Test
    void theFilterMatchesLabelsAndAnnotations(FxRobot robot) {
        robot.interact(() -> view.setAlerts(alerts(), NOW));
        robot.interact(() -> view.filterField().setText("sock-shop"));
        assertThat(view.shown()).extracting(Alert::name).containsExactly("KubePodCrashLooping", "KubeDeploymentReplicasMismatch");
        robot.interact(() -> view.filterField().setText("should always be"));
        assertThat(view.shown()).extracting(Alert::name).containsExactly("Watchdog");
    }
}
