package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.RangeResult;
import java.util.List;
import java.util.Optional;

/**
 * What a log query returned: its lines oldest first, or, for a LogQL metric query
 * ({@code count_over_time(...)}), a matrix.
 *
 * @param entries  the lines, ascending by time (ties keep the server's order)
 * @param matrix   the series of a metric query; empty for a streams result
 * @param limited  true when the limit cut the answer short (there is more in the range)
 * @param warnings what the server (or a merge of several pods) said along the way, for the user
 */
public record LogResult(LogQuery query, List<LogEntry> entries, Optional<RangeResult> matrix, boolean limited,
                        List<String> warnings) {

    public LogResult {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }
}
