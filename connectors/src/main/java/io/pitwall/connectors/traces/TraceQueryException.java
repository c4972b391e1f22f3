package io.pitwall.connectors.traces;

/**
 * A trace read that failed, in words fit for the user, with a kind: bad_query (the server's 400,
 * with its message), unauthorized (401), forbidden (403), not_found (404, or a trace the source
 * does not have), too_many_requests (429), server_error (5xx: its body's first line), unreachable
 * (refused, unknown host, TLS, timeout), bad_response (not the protocol's JSON, or a truncated
 * body), not_captured (a bundle without traces), not_supported (a query the source cannot answer).
 */
public final class TraceQueryException extends Exception {

    private final String kind;

    public TraceQueryException(String kind, String message) {
        super(message);
        this.kind = kind == null ? "" : kind;
    }

    public TraceQueryException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind == null ? "" : kind;
    }

    public String kind() {
        return kind;
    }
}
