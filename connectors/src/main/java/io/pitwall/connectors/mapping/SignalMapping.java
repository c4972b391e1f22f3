package io.pitwall.connectors.mapping;

/**
 * How the signals name a Kubernetes object: the Prometheus labels of a pod, node and container
 * ({@link PromLabels}) and the span attributes of traces ({@link TraceAttributes}). Selecting an
 * object in one pane finds it in the others through this mapping. The defaults fit
 * kube-prometheus and the OpenTelemetry Kubernetes attributes; a user's {@code mapping.json}
 * ({@link SignalMappings}) overrides any part. Loki's stream labels are detected from the
 * server's label names ({@link io.pitwall.connectors.logs.LokiSelectors}: promtail and Alloy,
 * the OpenTelemetry Collector, fluent-bit).
 *
 * <p>The app reads it once at start and hands it to the panes that build queries from objects.
 */
public record SignalMapping(PromLabels prometheus, TraceAttributes traces) {

    public static final SignalMapping DEFAULTS = new SignalMapping(PromLabels.DEFAULTS, TraceAttributes.DEFAULTS);
}
