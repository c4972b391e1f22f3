package io.pitwall.connectors.logs;

/**
 * A log query that failed, in words fit for the user, with a kind: bad_query (Loki's 400, with
 * its parser's message), unauthorized (401), forbidden (403), not_found (404), too_many_requests
 * (429), server_error (5xx: its body's first line), unreachable (refused, unknown host, TLS,
 * timeout), bad_response (not Loki JSON), not_captured (a bundle without logs), not_supported
 * (LogQL on the log API, a scope the source cannot read).
 */
public final class LogQueryException extends Exception {

    private final String kind;

    public LogQueryException(String kind, String message) {
        super(message);
        this.kind = kind == null ? "" : kind;
    }

    public LogQueryException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind == null ? "" : kind;
    }

    public String kind() {
        return kind;
    }
}
