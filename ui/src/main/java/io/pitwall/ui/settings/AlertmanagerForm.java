package io.pitwall.ui.settings;

import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The context's Alertmanager, if it has one: where it is, authentication, TLS and a test. */
final class AlertmanagerForm {

    private static final String DEFAULT_NAME = "alertmanager";

    final CheckBox enabled = new CheckBox("This context has an Alertmanager");
    private final Form form = new Form();
    final TextField name = new TextField();
    final TargetEditor target;
    final AuthEditor auth;
    final ConnectionEditor connection;
    final ConnectionCheck check;
    private final Form.Row nameRow;
    private final BorderPane node = new BorderPane();
    private HttpSettings base = HttpSettings.DEFAULT;
    private String pickedName = "";

    AlertmanagerForm(EndpointServices services, Runnable changed) {
        enabled.setId("alertmanager-enabled");
        name.setId("alertmanager-name");
        name.setText(DEFAULT_NAME);
        form.section("Alertmanager");
        nameRow = form.row("Name", name);
        target = new TargetEditor(form, "alertmanager", PrometheusDiscovery.Kind.ALERTMANAGER, services, changed, c -> {
            String now = name.getText().strip();
            if (now.isEmpty() || now.equals(DEFAULT_NAME) || now.equals(pickedName)) {
                pickedName = c.target().service();
                name.setText(pickedName);
            }
        });
        auth = new AuthEditor(form, "alertmanager", services, changed);
        connection = new ConnectionEditor(form, "alertmanager", changed);
        check = new ConnectionCheck("alertmanager", this::firstError,
                () -> services.testAlertmanager().apply(endpoint().orElseThrow()));
        name.textProperty().addListener((o, a, b) -> changed.run());
        enabled.selectedProperty().addListener((o, a, on) -> {
            form.node().setDisable(!on);
            check.node().setDisable(!on);
            changed.run();
        });
        form.node().setDisable(true);
        check.node().setDisable(true);

        enabled.setPadding(new javafx.geometry.Insets(8));
        form.node().setPadding(new javafx.geometry.Insets(0, 16, 8, 8));
        ScrollPane scroll = new ScrollPane(new VBox(4, enabled, form.node()));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        Form.followFocus(scroll);
        node.setCenter(scroll);
        check.node().setPadding(new javafx.geometry.Insets(10, 8, 4, 8));
        node.setBottom(check.node());
    }

    void load(Optional<AlertmanagerEndpoint> am) {
        am.ifPresent(a -> {
            name.setText(a.name());
            target.load(a.target());
            base = a.http();
            auth.load(a.http());
            connection.load(a.http());
        });
        enabled.setSelected(am.isPresent());
    }

    Node node() {
        return node;
    }

    boolean validate() {
        nameRow.say(Form.Severity.ERROR, Checks.required("Alertmanager's name", name.getText()));
        boolean targetOk = target.validate();
        boolean authOk = auth.validate() & connection.validate();
        return !enabled.isSelected() || nameRow.error().isEmpty() && targetOk && authOk;
    }

    Optional<String> firstError() {
        return nameRow.error().or(target::firstError).or(auth::firstError).or(connection::firstError);
    }

    /** The Alertmanager as typed, when it is enabled and valid. */
    Optional<AlertmanagerEndpoint> endpoint() {
        if (!enabled.isSelected()) {
            return Optional.empty();
        }
        Optional<EndpointTarget> t = target.target();
        Optional<HttpSettings> http = auth.settings(base).flatMap(connection::apply);
        if (name.getText().isBlank() || t.isEmpty() || http.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AlertmanagerEndpoint(name.getText().strip(), t.get(), http.get()));
    }
}
