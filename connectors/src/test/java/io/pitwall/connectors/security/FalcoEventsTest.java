package io.pitwall.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Real Falco events and falcosidekick payloads (test resources security/falco, see SOURCES.md). */
class FalcoEventsTest {

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("event-terminal-shell-k8s-critical.json", "Terminal shell in container", Severity.CRITICAL,
                        "2023-05-25T13:44:05.478445995Z", "default", new KubeRef("Pod", "default", "kubecon")),
                Arguments.of("event-contact-k8s-api-server.json", "Contact K8S API Server From Container", Severity.LOW,
                        "2021-07-21T10:37:09.101509967Z", "fission-function",
                        new KubeRef("Pod", "fission-function", "poolmgr-go-default-516098-5bdbf8c8f5-g8gvc")),
                Arguments.of("event-k8saudit-attach-exec-pod.json", "Attach/Exec Pod", Severity.LOW,
                        "2025-02-10T09:29:46.302906Z", "hello-app", new KubeRef("Pod", "hello-app", "nginx-676b6c5bbc-4xc6t")),
                Arguments.of("event-k8saudit-serviceaccount-created-eks.json", "K8s Serviceaccount Created", Severity.INFO,
                        "2023-05-10T14:09:17.699479Z", "default", new KubeRef("ServiceAccount", "default", "default")),
                Arguments.of("event-falco-metrics-snapshot.json", "Falco internal: metrics snapshot", Severity.INFO,
                        "2025-05-29T22:59:39.193502203Z", "", null),
                // the docs' time "2021-04-13T20:58:00.746609046Z+2" is read up to its zone
                Arguments.of("event-write-below-binary-dir-no-k8s.json", "Fake rule", Severity.HIGH,
                        "2021-04-13T20:58:00.746609046Z", "", null),
                Arguments.of("falcosidekick-readme-post-payload.json", "Write below binary dir", Severity.HIGH,
                        "2019-05-17T15:31:56.746609046Z", "", null),
                Arguments.of("falcosidekick-test-event.json", "Test rule", Severity.INFO, "2001-01-01T01:10:00Z", "", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eachEventKeepsItsRulePriorityNanosecondTimeAndObject(String file, String rule, Severity severity, String time,
            String namespace, KubeRef object) throws Exception {
        String text = Resources.text("falco/" + file);
        SecurityFinding f = FalcoEvents.event(text);
        assertThat(f.source()).isEqualTo(FindingSource.FALCO);
        assertThat(f.rule()).isEqualTo(rule);
        assertThat(f.title()).isEqualTo(rule);
        assertThat(f.severity()).isEqualTo(severity);
        assertThat(f.time()).isEqualTo(Instant.parse(time));
        assertThat(f.namespace()).isEqualTo(namespace);
        assertThat(f.object()).isEqualTo(object);
        JsonNode original = Trees.JSON.readTree(text);
        assertThat(f.message()).isEqualTo(original.path("output").asString());
        // every field kept
        assertThat(Trees.JSON.readTree(f.payload())).isEqualTo(original);
        // the same event read again has the same id
        assertThat(FalcoEvents.event(text).id()).isEqualTo(f.id()).startsWith("falco:");
    }

    @Test
    void jsonLinesAsFalcoWritesThemGiveOneFindingPerLine() throws Exception {
        StringBuilder lines = new StringBuilder();
        events().forEach(a -> lines.append(Trees.JSON.readTree(Resources.text("falco/" + a.get()[0]))).append('\n'));
        lines.append("\n");
        var all = FalcoEvents.lines(lines.toString(), "events.json");
        assertThat(all).hasSize(8);
        assertThat(all).extracting(SecurityFinding::id).doesNotHaveDuplicates();
        assertThat(all.getFirst().payload()).contains("\"proc.tty\":34816", "\"mitre_execution\"");
    }

    @Test
    void aLineThatIsNotJsonIsAnErrorNamingFileAndLine() {
        String text = Trees.JSON.readTree(Resources.text("falco/falcosidekick-test-event.json")) + "\n"
                + "Falco initialized with configuration file /etc/falco/falco.yaml\n";
        assertThatThrownBy(() -> FalcoEvents.lines(text, "falco.log"))
                .isInstanceOf(SecurityParseException.class)
                .hasMessageStartingWith("falco.log, line 2: not a Falco JSON event")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aJsonValueThatIsNoObjectIsAnError() {
        assertThatThrownBy(() -> FalcoEvents.lines("{\"rule\":\"a\",\"output\":\"b\"}\n[1,2]\n", "x.json"))
                .isInstanceOf(SecurityParseException.class)
                .hasMessage("x.json, line 2: not a Falco event (a JSON object): ARRAY");
    }

    @Test
    void aUuidFromFalcosidekickIsTheId() throws Exception {
        SecurityFinding f = FalcoEvents.event("{\"uuid\":\"42b1-x\",\"rule\":\"r\",\"priority\":\"Warning\",\"output\":\"o\"}");
        assertThat(f.id()).isEqualTo("falco:42b1-x");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.time()).isNull();
    }

    @Test
    void aLokiStreamOfFalcosidekickWithItsDefaultLabels() {
        // the labels falcosidekick's Loki output sets (outputs/loki.go), for event-terminal-shell-k8s-critical.json
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("rule", "Terminal shell in container");
        labels.put("source", "syscall");
        labels.put("priority", "Critical");
        labels.put("k8s_ns_name", "default");
        labels.put("k8s_pod_name", "kubecon");
        labels.put("hostname", "falco-xczjd");
        labels.put("tags", "container,mitre_execution,shell");
        assertThat(FalcoEvents.isFalcoStream(labels)).isTrue();
        long nanos = 1685022245478445995L;
        String output = "13:44:05.478445995: Critical A shell was spawned in a container with an attached terminal";
        SecurityFinding f = FalcoEvents.fromLoki(labels, nanos, output);
        assertThat(f.rule()).isEqualTo("Terminal shell in container");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.time()).isEqualTo(Instant.parse("2023-05-25T13:44:05.478445995Z"));
        assertThat(f.object()).isEqualTo(new KubeRef("Pod", "default", "kubecon"));
        assertThat(f.message()).isEqualTo(output);
        JsonNode p = Trees.JSON.readTree(f.payload());
        assertThat(p.path("tags")).hasSize(3);
        assertThat(p.path("hostname").asString()).isEqualTo("falco-xczjd");
        assertThat(p.path("loki_labels").path("k8s_pod_name").asString()).isEqualTo("kubecon");
        assertThat(FalcoEvents.fromLoki(labels, nanos, output).id()).isEqualTo(f.id());
    }

