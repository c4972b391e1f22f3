package io.pitwall.connectors.model;

import java.util.Map;

/**
 * The labels of a log stream (Loki's stream labels, or namespace, pod and container for the
 * Kubernetes log API). Entries of one stream share one instance, so a million lines cost a
 * handful of these.
 */
public record LogStream(Map<String, String> labels) {

    public LogStream {
        labels = Map.copyOf(labels);
    }

    /** A label's value, or "" when the stream has none. */
    public String label(String name) {
        return labels.getOrDefault(name, "");
    }
}
