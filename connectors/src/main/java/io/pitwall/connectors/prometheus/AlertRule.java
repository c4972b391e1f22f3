package io.pitwall.connectors.prometheus;

import io.pitwall.connectors.model.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An alerting rule as {@code /api/v1/rules} serves it, with its alerts.
 *
 * @param query    the rule's PromQL expression
 * @param labels   the labels the rule adds to its alerts
 * @param duration how long the expression must hold before the alert fires ("for")
 * @param health   "ok", "err" or "unknown"; {@code lastError} says why when "err"
 */
public record AlertRule(String group, String name, String query, Map<String, String> labels,
                        Map<String, String> annotations, Duration duration, String health, String lastError,
                        List<Alert> alerts) {

    public AlertRule {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        alerts = List.copyOf(alerts);
    }
}
