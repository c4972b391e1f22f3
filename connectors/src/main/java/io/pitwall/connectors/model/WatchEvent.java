package io.pitwall.connectors.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One change the watch saw: an object added, modified or deleted, when, and how it stood after
 * (for a pod: phase, readiness, restarts and why it is unhealthy). What the timeline draws and a
 * bundle keeps for the window it covers.
 *
 * @param resourceVersion the object's resourceVersion after the change ("" when unknown)
 * @param summary         how the object stood after the change, in a few words ("" when none)
 */
public record WatchEvent(Instant at, Type type, KubeRef ref, String resourceVersion, String summary) {

    public enum Type { ADDED, MODIFIED, DELETED }

    public WatchEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ref, "ref");
        resourceVersion = resourceVersion == null ? "" : resourceVersion;
        summary = summary == null ? "" : summary;
    }
}
