package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.TimeRange;
import java.util.Objects;

/**
 * One request for logs.
 *
 * @param scope     whose logs (the selection)
 * @param logql     a LogQL query typed by the user, or "" to read the scope's streams; a source
 *                  without LogQL (the Kubernetes log API) refuses a non-empty one
 * @param range     the shared time range
 * @param limit     the most lines to return (the newest when {@code backward})
 * @param backward  newest first from the end of the range (Loki's default), else oldest first
 */
public record LogQuery(LogScope scope, String logql, TimeRange range, int limit, boolean backward) {

    public LogQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(range, "range");
        logql = logql == null ? "" : logql.strip();
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    public boolean hasLogQL() {
        return !logql.isEmpty();
    }
}
