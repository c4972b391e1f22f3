package io.pitwall.ui.settings;

import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import java.util.Optional;
import javafx.scene.Node;

/** The context's Alertmanager, if it has one: where it is, authentication, TLS and a test. */
final class AlertmanagerForm {

    private final OptionalEndpointForm form;

    AlertmanagerForm(EndpointServices services, Runnable changed) {
        form = new OptionalEndpointForm("alertmanager", "Alertmanager", "This context has an Alertmanager", "alertmanager",
                PrometheusDiscovery.Kind.ALERTMANAGER, services, changed, f -> {
                }, () -> services.testAlertmanager().apply(endpoint().orElseThrow()));
    }

    void load(Optional<AlertmanagerEndpoint> am) {
        form.load(am.map(a -> new OptionalEndpointForm.Parts(a.name(), a.target(), a.http())));
    }

    Node node() {
        return form.node();
    }

    boolean validate() {
        return form.validate();
    }

    Optional<String> firstError() {
        return form.firstError();
    }

    /** The Alertmanager as typed, when it is enabled and valid. */
    Optional<AlertmanagerEndpoint> endpoint() {
        return form.parts().map(p -> new AlertmanagerEndpoint(p.name(), p.target(), p.http()));
    }
}
