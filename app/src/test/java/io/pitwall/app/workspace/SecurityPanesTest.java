package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.security.SecurityView;
import io.pitwall.ui.topology.Badge;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Security pane in the workbench, on the demo incident: Falco's terminal shell in the leaking
 * carts pod first, the posture findings after; the objects carry badges on the topology; the
 * finding's actions take the other panes to its pod and to the logs around the event.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SecurityPanesTest {

    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theDemosShellEventLeadsTheListBadgesItsPodAndLeadsToItsLogs() throws Exception {
        Workbench bench = TestWorkbench.open(config, Kubeconfigs.merge(List.of()));
        robot.interact(bench::openDemo);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bench.securityView().isPresent()
                && !bench.securityView().get().listed().isEmpty());
        SecurityView view = bench.securityView().orElseThrow();
        SecurityFinding shell = view.listed().getFirst();
        assertThat(shell.source()).isEqualTo(FindingSource.FALCO);
        assertThat(shell.rule()).isEqualTo("Terminal shell in container");
        KubeRef pod = shell.object();
        assertThat(pod.kind()).isEqualTo("Pod");
        assertThat(pod.name()).startsWith("carts-");
        assertThat(view.listed()).anyMatch(f -> f.source() == FindingSource.POSTURE && f.rule().startsWith("pss."));

        // the pod carries the loudest of its badges (the shell and the crash-looping alert are both critical)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench.topologyView().badges().containsKey(pod));
        assertThat(bench.topologyView().badges().get(pod).severity()).isEqualTo(Badge.Severity.CRITICAL);

        // the overlay dims the topology but for the objects with findings
        robot.interact(() -> view.overlayToggle().setSelected(true));
        assertThat(bench.topologyView().spotlight()).contains(pod).hasSize((int) view.listed().stream()
                .map(SecurityFinding::object).filter(java.util.Objects::nonNull).distinct().count());
        robot.interact(() -> view.severityChip(io.pitwall.connectors.model.Severity.CRITICAL).setSelected(true));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bench.topologyView().spotlight().size() == 1);
        assertThat(bench.topologyView().spotlight()).containsExactly(pod);
        robot.interact(() -> view.overlayToggle().setSelected(false));
        assertThat(bench.topologyView().spotlight()).isNull();
        robot.interact(() -> view.severityChip(io.pitwall.connectors.model.Severity.CRITICAL).setSelected(false));

        // "Show in topology" selects the pod for every pane
        List<KubeRef> selected = new CopyOnWriteArrayList<>();
        bench.bus().subscribe(WorkspaceEvent.Selected.class, e -> selected.add(e.ref()));
        robot.interact(() -> bench.workspace().focus(io.pitwall.ui.workspace.PaneId.SECURITY));
        // (the pane shares its dock with others in the test's small window: the button is pressed, not clicked)
        robot.interact(() -> robot.lookup("#security-show-topology").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected).containsExactly(pod);
        assertThat(bench.topologyView().selectedProperty().get()).isEqualTo(pod);

        // "Logs around this time": ten minutes around the event
        robot.interact(() -> bench.workspace().focus(io.pitwall.ui.workspace.PaneId.SECURITY));
        robot.interact(() -> robot.lookup("#security-show-logs").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bench.time().range().contains(shell.time())).isTrue();
        assertThat(bench.time().range().length()).isEqualTo(Duration.ofMinutes(10));
    }
}
