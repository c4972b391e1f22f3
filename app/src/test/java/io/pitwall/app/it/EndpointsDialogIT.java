package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pitwall.app.MainWindow;
import io.pitwall.app.workspace.Settings;
import io.pitwall.app.workspace.UserFiles;
import io.pitwall.app.workspace.Workbench;
import io.pitwall.connectors.http.HttpAuth;
import io.pitwall.connectors.http.SecretRef;
import io.pitwall.connectors.it.Backends;
import io.pitwall.connectors.it.Backends.Server;
import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.EndpointSettings;
import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.ui.palette.Command;
import io.pitwall.ui.workspace.PaneId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
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
 * The endpoints dialog on the real API server and Prometheus: "Find in cluster" lists a real
 * Service, its test comes back with the API server's own 503 (no Pod is behind it), the direct
 * endpoint's test with the real Prometheus's version; OK writes endpoints.json and the Metrics
 * pane connects without the context being reconnected.
 */
@ExtendWith(ApplicationExtension.class)
class EndpointsDialogIT {

    private final Backends backends = Backends.load();
    private final FxRobot robot = new FxRobot();
    private final String ns = "pitwall-ep-" + UUID.randomUUID().toString().substring(0, 8);
    private KubernetesClient admin;

    @TempDir
    Path config;
    @TempDir
    Path secrets;

