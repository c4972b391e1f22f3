package io.pitwall.ui.settings;

import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.prometheus.LokiEndpoint;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TextField;

/**
 * The context's Loki, if it has one (without, the Logs pane reads the Kubernetes log API): where
 * it is, the tenant of a multi-tenant Loki, authentication, TLS and a test.
 */
final class LokiForm {

    final TextField tenant = new TextField();
    private final OptionalEndpointForm form;

    LokiForm(EndpointServices services, Runnable changed) {
        tenant.setId("loki-tenant");
        tenant.setPromptText("none (a single-tenant Loki)");
        tenant.textProperty().addListener((o, a, b) -> changed.run());
        form = new OptionalEndpointForm("loki", "Loki", "This context has a Loki (without, logs come from the Kubernetes log API)",
                "loki", PrometheusDiscovery.Kind.LOKI, services, changed, f -> f.row("Tenant", tenant).say(Form.Severity.INFO,
                        Optional.of("Sent as " + LokiEndpoint.TENANT_HEADER + " with every request.")),
                () -> services.testLoki().apply(endpoint().orElseThrow()));
    }

    void load(Optional<LokiEndpoint> loki) {
        loki.ifPresent(l -> tenant.setText(l.tenant().orElse("")));
        form.load(loki.map(l -> new OptionalEndpointForm.Parts(l.name(), l.target(), l.http())));
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

    /** Loki as typed, when it is enabled and valid; a tenant header typed among the headers becomes the tenant. */
    Optional<LokiEndpoint> endpoint() {
        return form.parts().map(p -> {
            Map<String, String> headers = new LinkedHashMap<>(p.http().headers());
            String typed = tenant.getText().strip();
            String fromHeaders = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(LokiEndpoint.TENANT_HEADER))
                    .map(Map.Entry::getValue).findFirst().orElse("");
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(LokiEndpoint.TENANT_HEADER));
            HttpSettings http = new HttpSettings(p.http().connectTimeout(), p.http().readTimeout(), p.http().auth(),
                    p.http().tls(), headers);
            return new LokiEndpoint(p.name(), p.target(), http, Optional.of(typed.isEmpty() ? fromHeaders : typed));
        });
    }
}
