package io.pitwall.connectors.timeline;

/** The lanes of the incident timeline, top to bottom: what changed first, what it caused after. */
public enum Lane {
    ROLLOUTS("Rollouts"),
    RESTARTS("Restarts"),
    WARNINGS("Warnings"),
    ALERTS("Alerts"),
    SECURITY("Security"),
    ERROR_LOGS("Error logs"),
    TRACES("Traces");

    private final String title;

    Lane(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
