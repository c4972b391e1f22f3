package io.pitwall.connectors.mapping;

/**
 * The Loki stream labels of a pod's namespace, name and container, when the user sets them; else
 * Pitwall detects the shipper's names from the server's label names.
 */
public record LokiLabels(String namespace, String pod, String container) {
}
