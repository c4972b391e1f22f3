package io.pitwall.connectors.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.security.SecuritySource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** A Falco JSON-lines file or a falcosidekick payload opened as a session with security events; other JSON is not taken for Falco. */
class SecurityFileSessionsTest {

    private static final TimeRange ALL = new TimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> EVENTS = List.of("event-terminal-shell-k8s-critical.json",
            "event-contact-k8s-api-server.json", "event-k8saudit-attach-exec-pod.json",
            "event-k8saudit-serviceaccount-created-eks.json", "event-falco-metrics-snapshot.json",
            "event-write-below-binary-dir-no-k8s.json", "falcosidekick-readme-post-payload.json",
            "falcosidekick-test-event.json");

    @TempDir
    Path dir;

    private static String resource(String path) throws IOException {
        try (InputStream in = SecurityFileSessionsTest.class.getResourceAsStream("/" + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The real events, one a line, as {@code falco -o json_output=true} writes them. */
    private static String jsonLines() throws IOException {
        StringBuilder b = new StringBuilder();
        for (String e : EVENTS) {
            b.append(JSON.readTree(resource("security/falco/" + e)).toString()).append('\n');
        }
        return b.toString();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"events.txt", "falco.log", "falco.ndjson", "events.json", "falco-events"})
    void falcosJsonOutputIsASessionWithSecurityEvents(String name) throws Exception {
        try (Session s = FileSessions.open(write(name, jsonLines()))) {
            assertThat(s.info().kind()).isEqualTo(SessionInfo.Kind.OFFLINE);
            assertThat(s.state(Signal.SECURITY)).isInstanceOfSatisfying(SourceState.Offline.class, o -> {
                assertThat(o.present()).isTrue();
                assertThat(o.contents()).isEqualTo("Falco JSON, 8 events");
            });
            assertThat(s.state(Signal.LOGS)).isInstanceOfSatisfying(SourceState.Offline.class,
                    o -> assertThat(o.present()).isFalse());
            assertThat(s.logs()).isEmpty();
            SecuritySource security = s.security().orElseThrow();
            assertThat(security.describe()).isEqualTo("file " + name);
            SecuritySource.Result r = security.findings(s.info().captured().orElseThrow()).get();
            assertThat(r.notes()).isEmpty();
            assertThat(r.findings()).hasSize(8).extracting(SecurityFinding::rule)
                    .contains("Terminal shell in container", "Attach/Exec Pod", "Test rule");
            // the session's window covers the file's events, 2001 to 2025
            assertThat(s.info().captured().orElseThrow().from()).isEqualTo(Instant.parse("2001-01-01T01:10:00Z"));
        }
    }

    @Test
    void aFalcosidekickPayloadIsOneEvent() throws Exception {
        try (Session s = FileSessions.open(write("payload.json", resource("security/falco/falcosidekick-readme-post-payload.json")))) {
            List<SecurityFinding> got = s.security().orElseThrow().findings(ALL).get().findings();
            assertThat(got).extracting(SecurityFinding::rule).containsExactly("Write below binary dir");
            assertThat(s.state(Signal.SECURITY)).isInstanceOfSatisfying(SourceState.Offline.class,
                    o -> assertThat(o.contents()).isEqualTo("Falco JSON, 1 event"));
        }
    }

    @Test
    void aBadLineIsANoteNotAFailure() throws Exception {
        String text = jsonLines() + "{\"rule\": \"cut\n";
        try (Session s = FileSessions.open(write("events.txt", text))) {
            SecuritySource.Result r = s.security().orElseThrow().findings(ALL).get();
            assertThat(r.findings()).hasSize(8);
            assertThat(r.notes()).containsExactly("events.txt line 9: not a Falco event (the JSON does not end)");
        }
    }

    @Test
    void aJsonLogIsALogNotFalco() throws Exception {
        String log = """
                {"time":"2025-05-29T22:59:39.193502203Z","level":"info","msg":"started","output":"stdout"}
                {"time":"2025-05-29T22:59:40Z","level":"warning","msg":"slow","priority":"high","rule":"r1"}
                """;
        try (Session s = FileSessions.open(write("app.log", log))) {
            assertThat(s.security()).isEmpty();
            assertThat(s.logs()).isPresent();
        }
    }

    @Test
    void otherJsonIsNotTakenForFalco() throws Exception {
        Path pod = write("pod.json", resource("kubernetes/k9s-pod.json"));
        try (Session s = FileSessions.open(pod)) {
            assertThat(s.security()).isEmpty();
            assertThat(s.clusterState()).isPresent();
        }
        try (Session s = FileSessions.open(write("query_range.json", resource("loki/query_range-streams.json")))) {
            assertThat(s.security()).isEmpty();
            assertThat(s.logs()).isPresent();
        }
        try (Session s = FileSessions.open(write("trace.json", resource("traces/otlp-example_trace.json")))) {
            assertThat(s.security()).isEmpty();
            assertThat(s.traces()).isPresent();
        }
    }
}
