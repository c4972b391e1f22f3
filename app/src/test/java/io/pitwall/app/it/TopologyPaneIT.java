package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.app.MainWindow;
import io.pitwall.app.workspace.Settings;
import io.pitwall.app.workspace.UserFiles;
import io.pitwall.app.workspace.Workbench;
import io.pitwall.connectors.it.Backends;
import io.pitwall.connectors.it.Kube;
import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.Topology;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.ui.topology.TopologyLayout;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window on the real apiserver: a pod created, changed and deleted shows in the
 * topology pane within 2 s; switching to the viewer's context shows its one namespace.
 */
@ExtendWith(ApplicationExtension.class)
class TopologyPaneIT {

    private final Backends backends = Backends.load();
    private final String ns = "pitwall-pane-" + UUID.randomUUID().toString().substring(0, 8);
    private final FxRobot robot = new FxRobot();
    private KubernetesClient admin;
    private Workbench bench;

    @TempDir
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        admin = Kube.client(backends, backends.adminContext());
        Kube.createNamespace(admin, ns);
        Workbench[] made = new Workbench[1];
        FxToolkit.setupStage(stage -> {
            UserFiles files = UserFiles.in(config, Runnable::run);
            made[0] = new Workbench(files, Settings.defaults(), Optional.empty(), Clock.systemUTC(), Thread.ofVirtual()::start,
                    context -> LiveSession.connect(context.name(), Optional.ofNullable(context.cluster()),
                            () -> Config.fromKubeconfig(context.name(), backends.kubeconfig().toFile()), Thread.ofVirtual()::start));
            made[0].setKubeconfig(Kubeconfigs.merge(List.of(backends.kubeconfig())), Optional.of(backends.adminContext()));
            Scene scene = made[0].createScene(1400, 900);
            MainWindow.show(stage, scene);
        });
        bench = made[0];
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        admin.namespaces().withName(ns).delete();
        admin.close();
    }

    private Optional<PodInfo> shown(String name) {
        TopologyLayout layout = bench.topologyView().layoutShown();
        return layout == null ? Optional.empty() : layout.topology().groups().stream().flatMap(g -> g.pods().stream())
                .filter(p -> p.namespace().equals(ns) && p.name().equals(name)).findFirst();
    }

    private void within2s(String what, Predicate<Optional<PodInfo>> condition, String pod) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> condition.test(shown(pod)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within 2 s: " + what + "; the pane shows " + shown(pod) + ", the session has "
                    + bench.session().clusterState().flatMap(s -> s.pods().stream().filter(p -> p.name().equals(pod)).findFirst()));
        }
    }

    @Test
    void aPodsLifeShowsInThePaneWithinTwoSeconds() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bench.topologyView().layoutShown() != null
                && bench.topologyView().layoutShown().topology().groups().stream().anyMatch(g -> g.workload().namespace()
                        .equals("kube-system") || !g.pods().isEmpty()) || bench.topologyView().layoutShown() != null);

        admin.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("web-1").withNamespace(ns).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("registry.invalid/web:1").endContainer().endSpec()
                .build()).create();
        within2s("created", p -> p.isPresent(), "web-1");

        // what a kubelet would report: running, not ready, restarting after an OOMKill
        Kube.retryOnConflict(() -> admin.pods().inNamespace(ns).withName("web-1").editStatus(p -> new PodBuilder(p).editOrNewStatus().withPhase("Running")
                .withConditions(new PodConditionBuilder().withType("Ready").withStatus("False").build())
                .withContainerStatuses(new ContainerStatusBuilder().withName("web").withImage("registry.invalid/web:1").withReady(false)
                        .withRestartCount(3).withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                        .withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated()
                        .endLastState().build()).endStatus().build()));
        within2s("crash-looping", p -> p.map(x -> Topology.Health.of(x) == Topology.Health.CRASHING && x.restarts() == 3)
                .orElse(false), "web-1");

        admin.pods().inNamespace(ns).withName("web-1").withGracePeriod(0).delete();
        within2s("deleted", Optional::isEmpty, "web-1");
    }

    @Test
    void theViewersContextShowsItsNamespaceAndSaysWhatItMayNotList() throws Exception {
        robot.interact(() -> bench.useContext(bench.contexts().stream()
                .filter(c -> c.name().equals(backends.viewerContext())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bench.session().clusterState().isPresent());
        assertThat(bench.session().clusterState().get().noAccess()).contains("Node", "Namespace");
        assertThat(bench.session().clusterState().get().pods()).allSatisfy(p -> assertThat(p.namespace())
                .isEqualTo(backends.viewerNamespace()));
        assertThat(bench.statusBar().textOf(io.pitwall.connectors.session.Signal.CLUSTER)).contains("Cluster");
        assertThat(bench.session().state(io.pitwall.connectors.session.Signal.CLUSTER).summary()).contains("no access to ");
        // and the topology pane says what it cannot show
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".pw-access-banner").queryLabeled().getText()).startsWith("No access to ").contains("Namespace", "Node");
    }
}