    @Test
    void aLokiLineInFalcosidekicksJsonFormatIsTheWholeEvent() {
        String json = Trees.JSON.readTree(Resources.text("falco/event-contact-k8s-api-server.json")).toString();
        SecurityFinding f = FalcoEvents.fromLoki(Map.of("rule", "Contact K8S API Server From Container", "priority", "Notice"),
                1626863829101509967L, json);
        assertThat(f.object()).isEqualTo(new KubeRef("Pod", "fission-function", "poolmgr-go-default-516098-5bdbf8c8f5-g8gvc"));
        assertThat(f.payload()).contains("\"container.image.repository\":\"fission/fetcher\"", "\"loki_labels\"");
        assertThat(f.time()).isEqualTo(Instant.parse("2021-07-21T10:37:09.101509967Z"));
    }

    @Test
    void anOlderStreamWithoutPodLabelsHasNoObject() {
        SecurityFinding f = FalcoEvents.fromLoki(Map.of("rule", "Test rule", "priority", "Debug", "procname", "falcosidekick"),
                978311400000000000L, "This is a test from falcosidekick");
        assertThat(f.object()).isNull();
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.time()).isEqualTo(Instant.parse("2001-01-01T01:10:00Z"));
    }

    @Test
    void theDetailsPanelReadsEveryFieldAsARow() throws Exception {
        SecurityFinding f = FalcoEvents.event(Resources.text("falco/event-terminal-shell-k8s-critical.json"));
        Map<String, String> rows = FindingDetails.fields(f);
        assertThat(rows).containsEntry("rule", "Terminal shell in container")
                .containsEntry("output_fields.k8s.pod.name", "kubecon")
                .containsEntry("output_fields.evt.time", "1685022245478445995")
                .containsEntry("output_fields.user.loginuid", "-1")
                .containsEntry("tags[1]", "mitre_execution");
        assertThat(rows.keySet()).first().isEqualTo("hostname");
        assertThat(FindingDetails.pretty(f)).contains("\n").contains("\"proc.tty\" : 34816");
    }
}
