package io.pitwall.connectors.mapping;

import java.util.Optional;

/**
 * How each signal names a Kubernetes object: the Prometheus labels of a pod, node and container
 * ({@link PromLabels}), the Loki stream labels (detected from the server's label names unless
 * set here), and the span attributes of traces ({@link TraceAttributes}). Selecting an object
 * in one pane finds it in the others through this mapping. The defaults fit kube-prometheus,
 * the Loki Helm chart (promtail, Alloy), the OpenTelemetry Collector and fluent-bit; a user's
 * {@code mapping.json} ({@link SignalMappings}) overrides any part.
 *
 * <p>The mapping in use is read once at start ({@link #use}); the connectors that build queries
 * from objects ask {@link #current()}.
 */
public record SignalMapping(PromLabels prometheus, Optional<LokiLabels> loki, TraceAttributes traces) {

    public static final SignalMapping DEFAULTS = new SignalMapping(PromLabels.DEFAULTS, Optional.empty(), TraceAttributes.DEFAULTS);

    private static volatile SignalMapping current = DEFAULTS;

    /** The mapping the app uses. */
    public static SignalMapping current() {
        return current;
    }

    /** Makes {@code mapping} the one in use (null: the defaults). */
    public static void use(SignalMapping mapping) {
        current = mapping == null ? DEFAULTS : mapping;
    }
}
