package io.pitwall.connectors.metrics;

import java.util.OptionalInt;

/**
 * A query that failed, with Prometheus's own words: its {@code errorType} (bad_data, timeout,
 * execution...) and message, and where in the query the parser stopped when it says.
 */
public final class QueryException extends Exception {

    private final String errorType;
    private final OptionalInt position;

    public QueryException(String errorType, String message, OptionalInt position) {
        super(message);
        this.errorType = errorType == null ? "" : errorType;
        this.position = position == null ? OptionalInt.empty() : position;
    }

    /**
     * Prometheus's {@code errorType} (bad_data, execution, timeout, canceled, internal,
     * unavailable), or a word of Pitwall's: unreachable (no answer: refused, unknown host, TLS,
     * timeout, credentials that cannot be read), unauthorized (401), forbidden (403), not_found
     * (404: a wrong URL or path prefix), bad_response (not Prometheus JSON), not_captured (a bundle
     * does not hold that query), not_configured (no endpoint).
     */
    public String errorType() {
        return errorType;
    }

    /** The 0-based character offset in the query where the parser stopped, when known. */
    public OptionalInt position() {
        return position;
    }
}
