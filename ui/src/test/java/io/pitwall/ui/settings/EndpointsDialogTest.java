package io.pitwall.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.http.HttpAuth;
import io.pitwall.connectors.http.SecretRef;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.EndpointSettings;
import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import io.pitwall.connectors.prometheus.PrometheusDiscovery.Candidate;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.prometheus.PrometheusEndpoint.Flavor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The endpoints dialog filled by clicking and typing. Its inputs (the tests' answers, the cluster's
 * Services, whether a file exists) are futures the test gives, as the app gives the live session's.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class EndpointsDialogTest {

    private final FxRobot robot = new FxRobot();
    private final List<PrometheusEndpoint> tested = new ArrayList<>();
    private final List<AlertmanagerEndpoint> testedAm = new ArrayList<>();
    private final List<io.pitwall.connectors.prometheus.LokiEndpoint> testedLoki = new ArrayList<>();
    private final AtomicReference<CompletableFuture<String>> nextAnswer = new AtomicReference<>();
    private EndpointsDialog dialog;

    private static final List<Candidate> FOUND = List.of(
            new Candidate(PrometheusDiscovery.Kind.PROMETHEUS, Flavor.PROMETHEUS,
                    new EndpointTarget.InCluster("monitoring", "prometheus-k8s", "web", "http", ""),
                    "kube-prometheus's Prometheus", 0),
            new Candidate(PrometheusDiscovery.Kind.PROMETHEUS, Flavor.THANOS,
                    new EndpointTarget.InCluster("monitoring", "thanos-querier", "web", "http", ""), "a Thanos querier", 40),
            new Candidate(PrometheusDiscovery.Kind.ALERTMANAGER, Flavor.PROMETHEUS,
                    new EndpointTarget.InCluster("monitoring", "alertmanager-main", "web", "http", ""),
                    "kube-prometheus's Alertmanager", 90),
            new Candidate(PrometheusDiscovery.Kind.ZIPKIN, Flavor.PROMETHEUS,
                    new EndpointTarget.InCluster("tracing", "zipkin", "9411", "http", ""), "a Zipkin server", 10));
    private final List<io.pitwall.connectors.prometheus.TraceEndpoint> testedTraces = new ArrayList<>();

    private EndpointServices services() {
        return new EndpointServices(
                e -> {
                    tested.add(e);
                    return nextAnswer.get();
                },
                a -> {
                    testedAm.add(a);
                    return nextAnswer.get();
                },
                l -> {
                    testedLoki.add(l);
                    return nextAnswer.get();
                },
                () -> CompletableFuture.completedFuture(FOUND),
                p -> CompletableFuture.completedFuture(p.toString().startsWith("/missing")
                        ? Optional.of(p + " does not exist") : Optional.empty()),
                name -> name.equals("PROM_TOKEN"),
                (owner, title, current) -> {
                    chooserAsked.add(title + " | " + current);
                    return chosen.get();
                }).withTestTraces(t -> {
                    testedTraces.add(t);
                    return nextAnswer.get();
                });
    }

    private final List<String> chooserAsked = new ArrayList<>();
    private final AtomicReference<Optional<Path>> chosen = new AtomicReference<>(Optional.empty());

    private void open(ContextEndpoints current) {
        robot.interact(() -> {
            dialog = new EndpointsDialog("prod-eu", current, services());
            dialog.show();
        });
    }

    @AfterEach
    void close() {
        robot.interact(() -> {
            if (dialog != null && dialog.isShowing()) {
                dialog.close();
            }
        });
    }

    // --- the user's hands -----------------------------------------------------------------------

    private <T extends Node> T node(String id) {
        return robot.lookup("#" + id).query();
    }

    /** Scrolls the node into view when it is in a scrolled form, as a user would. */
    private void reveal(Node n) {
        robot.interact(() -> {
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane s) {
                    Form.reveal(s, n);
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void click(String id) {
        Node n = node(id);
        reveal(n);
        robot.clickOn(n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replaces the field's text by typing. */
    private void type(String id, String text) {
        click(id);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        robot.write(text, 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens a choice box or combo box and clicks the item showing {@code text}. */
    private void choose(String id, String text) {
        click(id);
        robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText())
                && n.getScene() != node(id).getScene()).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String message(String id) {
        Node cell = node(id).getParent();
        while (!(cell instanceof javafx.scene.layout.VBox)) {
            cell = cell.getParent();
        }
        Label m = (Label) ((javafx.scene.layout.VBox) cell).getChildren().getLast();
        return m.isVisible() ? m.getText() : "";
    }

    /** What OK would give now (read on the FX thread). */
    private Optional<ContextEndpoints> result() {
        try {
            return WaitForAsyncUtils.asyncFx(dialog::result).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean okDisabled() {
        return dialog.getDialogPane().lookupButton(ButtonType.OK).isDisabled();
    }

    private void pressOk() {
        robot.clickOn(dialog.getDialogPane().lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
    }

    // --- the tests ------------------------------------------------------------------------------

    @Test
    void aUrlEndpointWithATokenFromTheEnvironmentIsTestedAndSaved() {
        open(ContextEndpoints.NONE);
        assertThat(okDisabled()).as("no endpoints is a valid answer").isFalse();
        click("prometheus-add");
        assertThat(this.<TextField>node("prometheus-name").getText()).isEqualTo("prometheus");
        type("prometheus-name", "thanos");
        choose("prometheus-flavor", "Thanos");

        type("prometheus-url", "thanos.example.com");
        assertThat(message("prometheus-url")).isEqualTo("The URL must start with http:// or https://");
        assertThat(okDisabled()).isTrue();
        assertThat(robot.lookup("#endpoints-problem").queryLabeled().getText())
                .isEqualTo("thanos: The URL must start with http:// or https://");
        type("prometheus-url", "https://user:pw@thanos.example.com");
        assertThat(message("prometheus-url")).contains("credentials in the endpoint's authentication");
        type("prometheus-url", "https://thanos.example.com");
        assertThat(message("prometheus-url")).isEmpty();
        assertThat(okDisabled()).isFalse();

        choose("prometheus-auth", "Bearer token");
        choose("prometheus-secret-source", "Read from an environment variable");
        type("prometheus-secret-env", "PROM_TOKN");
        assertThat(message("prometheus-secret-env")).isEqualTo(
                "PROM_TOKN is not set in Pitwall's environment: start Pitwall with it set.");
        assertThat(okDisabled()).as("a warning does not keep OK disabled").isFalse();
        type("prometheus-secret-env", "PROM_TOKEN");
        assertThat(message("prometheus-secret-env")).isEmpty();
        type("prometheus-ca", "/missing/corp-ca.pem");
        assertThat(message("prometheus-ca")).isEqualTo("/missing/corp-ca.pem does not exist");
        type("prometheus-ca", "/etc/ssl/corp-ca.pem");
        type("prometheus-cert", "/etc/pitwall/client.pem");
        assertThat(message("prometheus-key")).isEqualTo("A client certificate needs its key.");
        assertThat(okDisabled()).isTrue();
        type("prometheus-key", "/etc/pitwall/client-key.pem");
        assertThat(okDisabled()).isFalse();

        // the test runs on what is typed; the FX thread goes on while it runs
        CompletableFuture<String> answer = new CompletableFuture<>();
        nextAnswer.set(answer);
        click("prometheus-test");
        assertThat(node("prometheus-test-busy").isVisible()).isTrue();
        assertThat(node("prometheus-test").isDisabled()).isTrue();
        assertThat(robot.lookup("#prometheus-test-result").queryLabeled().getText()).isEqualTo("Connecting\u2026");
        PrometheusEndpoint sent = tested.getLast();
        assertThat(sent.target()).isEqualTo(new EndpointTarget.Url("https://thanos.example.com"));
        assertThat(sent.flavor()).isEqualTo(Flavor.THANOS);
        assertThat(sent.http().auth()).isEqualTo(new HttpAuth.Bearer(new SecretRef.Env("PROM_TOKEN")));
        assertThat(sent.http().tls().caFile()).contains(Path.of("/etc/ssl/corp-ca.pem"));
        answer.complete("Thanos 0.36.1 (revision 4f3a1c2) at https://thanos.example.com");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(node("prometheus-test-busy").isVisible()).isFalse();
        assertThat(robot.lookup("#prometheus-test-result").queryLabeled().getText())
                .isEqualTo("Thanos 0.36.1 (revision 4f3a1c2) at https://thanos.example.com");

        // a failure is shown as the connector words it
        nextAnswer.set(CompletableFuture.failedFuture(new QueryException("unauthorized",
                "https://thanos.example.com: HTTP 401 Unauthorized (bearer token from environment variable PROM_TOKEN)",
                OptionalInt.empty())));
        click("prometheus-test");
        assertThat(robot.lookup("#prometheus-test-result").queryLabeled().getText()).isEqualTo(
                "https://thanos.example.com: HTTP 401 Unauthorized (bearer token from environment variable PROM_TOKEN)");
        assertThat(robot.lookup("#prometheus-test-result").queryLabeled().getStyleClass()).contains("pw-critical");

        pressOk();
        assertThat(dialog.isShowing()).isFalse();
        ContextEndpoints saved = dialog.getResult();
        assertThat(saved.prometheus()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("thanos");
            assertThat(e.flavor()).isEqualTo(Flavor.THANOS);
            assertThat(e.target()).isEqualTo(new EndpointTarget.Url("https://thanos.example.com"));
            assertThat(e.http().auth()).isEqualTo(new HttpAuth.Bearer(new SecretRef.Env("PROM_TOKEN")));
            assertThat(e.http().tls().clientCertFile()).contains(Path.of("/etc/pitwall/client.pem"));
            assertThat(e.http().tls().clientKeyFile()).contains(Path.of("/etc/pitwall/client-key.pem"));
            assertThat(e.haPartner()).isEmpty();
        });
        assertThat(saved.selected()).contains("thanos");
        assertThat(saved.alertmanager()).isEmpty();
    }

    @Test
    void filesAreChosenByBrowsingAndTimeoutsAndHeadersAreEditedAndKept() {
        open(new ContextEndpoints(List.of(new PrometheusEndpoint("mimir", Flavor.MIMIR,
                new EndpointTarget.Url("https://mimir.example.com/prometheus"),
                io.pitwall.connectors.http.HttpSettings.DEFAULT.withTimeouts(java.time.Duration.ofSeconds(2),
                        java.time.Duration.ofMinutes(1)), Optional.empty(), Optional.empty())), Optional.empty(), Optional.empty()));
        // what was saved is shown: the timeouts that differ from the defaults
        assertThat(this.<TextField>node("prometheus-connect-timeout").getText()).isEqualTo("2s");
        assertThat(this.<TextField>node("prometheus-read-timeout").getText()).isEqualTo("1m");

        // Browse: the chooser starts from what is typed, and its pick fills the field
        type("prometheus-ca", "/etc/ssl/old-ca.pem");
        chosen.set(Optional.of(Path.of("/etc/ssl/corp-ca.pem")));
        click("prometheus-ca-browse");
        assertThat(chooserAsked).containsExactly("Choose the ca certificate file | /etc/ssl/old-ca.pem");
        assertThat(this.<TextField>node("prometheus-ca").getText()).isEqualTo("/etc/ssl/corp-ca.pem");
        // cancelled: the field keeps its text
        chosen.set(Optional.empty());
        click("prometheus-ca-browse");
        assertThat(this.<TextField>node("prometheus-ca").getText()).isEqualTo("/etc/ssl/corp-ca.pem");

        type("prometheus-read-timeout", "forever");
        assertThat(message("prometheus-read-timeout")).isEqualTo("Write a duration as Prometheus does: 5s, 1m, 1m30s.");
        assertThat(okDisabled()).isTrue();
        type("prometheus-read-timeout", "1h");
        assertThat(message("prometheus-read-timeout")).startsWith("At most 10m");
        type("prometheus-read-timeout", "45s");
        assertThat(message("prometheus-read-timeout")).isEmpty();

        type("prometheus-headers", "Authorization: Bearer abc");
        assertThat(message("prometheus-headers")).startsWith("Line 1: Authorization holds a secret: set it under Authentication");
        assertThat(okDisabled()).isTrue();
        type("prometheus-headers", "X-Scope-OrgID tenant-1");
        assertThat(message("prometheus-headers")).isEqualTo("Line 1: write a header as Name: value.");
        type("prometheus-headers", "X-Scope-OrgID: tenant-1");
        assertThat(message("prometheus-headers")).startsWith("Sent with every request");
        assertThat(okDisabled()).isFalse();

        pressOk();
        assertThat(dialog.getResult().prometheus()).singleElement().satisfies(e -> {
            assertThat(e.http().connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(2));
            assertThat(e.http().readTimeout()).isEqualTo(java.time.Duration.ofSeconds(45));
            assertThat(e.http().headers()).containsExactly(java.util.Map.entry("X-Scope-OrgID", "tenant-1"));
            assertThat(e.http().tls().caFile()).contains(Path.of("/etc/ssl/corp-ca.pem"));
        });
    }

    @Test
    void lokiIsSetWithItsTenantTestedAndKeptWhenTheOtherTabsAreEdited() {
        io.pitwall.connectors.prometheus.LokiEndpoint saved = io.pitwall.connectors.prometheus.LokiEndpoint
                .url("loki", "https://loki.example.com").withTenant("team-a");
        open(new ContextEndpoints(List.of(), Optional.empty(), Optional.empty(), Optional.of(saved)));
        // what was saved is shown, and comes back unchanged when only Prometheus is edited
        click("prometheus-add");
        type("prometheus-url", "http://prometheus:9090");
        assertThat(result().orElseThrow().loki()).contains(saved);

        robot.interact(() -> ((javafx.scene.control.TabPane) dialog.getDialogPane().lookup(".tab-pane")).getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(this.<TextField>node("loki-tenant").getText()).isEqualTo("team-a");
        type("loki-url", "loki.example.com");
        assertThat(message("loki-url")).isEqualTo("The URL must start with http:// or https://");
        assertThat(robot.lookup("#endpoints-problem").queryLabeled().getText()).startsWith("Loki: ");
        assertThat(okDisabled()).isTrue();
        type("loki-url", "https://logs.example.com/");
        type("loki-tenant", "team-b");
        nextAnswer.set(CompletableFuture.completedFuture("Loki at https://logs.example.com: 12 labels in the last hour"));
        click("loki-test");
        assertThat(testedLoki.getLast().tenant()).contains("team-b");
        assertThat(robot.lookup("#loki-test-result").queryLabeled().getText())
                .isEqualTo("Loki at https://logs.example.com: 12 labels in the last hour");

        // off: the context reads the Kubernetes log API again
        click("loki-enabled");
        assertThat(result().orElseThrow().loki()).isEmpty();
        click("loki-enabled");
        pressOk();
        assertThat(dialog.getResult().loki()).hasValueSatisfying(l -> {
            assertThat(l.name()).isEqualTo("loki");
            assertThat(l.target()).isEqualTo(new EndpointTarget.Url("https://logs.example.com/"));
            assertThat(l.tenant()).contains("team-b");
            assertThat(l.effectiveHttp().headers()).containsEntry("X-Scope-OrgID", "team-b");
        });
    }

    @Test
    void aTraceBackendIsSetFoundInTheClusterWithItsProtocolTestedAndKept() {
        io.pitwall.connectors.prometheus.TraceEndpoint saved = io.pitwall.connectors.prometheus.TraceEndpoint.url("jaeger",
                io.pitwall.connectors.prometheus.TraceEndpoint.Protocol.JAEGER_V3, "https://jaeger.example.com");
        open(new ContextEndpoints(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(saved)));
        click("prometheus-add");
        type("prometheus-url", "http://prometheus:9090");
        assertThat(result().orElseThrow().traces()).as("kept while another tab is edited").contains(saved);

        robot.interact(() -> ((javafx.scene.control.TabPane) dialog.getDialogPane().lookup(".tab-pane")).getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(this.<javafx.scene.control.ChoiceBox<?>>node("traces-protocol").getValue())
                .isEqualTo(io.pitwall.connectors.prometheus.TraceEndpoint.Protocol.JAEGER_V3);
        type("traces-url", "jaeger.example.com");
        assertThat(robot.lookup("#endpoints-problem").queryLabeled().getText()).startsWith("Traces: ");
        assertThat(okDisabled()).isTrue();

        // found in the cluster: only the trace backends are offered, and Zipkin's protocol comes with it
        click("traces-where-cluster");
        click("traces-find");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(this.<javafx.scene.control.ComboBox<Candidate>>node("traces-candidates").getItems())
                .extracting(c -> c.target().service()).containsExactly("zipkin");
        robot.interact(() -> this.<javafx.scene.control.ComboBox<Candidate>>node("traces-candidates").getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(this.<javafx.scene.control.ChoiceBox<?>>node("traces-protocol").getValue())
                .isEqualTo(io.pitwall.connectors.prometheus.TraceEndpoint.Protocol.ZIPKIN);
        nextAnswer.set(CompletableFuture.completedFuture("Zipkin: 4 services"));
        click("traces-test");
        assertThat(testedTraces.getLast().protocol()).isEqualTo(io.pitwall.connectors.prometheus.TraceEndpoint.Protocol.ZIPKIN);
        pressOk();
        assertThat(dialog.getResult().traces()).hasValueSatisfying(t -> {
            assertThat(t.protocol()).isEqualTo(io.pitwall.connectors.prometheus.TraceEndpoint.Protocol.ZIPKIN);
            assertThat(t.target()).isEqualTo(new EndpointTarget.InCluster("tracing", "zipkin", "9411", "http", ""));
        });
    }

    @Test
    void aServiceFoundInTheClusterIsPickedOverriddenAndPairedWithTheOtherEndpoint() {
        open(new ContextEndpoints(List.of(PrometheusEndpoint.url("prometheus-0", "http://10.0.0.5:9090")),
                Optional.empty(), Optional.empty()));
        click("prometheus-add");
        click("prometheus-where-cluster");
        assertThat(message("prometheus-namespace")).isEqualTo("Enter the namespace.");
        assertThat(okDisabled()).isTrue();
        click("prometheus-find");
        assertThat(this.<ComboBox<Candidate>>node("prometheus-candidates").getItems())
                .as("Alertmanagers are not offered for a Prometheus endpoint").hasSize(2);
        choose("prometheus-candidates", "monitoring/thanos-querier:web  (a Thanos querier)");
        choose("prometheus-candidates", "monitoring/prometheus-k8s:web  (kube-prometheus's Prometheus)");
        // the pick fills the fields and names the endpoint after its Service; the user overrides the port
        assertThat(this.<TextField>node("prometheus-name").getText()).isEqualTo("prometheus-k8s");
        assertThat(this.<TextField>node("prometheus-namespace").getText()).isEqualTo("monitoring");
        type("prometheus-port", "90x0!");
        assertThat(message("prometheus-port")).startsWith("Not a port name");
        type("prometheus-port", "9090");
        choose("prometheus-ha", "prometheus-0");
        choose("prometheus-graphs", "prometheus-k8s");

        // the pair is kept on both sides
        robot.clickOn(robot.from(this.<Node>node("prometheus-endpoints")).lookup((Label l) -> l.getText().startsWith("prometheus-0"))
                .queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(this.<TextField>node("prometheus-name").getText()).isEqualTo("prometheus-0");
        assertThat(this.<ComboBox<String>>node("prometheus-ha").getValue()).isEqualTo("prometheus-k8s");
        assertThat(robot.from(this.<Node>node("prometheus-endpoints")).lookup((Label l) -> l.getText().startsWith("prometheus-0"))
                .queryLabeled().getText()).isEqualTo("prometheus-0  \u21c4 prometheus-k8s");

        // the Alertmanager, found too, with a typed password that is not to be saved
        robot.clickOn(robot.lookup(".tab").nth(1).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        click("alertmanager-enabled");
        click("alertmanager-where-cluster");
        click("alertmanager-find");
        choose("alertmanager-candidates", "monitoring/alertmanager-main:web  (kube-prometheus's Alertmanager)");
        assertThat(this.<TextField>node("alertmanager-name").getText()).isEqualTo("alertmanager-main");
        choose("alertmanager-auth", "Basic: user and password");
        assertThat(message("alertmanager-username")).isEqualTo("Enter the user name.");
        type("alertmanager-username", "oncall");
        choose("alertmanager-secret-source", "Typed here");
        type("alertmanager-secret-value", "s3cret-typed");
        assertThat(message("alertmanager-secret-save")).startsWith("Kept until Pitwall quits");
        nextAnswer.set(CompletableFuture.failedFuture(new QueryException("unavailable",
                "service monitoring/alertmanager-main:web via https://10.0.0.1:6443: HTTP 503 Service Unavailable:"
                        + " no endpoints available for service \"alertmanager-main\"", OptionalInt.empty())));
        click("alertmanager-test");
        assertThat(robot.lookup("#alertmanager-test-result").queryLabeled().getText()).isEqualTo(
                "service monitoring/alertmanager-main:web via https://10.0.0.1:6443: HTTP 503 Service Unavailable:"
                        + " no endpoints available for service \"alertmanager-main\"");
        assertThat(testedAm.getLast().http().auth()).isEqualTo(
                new HttpAuth.Basic("oncall", new SecretRef.Value("s3cret-typed", false)));

        pressOk();
        ContextEndpoints saved = dialog.getResult();
        assertThat(saved.prometheus()).extracting(PrometheusEndpoint::name).containsExactly("prometheus-0", "prometheus-k8s");
        PrometheusEndpoint k8s = saved.prometheus().get(1);
        assertThat(k8s.target()).isEqualTo(new EndpointTarget.InCluster("monitoring", "prometheus-k8s", "9090", "http", ""));
        assertThat(k8s.haPartner()).contains("prometheus-0");
        assertThat(saved.prometheus().getFirst().haPartner()).contains("prometheus-k8s");
        assertThat(saved.selected()).contains("prometheus-k8s");
        assertThat(saved.partner()).map(PrometheusEndpoint::name).contains("prometheus-0");
        AlertmanagerEndpoint am = saved.alertmanager().orElseThrow();
        assertThat(am.target()).isEqualTo(new EndpointTarget.InCluster("monitoring", "alertmanager-main", "web", "http", ""));
        // the session gets the typed password; the file only says to ask for it
        String json = EndpointSettings.empty().with("prod-eu", saved).toJson();
        assertThat(json).doesNotContain("s3cret-typed").contains("\"ask\" : true");
    }

    @Test
    void whatIsLoadedComesBackUnchangedAndCancelDiscardsEdits() {
        ContextEndpoints current = new ContextEndpoints(List.of(
                new PrometheusEndpoint("mimir", Flavor.MIMIR, new EndpointTarget.InCluster("mimir", "mimir-gateway", "http",
                        "https", "/prometheus"), io.pitwall.connectors.http.HttpSettings.DEFAULT.withAuth(
                        new HttpAuth.Basic("tenant-1", new SecretRef.File(Path.of("/etc/mimir/password")))),
                        Optional.of("thanos"), Optional.of(java.time.Duration.ofSeconds(30))),
                new PrometheusEndpoint("thanos", Flavor.THANOS, new EndpointTarget.Url("https://thanos.example.com"),
                        io.pitwall.connectors.http.HttpSettings.DEFAULT.withAuth(new HttpAuth.Bearer(
                                new SecretRef.Value("saved-token", true))), Optional.of("mimir"), Optional.empty())),
                Optional.of("thanos"), Optional.of(AlertmanagerEndpoint.url("am", "https://am.example.com")));
        open(current);
        assertThat(result()).contains(current);
        assertThat(this.<javafx.scene.control.CheckBox>node("prometheus-secret-save").isSelected()).isFalse();

        type("prometheus-name", "thanos");
        assertThat(message("prometheus-name")).isEqualTo("Another endpoint is named thanos.");
        assertThat(okDisabled()).isTrue();
        type("prometheus-scrape", "half a minute");
        assertThat(message("prometheus-scrape")).startsWith("Write a duration as Prometheus does");
        robot.clickOn(dialog.getDialogPane().lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).isFalse();
        assertThat(dialog.getResult()).isNull();
    }

    @Test
    void removingAnEndpointUnpairsItsPartner() {
        open(new ContextEndpoints(List.of(PrometheusEndpoint.url("a", "http://a:9090").withHaPartner("b"),
                PrometheusEndpoint.url("b", "http://b:9090").withHaPartner("a")), Optional.of("a"), Optional.empty()));
        click("prometheus-remove");
        assertThat(result()).map(ContextEndpoints::prometheus).contains(List.of(PrometheusEndpoint.url("b", "http://b:9090")));
        assertThat(result()).map(ContextEndpoints::selected).contains(Optional.of("b"));
        click("prometheus-remove");
        assertThat(robot.lookup("#prometheus-endpoints").queryListView().getItems()).isEmpty();
        assertThat(result()).contains(ContextEndpoints.NONE);
    }
}
