package io.pitwall.connectors.model;

import java.util.Objects;

/**
 * A Kubernetes object by kind, namespace and name; the namespace is empty for cluster-scoped
 * objects (nodes, namespaces). What selection events and cross-pane links carry.
 */
public record KubeRef(String kind, String namespace, String name) {

    public KubeRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
    }

    @Override
    public String toString() {
        return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
