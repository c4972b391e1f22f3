package io.pitwall.app.workspace;

import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.topology.Badge;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Firing alerts as topology badges: one per object the alerts name, as loud as the worst of them. */
final class AlertBadges {

    private AlertBadges() {
    }

    static Map<KubeRef, Badge> of(List<Alert> alerts) {
        Map<KubeRef, Badge.Severity> worst = new HashMap<>();
        Map<KubeRef, Integer> counts = new HashMap<>();
        for (Alert a : alerts) {
            if (a.state() != Alert.State.FIRING || a.target().isEmpty()) {
                continue;
            }
            KubeRef ref = a.target().get();
            Badge.Severity s = severity(a.severity());
            worst.merge(ref, s, (x, y) -> x.compareTo(y) >= 0 ? x : y);
            counts.merge(ref, 1, Integer::sum);
        }
        Map<KubeRef, Badge> badges = new HashMap<>();
        worst.forEach((ref, s) -> {
            int n = counts.get(ref);
            badges.put(ref, new Badge(s, n == 1 ? "alert" : n + " alerts"));
        });
        return badges;
    }

    static Badge.Severity severity(String label) {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "critical", "error", "page" -> Badge.Severity.CRITICAL;
            case "warning", "warn" -> Badge.Severity.WARNING;
            default -> Badge.Severity.INFO;
        };
    }
}
