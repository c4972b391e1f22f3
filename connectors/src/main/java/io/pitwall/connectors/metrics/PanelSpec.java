package io.pitwall.connectors.metrics;

import java.util.List;

/**
 * One resource graph for a scope: its title, unit and the queries that draw it.
 *
 * @param id a stable id ("cpu", "memory", "network", "restarts", "throttling")
 */
public record PanelSpec(String id, String title, Unit unit, List<QuerySpec> queries) {

    public PanelSpec {
        queries = List.copyOf(queries);
    }

    /**
     * One query of a panel.
     *
     * @param legend  how each series is named: a template of label names in braces
     *                ("{{pod}}/{{container}}"), or a fixed text
     * @param role    a value, or a threshold (requests, limits) drawn as a dashed line
     * @param metrics the metric names the query reads, so that a missing one can be named
     */
    public record QuerySpec(String promql, String legend, Role role, List<String> metrics) {

        public QuerySpec {
            metrics = List.copyOf(metrics);
        }
    }

    public enum Role { VALUE, REQUEST, LIMIT }
}
