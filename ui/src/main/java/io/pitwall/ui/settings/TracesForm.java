package io.pitwall.ui.settings;

import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import io.pitwall.connectors.prometheus.TraceEndpoint;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;

/**
 * The context's trace backend, if it has one: which API it speaks (Jaeger's v1 {@code /api},
 * Jaeger v2's {@code /api/v3}, Zipkin's {@code /api/v2}), where it is, authentication, TLS and a
 * test. A Service found in the cluster sets the protocol it was recognised as.
 */
final class TracesForm {

    final ChoiceBox<TraceEndpoint.Protocol> protocol = new ChoiceBox<>();
    private final OptionalEndpointForm form;

    TracesForm(EndpointServices services, Runnable changed) {
        protocol.setId("traces-protocol");
        protocol.getItems().setAll(TraceEndpoint.Protocol.values());
        protocol.setValue(TraceEndpoint.Protocol.JAEGER_V1);
        protocol.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TraceEndpoint.Protocol p) {
                return p == null ? "" : p.displayName();
            }

            @Override
            public TraceEndpoint.Protocol fromString(String s) {
                return TraceEndpoint.Protocol.JAEGER_V1;
            }
        });
        protocol.valueProperty().addListener((o, a, b) -> changed.run());
        form = new OptionalEndpointForm("traces", "Traces", "This context has a trace backend (Jaeger or Zipkin)",
                "jaeger-query", PrometheusDiscovery.Kind.JAEGER, services, changed, f -> f.row("API", protocol)
                        .say(Form.Severity.INFO, Optional.of("Jaeger v1 and v2 both serve the v1 API on port 16686;"
                                + " Zipkin listens on 9411.")),
                () -> services.testTraces().apply(endpoint().orElseThrow()));
        form.target.setOnPicked(c -> protocol.setValue(c.kind() == PrometheusDiscovery.Kind.ZIPKIN
                ? TraceEndpoint.Protocol.ZIPKIN : TraceEndpoint.Protocol.JAEGER_V1));
    }

    void load(Optional<TraceEndpoint> traces) {
        traces.ifPresent(t -> protocol.setValue(t.protocol()));
        form.load(traces.map(t -> new OptionalEndpointForm.Parts(t.name(), t.target(), t.http())));
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

    /** The backend as typed, when it is enabled and valid. */
    Optional<TraceEndpoint> endpoint() {
        return form.parts().map(p -> new TraceEndpoint(p.name(), protocol.getValue(), p.target(), p.http()));
    }
}
