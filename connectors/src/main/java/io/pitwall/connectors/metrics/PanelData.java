package io.pitwall.connectors.metrics;

import io.pitwall.connectors.model.RangeResult;
import java.util.List;
import java.util.Optional;

/** What a panel's queries returned for one window: series, or why there are none. */
public record PanelData(PanelSpec panel, List<QueryData> queries) {

    public PanelData {
        queries = List.copyOf(queries);
    }

    /** Whether no query returned a series. */
    public boolean empty() {
        return queries.stream().allMatch(q -> q.result().map(r -> r.series().isEmpty()).orElse(true));
    }

    /**
     * One query's outcome.
     *
     * @param result      what the source returned; empty when the query failed
     * @param emptyReason why there is no series ("" when there are some): a missing metric and who
     *                    normally exports it, or that nothing matches the selection in the window
     * @param error       the failure, when the query failed (its message is fit for the user)
     */
    public record QueryData(PanelSpec.QuerySpec spec, Optional<RangeResult> result, String emptyReason,
                            Optional<QueryException> error) {
    }
}
