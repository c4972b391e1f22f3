package io.pitwall.ui.settings;

import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * A context's one optional endpoint of a kind (its Alertmanager, its Loki): whether it has one,
 * its name, where it is (a URL or a Service found in the cluster), authentication, TLS,
 * connection settings and "Test connection". The kind's own form adds its rows and builds its
 * endpoint from {@link #parts()}.
 */
final class OptionalEndpointForm {

    /** What every such endpoint is made of. */
    record Parts(String name, EndpointTarget target, HttpSettings http) {
    }

    final CheckBox enabled;
    final TextField name = new TextField();
    final TargetEditor target;
    final AuthEditor auth;
    final ConnectionEditor connection;
    final ConnectionCheck check;
    private final Form form = new Form();
    private final Form.Row nameRow;
    private final BorderPane node = new BorderPane();
    private final String defaultName;
    private final String section;
    private HttpSettings base = HttpSettings.DEFAULT;
    private String pickedName = "";

    /**
     * @param extraRows adds the kind's own rows after where the endpoint is (Loki's tenant)
     * @param test      starts "Test connection" on the endpoint as typed
     */
    OptionalEndpointForm(String prefix, String section, String enabledText, String defaultName,
                         PrometheusDiscovery.Kind kind, EndpointServices services, Runnable changed,
                         Consumer<Form> extraRows, Supplier<CompletableFuture<String>> test) {
        this.defaultName = defaultName;
        this.section = section;
        enabled = new CheckBox(enabledText);
        enabled.setId(prefix + "-enabled");
        name.setId(prefix + "-name");
        name.setText(defaultName);
        form.section(section);
        nameRow = form.row("Name", name);
        target = new TargetEditor(form, prefix, kind, services, changed, c -> {
            String now = name.getText().strip();
            if (now.isEmpty() || now.equals(defaultName) || now.equals(pickedName)) {
                pickedName = c.target().service();
                name.setText(pickedName);
            }
        });
        extraRows.accept(form);
        auth = new AuthEditor(form, prefix, services, changed);
        connection = new ConnectionEditor(form, prefix, changed);
        check = new ConnectionCheck(prefix, this::firstError, test);
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

    /** Shows a saved endpoint's parts, or none (off). */
    void load(Optional<Parts> saved) {
        saved.ifPresent(p -> {
            name.setText(p.name());
            target.load(p.target());
            base = p.http();
            auth.load(p.http());
            connection.load(p.http());
        });
        enabled.setSelected(saved.isPresent());
    }

    Node node() {
        return node;
    }

    /** Says what is wrong under each field; true when off or every field is fine. */
    boolean validate() {
        nameRow.say(Form.Severity.ERROR, Checks.required(section + "'s name", name.getText()));
        boolean targetOk = target.validate();
        boolean authOk = auth.validate() & connection.validate();
        return !enabled.isSelected() || nameRow.error().isEmpty() && targetOk && authOk;
    }

    Optional<String> firstError() {
        return nameRow.error().or(target::firstError).or(auth::firstError).or(connection::firstError);
    }

    /** The endpoint's parts as typed, when it is on and valid. */
    Optional<Parts> parts() {
        if (!enabled.isSelected()) {
            return Optional.empty();
        }
        Optional<EndpointTarget> t = target.target();
        Optional<HttpSettings> http = auth.settings(base).flatMap(connection::apply);
        if (name.getText().isBlank() || t.isEmpty() || http.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parts(name.getText().strip(), t.get(), http.get()));
    }
}
