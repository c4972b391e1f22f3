package io.pitwall.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Prometheus's alerts and rules (the API reference's samples) joined, and Alertmanager's alerts merged in. */
class AlertsJoinTest {

    @Test
    void alertsFromTheApiReference() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(MockPrometheus.fixture("alerts.json"));
            server.enqueue(MockPrometheus.fixture("rules.json"));
            PrometheusClient c = MockPrometheus.client(server);
            List<Alert> alerts = c.alerts().get();
            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo("my-alert");
                assertThat(a.state()).isEqualTo(Alert.State.FIRING);
                assertThat(a.since()).hasValue(Instant.parse("2018-07-04T18:27:12.60602144Z"));
                assertThat(a.value()).hasValue("1e+00");
                assertThat(a.source()).isEqualTo("prometheus");
            });
            List<AlertRule> rules = c.rules().get();
            assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/alerts");
            assertThat(server.takeRequest().getUrl().query()).isEqualTo("type=alert");
            // the recording rule is left out
            assertThat(rules).singleElement().satisfies(r -> {
                assertThat(r.name()).isEqualTo("HighRequestLatency");
                assertThat(r.query()).isEqualTo("job:request_latency_seconds:mean5m{job=\"myjob\"} > 0.5");
                assertThat(r.duration()).hasSeconds(600);
                assertThat(r.alerts()).singleElement().extracting(Alert::severity).isEqualTo("page");
            });
            // the rule's own alert gets its expression; my-alert has no rule
            List<Alert> joined = AlertsJoin.join(rules.getFirst().alerts().stream()
                    .map(a -> new Alert(a.name(), a.state(), a.severity(), a.labels(), a.annotations(), a.since(),
                            a.value(), "", a.source())).toList(), rules, List.of());
            assertThat(joined).singleElement().extracting(Alert::expression).isEqualTo(rules.getFirst().query());
            assertThat(AlertsJoin.join(alerts, rules, List.of())).singleElement().extracting(Alert::expression).isEqualTo("");
        }
    }

    @Test
    void alertmanagerCopyWithExternalLabelsIsMergedAndSilencedStaysSuppressed() {
        Map<String, String> labels = Map.of("alertname", "KubePodCrashLooping", "namespace", "shop", "pod", "carts-1",
                "severity", "warning");
        AlertRule rule = new AlertRule("kubernetes-apps", "KubePodCrashLooping",
                "max_over_time(kube_pod_container_status_waiting_reason{reason=\"CrashLoopBackOff\"}[5m]) >= 1",
                Map.of("severity", "warning"), Map.of(), java.time.Duration.ofMinutes(15), "ok", "", List.of());
        Alert prom = new Alert("KubePodCrashLooping", Alert.State.FIRING, "warning", labels, Map.of(),
                java.util.Optional.empty(), java.util.Optional.of("1"), "", "prometheus");
        java.util.HashMap<String, String> external = new java.util.HashMap<>(labels);
        external.put("cluster", "prod-eu");
        Alert am = new Alert("KubePodCrashLooping", Alert.State.SUPPRESSED, "warning", external, Map.of(),
                java.util.Optional.empty(), java.util.Optional.empty(), "", "alertmanager");
        Alert other = new Alert("Watchdog", Alert.State.FIRING, "none", Map.of("alertname", "Watchdog"), Map.of(),
                java.util.Optional.empty(), java.util.Optional.empty(), "", "alertmanager");

        List<Alert> joined = AlertsJoin.join(List.of(prom), List.of(rule), List.of(other, am));
        assertThat(joined).hasSize(2);
        Alert merged = joined.stream().filter(a -> a.name().equals("KubePodCrashLooping")).findFirst().orElseThrow();
        assertThat(merged.source()).isEqualTo(AlertsJoin.BOTH);
        assertThat(merged.state()).isEqualTo(Alert.State.SUPPRESSED);
        assertThat(merged.labels()).containsEntry("cluster", "prod-eu");
        assertThat(merged.expression()).startsWith("max_over_time(kube_pod_container_status_waiting_reason");
        assertThat(merged.value()).hasValue("1");
        assertThat(merged.target()).hasValue(new KubeRef("Pod", "shop", "carts-1"));
        // firing before suppressed
        assertThat(joined.getFirst().name()).isEqualTo("Watchdog");
    }

    @Test
    void alertmanagerAlertsAndSilences() throws Exception {
        var json = PromJson.MAPPER.readTree("""
                [{"labels":{"alertname":"PitwallAlwaysFiring","severity":"warning"},"annotations":{"summary":"s"},
                  "startsAt":"2026-11-25T03:00:00.000Z","endsAt":"2026-11-25T03:04:00.000Z","fingerprint":"f",
                  "status":{"state":"active","silencedBy":[],"inhibitedBy":[]},"receivers":[{"name":"null"}]}]""");
        assertThat(PromAlerts.alertmanagerAlerts(json)).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(Alert.State.FIRING);
            assertThat(a.since()).hasValue(Instant.parse("2026-11-25T03:00:00Z"));
            assertThat(a.source()).isEqualTo("alertmanager");
        });
        var silences = PromAlerts.silences(PromJson.MAPPER.readTree("""
                [{"id":"a1","matchers":[{"name":"alertname","value":"Watchdog","isRegex":false,"isEqual":true},
                                        {"name":"pod","value":"carts-.*","isRegex":true,"isEqual":false}],
                  "startsAt":"2026-11-25T03:00:00Z","endsAt":"2026-11-25T05:00:00Z","createdBy":"oncall",
                  "comment":"known","status":{"state":"active"}}]"""));
        assertThat(silences).singleElement().satisfies(s -> {
            assertThat(s.active()).isTrue();
            assertThat(s.matchers()).extracting(Silence.Matcher::toString)
                    .containsExactly("alertname=\"Watchdog\"", "pod!~\"carts-.*\"");
        });
    }
}
