package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.kube.KubeContext;
import io.pitwall.connectors.model.EventInfo;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

/** A selection made in one pane focuses the others; the namespace filter applies everywhere and is remembered. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SelectionAndNamespaceTest {

    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    private Workbench demo() throws Exception {
        return TestWorkbench.demo(config, robot);
    }

    @Test
    void choosingAnEventSelectsItsObjectInTheTopologyAndTheDetails() throws Exception {
        Workbench bench = demo();
        EventInfo oom = bench.events().shown().stream().filter(e -> e.reason().equals("OOMKilling")).findFirst().orElseThrow();
        int index = bench.events().list().getItems().indexOf(oom);
        robot.interact(() -> bench.events().list().getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bench.topologyView().selectedProperty().get()).isEqualTo(oom.object());
        assertThat(bench.bus().selection()).contains(oom.object());
        assertThat(robot.lookup("#details-title").queryLabeled().getText())
                .isEqualTo(oom.object().kind() + " " + oom.object().name());
        // the events list now shows the events of that node and of the pods it runs, under a chip that undoes it
        java.util.Set<KubeRef> onTheNode = io.pitwall.connectors.model.Related.to(oom.object(),
                bench.session().clusterState().orElseThrow());
        assertThat(oom.object().kind()).isEqualTo("Node");
        assertThat(bench.events().shown()).isNotEmpty().allMatch(e -> onTheNode.contains(e.object()))
                .anyMatch(e -> e.object().equals(oom.object())).anyMatch(e -> e.object().kind().equals("Pod"));
        assertThat(bench.events().focusChip().isVisible()).isTrue();
        robot.interact(() -> bench.events().focusChip().fire());
        assertThat(bench.events().shown().size()).isGreaterThan(1);
    }

    @Test
    void selectingAWorkloadInTheTopologyFocusesTheEventsOnItAndItsPods() throws Exception {
        Workbench bench = demo();
        Topology.Group carts = bench.topologyView().layoutShown().topology().groups().stream()
                .filter(g -> g.unhealthy() > 0).findFirst().orElseThrow();
        robot.interact(() -> bench.topologyView().selectedProperty().set(carts.workload()));
        WaitForAsyncUtils.waitForFxEvents();

        List<KubeRef> pods = carts.pods().stream().map(p -> p.ref()).toList();
        assertThat(bench.events().shown()).isNotEmpty()
                .allMatch(e -> e.object().equals(carts.workload()) || pods.contains(e.object())
                        || e.object().kind().equals("ReplicaSet"));
        assertThat(bench.events().shown()).anyMatch(e -> pods.contains(e.object()));

        // the YAML of the selected pod, read-only, from the bundle
        KubeRef pod = pods.getFirst();
        robot.interact(() -> bench.topologyView().selectedProperty().set(pod));
        robot.interact(() -> bench.details().yamlPane().setExpanded(true));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bench.details().yamlText().getText().contains("kind: Pod"));
        assertThat(bench.details().yamlText().getText()).contains("name: " + pod.name());
        assertThat(bench.details().yamlText().isEditable()).isFalse();

        robot.interact(() -> bench.topologyView().selectedProperty().set(null));
        assertThat(bench.bus().selection()).isEmpty();
        assertThat(bench.events().focusChip().isVisible()).isFalse();
        assertThat(robot.lookup("#incident-notes").tryQuery()).isPresent();
    }

    @Test
    void theNamespaceFilterAppliesToTheTopologyAndTheEvents() throws Exception {
        Workbench bench = demo();
        assertThat(bench.topologyView().layoutShown().topology().groups()).hasSize(13);
        robot.interact(() -> bench.topBar().selectNamespace(Optional.of("kube-system")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> bench.topologyView().layoutShown().topology().groups().isEmpty());
        assertThat(bench.events().shown()).allMatch(e -> e.object().namespace().equals("kube-system"));
        robot.interact(() -> bench.topBar().selectNamespace(Optional.empty()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> bench.topologyView().layoutShown().topology().groups().size() == 13);
    }

    @Test
    void eachContextRemembersItsNamespace() throws Exception {
        Workbench bench = TestWorkbench.open(config, TestWorkbench.kubeconfig());
        robot.interact(() -> bench.useContext(context(bench, "dev-frontend")));
        robot.interact(() -> bench.topBar().selectNamespace(Optional.of("frontend")));
        robot.interact(() -> bench.useContext(context(bench, "exp-test")));
        assertThat(bench.topBar().namespaceProperty().get()).isEmpty();
        robot.interact(() -> bench.useContext(context(bench, "dev-frontend")));
        assertThat(bench.topBar().namespaceProperty().get()).contains("frontend");
        FxToolkit.cleanupStages();

        Workbench again = TestWorkbench.open(config, TestWorkbench.kubeconfig());
        assertThat(again.session().info().title()).isEqualTo("dev-frontend");
        assertThat(again.topBar().namespaceProperty().get()).contains("frontend");
    }

    private static KubeContext context(Workbench bench, String name) {
        return bench.contexts().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
