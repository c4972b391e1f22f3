package io.pitwall.connectors.prometheus;

import io.pitwall.connectors.model.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One list of alerts from Prometheus's alerts, its alerting rules and Alertmanager's alerts.
 * <ul>
 *   <li>Each alert gets its rule's expression: the rule whose alerts have exactly its labels, else
 *       the rule of that name whose own labels it carries (Alertmanager's copy may carry more
 *       labels: the external ones).</li>
 *   <li>An alert both Prometheus and Alertmanager hold (same name, Prometheus's labels all in
 *       Alertmanager's) is listed once, with the source "prometheus, alertmanager": Prometheus's
 *       value and since, Alertmanager's labels, and "suppressed" when Alertmanager silenced it.</li>
 * </ul>
 * Firing first, then pending, then suppressed; by severity (critical first), then name.
 */
public final class AlertsJoin {

    public static final String BOTH = "prometheus, alertmanager";

    private AlertsJoin() {
    }

    public static List<Alert> join(List<Alert> prometheus, List<AlertRule> rules, List<Alert> alertmanager) {
        List<Alert> out = new ArrayList<>();
        List<Alert> unmatched = new ArrayList<>(alertmanager);
        for (Alert p : prometheus) {
            String expr = p.expression().isEmpty() ? expression(p, rules) : p.expression();
            Alert withExpr = with(p, p.state(), p.labels(), expr, p.source());
            Optional<Alert> am = unmatched.stream().filter(a -> a.name().equals(p.name()) && contains(a.labels(), p.labels()))
                    .findFirst();
            if (am.isPresent()) {
                unmatched.remove(am.get());
                Alert.State state = am.get().state() == Alert.State.SUPPRESSED ? Alert.State.SUPPRESSED : p.state();
                out.add(with(withExpr, state, am.get().labels(), expr, BOTH));
            } else {
                out.add(withExpr);
            }
        }
        for (Alert a : unmatched) {
            out.add(with(a, a.state(), a.labels(), expression(a, rules), a.source()));
        }
        out.sort(ORDER);
        return out;
    }

    /** The expression of the rule that made {@code alert}, or "". */
    static String expression(Alert alert, List<AlertRule> rules) {
        for (AlertRule r : rules) {
            for (Alert a : r.alerts()) {
                if (a.labels().equals(alert.labels())) {
                    return r.query();
                }
            }
        }
        for (AlertRule r : rules) {
            for (Alert a : r.alerts()) {
                if (r.name().equals(alert.name()) && contains(alert.labels(), a.labels())) {
                    return r.query();
                }
            }
        }
        for (AlertRule r : rules) {
            if (r.name().equals(alert.name()) && contains(alert.labels(), r.labels())) {
                return r.query();
            }
        }
        return "";
    }

    private static boolean contains(Map<String, String> all, Map<String, String> some) {
        return all.entrySet().containsAll(some.entrySet());
    }

    private static Alert with(Alert a, Alert.State state, Map<String, String> labels, String expression, String source) {
        return new Alert(a.name(), state, a.severity(), labels, a.annotations(), a.since(), a.value(), expression, source);
    }

    private static int severityRank(String s) {
        return switch (s) {
            case "critical", "page" -> 0;
            case "error", "high" -> 1;
            case "warning", "warn" -> 2;
            case "info" -> 3;
            case "none" -> 5;
            default -> 4;
        };
    }

    static final Comparator<Alert> ORDER = Comparator.comparing(Alert::state)
            .thenComparingInt(a -> severityRank(a.severity()))
            .thenComparing(Alert::name)
            .thenComparing(a -> new java.util.TreeMap<>(a.labels()).toString());
}
