package io.pitwall.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.Silence;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Alerts and rules as Prometheus ({@code /api/v1/alerts}, {@code /api/v1/rules}) and Alertmanager
 * ({@code /api/v2/alerts}, {@code /api/v2/silences}) write them, into Pitwall's records.
 */
public final class PromAlerts {

    private PromAlerts() {
    }

    /** Prometheus's alerts array ({@code data.alerts}, or a rule's {@code alerts}); inactive ones are left out. */
    static List<Alert> alerts(JsonNode array, String source, String expression) {
        List<Alert> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode a : array) {
            Alert.State state = switch (a.path("state").asText("").toLowerCase(Locale.ROOT)) {
                case "firing" -> Alert.State.FIRING;
                case "pending" -> Alert.State.PENDING;
                default -> null;
            };
            if (state == null) {
                continue;
            }
            Map<String, String> labels = strings(a.path("labels"));
            out.add(new Alert(labels.getOrDefault("alertname", ""), state, labels.getOrDefault("severity", ""), labels,
                    strings(a.path("annotations")), instant(a.path("activeAt").asText("")),
                    a.hasNonNull("value") ? Optional.of(a.path("value").asText()) : Optional.empty(), expression, source));
        }
        return out;
    }

    /** {@code data} of {@code /api/v1/rules}: the alerting rules of every group. */
    static List<AlertRule> rules(JsonNode data) {
        List<AlertRule> out = new ArrayList<>();
        if (data == null) {
            return out;
        }
        for (JsonNode g : data.path("groups")) {
            String group = g.path("name").asText("");
            for (JsonNode r : g.path("rules")) {
                if (!"alerting".equals(r.path("type").asText(""))) {
                    continue;
                }
                String query = r.path("query").asText("");
                out.add(new AlertRule(group, r.path("name").asText(""), query, strings(r.path("labels")),
                        strings(r.path("annotations")), Duration.ofMillis(Math.round(r.path("duration").asDouble(0) * 1000)),
                        r.path("health").asText(""), r.path("lastError").asText(""),
                        alerts(r.path("alerts"), "prometheus", query)));
            }
        }
        return out;
    }

    /**
     * Alertmanager's {@code /api/v2/alerts} array: "active" is firing, "suppressed" (silenced or
     * inhibited) is suppressed, "unprocessed" is taken as firing.
     */
    public static List<Alert> alertmanagerAlerts(JsonNode array) {
        List<Alert> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode a : array) {
            Map<String, String> labels = strings(a.path("labels"));
            String state = a.path("status").path("state").asText("active");
            Alert.State s = "suppressed".equals(state) ? Alert.State.SUPPRESSED : Alert.State.FIRING;
            out.add(new Alert(labels.getOrDefault("alertname", ""), s, labels.getOrDefault("severity", ""), labels,
                    strings(a.path("annotations")), instant(a.path("startsAt").asText("")), Optional.empty(), "",
                    "alertmanager"));
        }
        return out;
    }

    /** Alertmanager's {@code /api/v2/silences} array. */
    public static List<Silence> silences(JsonNode array) {
        List<Silence> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode s : array) {
            List<Silence.Matcher> matchers = new ArrayList<>();
            for (JsonNode m : s.path("matchers")) {
                matchers.add(new Silence.Matcher(m.path("name").asText(""), m.path("value").asText(""),
                        m.path("isRegex").asBoolean(false), m.path("isEqual").asBoolean(true)));
            }
            out.add(new Silence(s.path("id").asText(""), matchers,
                    instant(s.path("startsAt").asText("")).orElse(Instant.EPOCH),
                    instant(s.path("endsAt").asText("")).orElse(Instant.EPOCH), s.path("createdBy").asText(""),
                    s.path("comment").asText(""), s.path("status").path("state").asText("")));
        }
        return out;
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        if (object != null && object.isObject()) {
            object.properties().forEach(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    /** An RFC 3339 time; Go's zero time ("0001-01-01T00:00:00Z") means none. */
    static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
