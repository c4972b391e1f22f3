package io.pitwall.ui.topology;

import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.Topology;

/**
 * How the topology colours a pod: the model's {@link Topology.Health} with evicted pods told
 * apart from failed ones. Declared from the most to the least urgent after the running ones.
 */
public enum PodHealth {
    RUNNING("running"),
    PENDING("pending"),
    NOT_READY("not ready"),
    CRASH_LOOPING("crash-looping"),
    FAILED("failed"),
    EVICTED("evicted"),
    SUCCEEDED("completed");

    private static final PodHealth[] ALL = values();

    private final String label;

    PodHealth(String label) {
        this.label = label;
    }

    /** The word the legend and the counts use. */
    public String label() {
        return label;
    }

    public static PodHealth of(PodInfo p) {
        return switch (Topology.Health.of(p)) {
            case OK -> RUNNING;
            case PENDING -> PENDING;
            case NOT_READY -> NOT_READY;
            case CRASHING -> CRASH_LOOPING;
            case FAILED -> p.reason().filter("Evicted"::equals).isPresent() ? EVICTED : FAILED;
            case SUCCEEDED -> SUCCEEDED;
        };
    }

    static PodHealth ofOrdinal(int ordinal) {
        return ALL[ordinal];
    }

    /** Whether this needs a look: everything but running and completed. */
    public boolean unhealthy() {
        return this != RUNNING && this != SUCCEEDED;
    }

    /** A rank for "worst of": crash-looping and failed first, then not ready, then the rest. */
    int urgency() {
        return switch (this) {
            case CRASH_LOOPING, FAILED -> 5;
            case NOT_READY -> 4;
            case EVICTED -> 3;
            case PENDING -> 2;
            case SUCCEEDED -> 1;
            case RUNNING -> 0;
        };
    }
}