    @BeforeEach
    void createService() {
        backends.require(Server.KUBE_APISERVER);
        admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(backends.adminContext(),
                backends.kubeconfig().toFile())).build();
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        admin.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("prometheus-k8s")
                .withNamespace(ns).endMetadata().withNewSpec().addNewPort().withName("web").withPort(9090).endPort()
                .endSpec().build()).create();
        // what the endpoints controller would make for a Service no Pod backs (not waited for)
        admin.endpoints().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.EndpointsBuilder().withNewMetadata()
                .withName("prometheus-k8s").withNamespace(ns).endMetadata().build()).createOr(e -> e.update());
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        admin.namespaces().withName(ns).delete();
        admin.close();
    }

    private void type(String id, String text) {
        robot.clickOn("#" + id);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text, 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void choose(String id, String text) throws Exception {
        Node box = robot.lookup("#" + id).query();
        robot.clickOn(box);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof javafx.scene.control.Labeled l
                && text.equals(l.getText()) && n.getScene() != box.getScene()).tryQuery().isPresent());
        robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText())
                && n.getScene() != box.getScene()).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses the test button and waits for its answer. */
    private String test(String prefix) throws Exception {
        robot.clickOn("#" + prefix + "-test");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            String shown = robot.lookup("#" + prefix + "-test-result").queryLabeled().getText();
            return !shown.isEmpty() && !shown.equals("Connecting\u2026");
        });
        return robot.lookup("#" + prefix + "-test-result").queryLabeled().getText();
    }

    /** What the server itself says it is, asked here without Pitwall: "Prometheus VERSION (revision REV7) at URL". */
    private static String buildInfo(URI prom) throws Exception {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            String body = http.send(java.net.http.HttpRequest.newBuilder(prom.resolve("/api/v1/status/buildinfo")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("data");
            String revision = data.path("revision").asText();
            return "Prometheus " + data.path("version").asText() + " (revision " + revision.substring(0, Math.min(7,
                    revision.length())) + ") at " + prom.toString().replaceAll("/$", "");
        }
    }

    @Test
    void aServiceFoundInTheRealClusterAndTheRealPrometheusAreTestedSavedAndUsedAtOnce() throws Exception {
        URI prom = backends.require(Server.PROMETHEUS);
        Path token = Files.writeString(secrets.resolve("prometheus-token"), "it-token-from-a-file\n");
        Workbench[] bench = new Workbench[1];
        UserFiles[] files = new UserFiles[1];
        FxToolkit.setupStage(stage -> {
            files[0] = UserFiles.in(config, Runnable::run);
            bench[0] = new Workbench(files[0], Settings.defaults(), Optional.empty(), Clock.systemUTC(), Thread.ofVirtual()::start,
                    context -> LiveSession.connect(context.name(), Optional.ofNullable(context.cluster()),
                            () -> Config.fromKubeconfig(context.name(), backends.kubeconfig().toFile()), Thread.ofVirtual()::start,
                            files[0].endpoints().of(context.name()), Duration.ofSeconds(1)));
            bench[0].setKubeconfig(Kubeconfigs.merge(List.of(backends.kubeconfig())), Optional.of(backends.adminContext()));
            Scene scene = bench[0].createScene(1400, 900);
            MainWindow.show(stage, scene);
        });
        Workbench w = bench[0];
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> w.statusBar().textOf(Signal.CLUSTER).equals("Cluster: connected"));
        assertThat(w.statusBar().textOf(Signal.METRICS)).isEqualTo("Metrics: not connected");

        // the palette's command for this context
        Command command = w.commands().stream().filter(c -> c.id().equals("endpoints.edit")).findFirst().orElseThrow();
        assertThat(command.title()).isEqualTo("Metrics and logs endpoints for " + backends.adminContext() + "...");
        robot.interact(command.action());
        DialogPane dialog = robot.lookup("#endpoints-dialog").query();

        // in the cluster: the Service this test made, found by the real API server
        robot.clickOn("#prometheus-add");
        robot.clickOn("#prometheus-where-cluster");
        robot.clickOn("#prometheus-find");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#prometheus-find").query().isDisabled());
        choose("prometheus-candidates", ns + "/prometheus-k8s:web  (kube-prometheus's Prometheus)");
        assertThat(robot.lookup("#prometheus-name").queryTextInputControl().getText()).isEqualTo("prometheus-k8s");
        assertThat(test("prometheus")).startsWith("service " + ns + "/prometheus-k8s:web via https://127.0.0.1:")
                .contains("HTTP 503").contains("no endpoints available for service");

        // straight: the real Prometheus, with a bearer token from a file it does not check
        robot.clickOn("#prometheus-add");
        type("prometheus-name", "local");
        type("prometheus-url", prom.toString());
        choose("prometheus-auth", "Bearer token");
        choose("prometheus-secret-source", "Read from a file");
        type("prometheus-secret-file", secrets.resolve("no-such-token").toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup((javafx.scene.control.Label l) ->
                l.getText().equals(secrets.resolve("no-such-token") + " does not exist.")).tryQuery().isPresent());
        type("prometheus-secret-file", token.toString());
        assertThat(test("prometheus")).isEqualTo(buildInfo(prom));
        choose("prometheus-ha", "prometheus-k8s");
        choose("prometheus-graphs", "local");

        robot.clickOn(dialog.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();

        // saved: where the token is, never the token
        Path file = config.resolve(EndpointSettings.FILE_NAME);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
        assertThat(Files.readString(file)).doesNotContain("it-token-from-a-file");
        ContextEndpoints saved = EndpointSettings.read(file).of(backends.adminContext());
        assertThat(saved.selected()).contains("local");
        assertThat(saved.prometheus()).extracting(PrometheusEndpoint::name).containsExactly("prometheus-k8s", "local");
        assertThat(saved.prometheus().getFirst().target())
                .isEqualTo(new EndpointTarget.InCluster(ns, "prometheus-k8s", "web", "http", ""));
        assertThat(saved.prometheus().get(1).http().auth()).isEqualTo(new HttpAuth.Bearer(new SecretRef.File(token)));
        assertThat(saved.partner()).map(PrometheusEndpoint::name).contains("prometheus-k8s");

        // used at once: the Metrics pane reads the real Prometheus, the cluster was not reconnected
        Object session = w.session();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> w.statusBar().textOf(Signal.METRICS).equals("Metrics: connected"));
        assertThat(w.session()).isSameAs(session);
        assertThat(w.session().state(Signal.METRICS).summary()).contains(prom.getHost() + ":" + prom.getPort());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.metricsView().getParent() == w.pane(PaneId.METRICS));
        // the query bar completes the new source's metric names (the node exporter's, as Prometheus scrapes them)
        boolean offered = false;
        for (int i = 0; i < 20 && !offered; i++) {
            type("promql-field", "node_cpu_sec");
            Thread.sleep(500);
            WaitForAsyncUtils.waitForFxEvents();
            offered = robot.lookup(n -> n instanceof javafx.scene.control.Labeled l
                    && "node_cpu_seconds_total".equals(l.getText())).tryQuery().isPresent();
        }
        assertThat(offered).as("node_cpu_seconds_total offered as the query is typed").isTrue();
    }
}
