package io.pitwall.connectors.model;

import java.time.Instant;

/** A Kubernetes event: {@code type} Normal or Warning, about {@code object}. */
public record EventInfo(KubeRef object, String type, String reason, String message, Instant last, int count) {

    public boolean warning() {
        return "Warning".equals(type);
    }
}
