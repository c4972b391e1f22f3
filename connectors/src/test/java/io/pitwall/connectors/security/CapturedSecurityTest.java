package io.pitwall.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle's security folder read offline: findings.ndjson and raw Falco JSON lines (the demo incident's falco.ndjson). */
class CapturedSecurityTest {

    private static final TimeRange ALL = new TimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    /** A resource's Falco event on one line, as Falco's JSON output writes it. */
    static String line(String resource) throws Exception {
        return Trees.JSON.readTree(Resources.text("falco/" + resource)).toString();
    }

    private Path bundle(Map<String, String> entries) throws Exception {
        Path file = dir.resolve("demo-incident.pitwall");
        try (BundleWriter w = BundleWriter.create(file, BundleManifest.header("0.1.0", Instant.parse("2026-11-25T03:30:00Z"),
                null, null, ALL, List.of()))) {
            for (var e : entries.entrySet()) {
                w.add(e.getKey(), "application/x-ndjson", e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    @Test
    void theDemoIncidentsFalcoLinesShowUp() throws Exception {
        String falco = line("event-terminal-shell-k8s-critical.json") + "\n" + line("event-k8saudit-attach-exec-pod.json") + "\n";
        try (OfflineSession s = OfflineSession.open(bundle(Map.of("security/falco.ndjson", falco)))) {
            assertThat(s.state(Signal.SECURITY)).isInstanceOfSatisfying(SourceState.Offline.class, o -> {
                assertThat(o.present()).isTrue();
                assertThat(o.contents()).contains("security/falco.ndjson");
            });
            SecuritySource.Result r = s.security().orElseThrow().findings(ALL).get();
            assertThat(r.notes()).isEmpty();
            assertThat(r.findings()).extracting(SecurityFinding::rule).containsExactly("Terminal shell in container",
                    "Attach/Exec Pod");
            SecurityFinding shell = r.findings().getFirst();
            assertThat(shell.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(shell.time()).isEqualTo(Instant.parse("2023-05-25T13:44:05.478445995Z"));
            assertThat(shell.payload()).isEqualTo(line("event-terminal-shell-k8s-critical.json"));
        }
    }

    @Test
    void badLinesAreNotedAndTheRestIsRead() throws Exception {
        String falco = line("event-terminal-shell-k8s-critical.json") + "\n"
                + "\n"
                + "Thu May 25 13:44:05 2023: Falco initialized with configuration file /etc/falco/falco.yaml\n"
                + "{\"level\":\"info\",\"msg\":\"not an event\",\"time\":\"2023-05-25T13:44:05Z\"}\n"
                + "{\"rule\": \"cut short\", \"output\": \"...\n"
                + line("falcosidekick-test-event.json") + "\n";
        try (OfflineSession s = OfflineSession.open(bundle(Map.of("security/falco.ndjson", falco)))) {
            SecuritySource.Result r = s.security().orElseThrow().findings(ALL).get();
            assertThat(r.findings()).extracting(SecurityFinding::rule).containsExactly("Terminal shell in container",
                    "Test rule");
            assertThat(r.notes()).hasSize(3);
            assertThat(r.notes().get(0)).isEqualTo("security/falco.ndjson line 3: not a Falco event (not JSON)");
            assertThat(r.notes().get(1)).isEqualTo(
                    "security/falco.ndjson line 4: not a Falco event (a JSON object without rule and output or priority)");
            assertThat(r.notes().get(2)).isEqualTo("security/falco.ndjson line 5: not a Falco event (the JSON does not end)");
        }
    }

    @Test
    void findingsAndFalcoLinesTogetherEachEventOnce() throws Exception {
        List<SecurityFinding> events = SecurityCaptureTest.falcoEvents();
        var out = new java.io.ByteArrayOutputStream();
        SecurityCapture.writeFindings(out, events.subList(0, 3));
        String raw = line(SecurityCaptureTest.FALCO.get(2)) + "\n" + line(SecurityCaptureTest.FALCO.get(3)) + "\n";
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put(SecurityCapture.FINDINGS, out.toString(StandardCharsets.UTF_8) + "{\"id\": \"\"}\nnot json\n");
        entries.put("security/falco.ndjson", raw);
        entries.put("security/kube-bench.yaml", "a: b\n");
        try (OfflineSession s = OfflineSession.open(bundle(entries))) {
            SecuritySource.Result r = s.security().orElseThrow().findings(ALL).get();
            assertThat(r.findings()).extracting(SecurityFinding::id)
                    .containsExactlyElementsOf(events.subList(0, 4).stream().map(SecurityFinding::id).toList());
            assertThat(r.notes()).containsExactly(
                    "security/findings.ndjson line 4: not a finding (no id)",
                    r.notes().get(1),
                    "security/kube-bench.yaml: not read (the security folder's files are findings.ndjson and Falco JSON lines)");
            assertThat(r.notes().get(1)).startsWith("security/findings.ndjson line 5: not a finding (not JSON: ");
        }
    }

    @Test
    void aBundleWithoutTheSecurityFolderHasNoSecurity() throws Exception {
        try (OfflineSession s = OfflineSession.open(bundle(Map.of("logs/entries.ndjson", "")))) {
            assertThat(s.security()).isEmpty();
            assertThat(s.state(Signal.SECURITY)).isInstanceOfSatisfying(SourceState.Offline.class,
                    o -> assertThat(o.present()).isFalse());
        }
    }

    @Test
    void theWindowKeepsItsEventsAndEveryStandingFinding() throws Exception {
        List<SecurityFinding> all = FindingGenerator.generate(500, 3);
        CapturedSecurity c = new CapturedSecurity(all, List.of(), "x", Runnable::run);
        TimeRange hour = new TimeRange(Instant.parse("2026-11-02T12:00:00Z"), Instant.parse("2026-11-02T13:00:00Z"));
        List<SecurityFinding> got = c.findings(hour).get().findings();
        assertThat(got).containsExactlyElementsOf(all.stream()
                .filter(f -> f.time() == null || hour.contains(f.time())).toList());
        assertThat(got).anyMatch(f -> f.time() == null).anyMatch(f -> f.time() != null);
        assertThat(c.extent()).get().satisfies(e -> assertThat(all).allMatch(f -> f.time() == null || e.contains(f.time())));
    }

    @Test
    void prettyPrintedEventsOneAfterAnotherAreRead() throws Exception {
        String text = Resources.text("falco/falcosidekick-readme-post-payload.json") + "\n"
                + Resources.text("falco/event-contact-k8s-api-server.json") + "\n";
        FalcoFiles.Read r = FalcoFiles.read(new StringReader(text), "events.json");
        assertThat(r.notes()).isEmpty();
        assertThat(r.findings()).extracting(SecurityFinding::rule).containsExactly("Write below binary dir",
                "Contact K8S API Server From Container");
        assertThat(r.findings().get(1).time()).isEqualTo(Instant.parse("2021-07-21T10:37:09.101509967Z"));
    }

    @Test
    void manyBadLinesAreNotedUpToALimit() throws Exception {
        String text = "garbage\n".repeat(FalcoFiles.MAX_NOTES + 5);
        FalcoFiles.Read r = FalcoFiles.read(new StringReader(text), "x.txt");
        assertThat(r.findings()).isEmpty();
        assertThat(r.notes()).hasSize(FalcoFiles.MAX_NOTES + 1).last().isEqualTo("x.txt: 5 more lines that are not Falco events");
    }

    @Test
    void aValueSpreadOverManyLinesIsParsedOnceWhenItCloses() throws Exception {
        // 30,000 lines of one pretty-printed event: parsed again at every line, it took minutes
        StringBuilder b = new StringBuilder("{\n  \"rule\": \"Terminal shell in container\",\n  \"priority\": \"Critical\",\n"
                + "  \"output\": \"a shell { [ \\\" was spawned\",\n  \"time\": \"2026-11-24T02:50:00Z\",\n  \"tags\": [\n");
        for (int i = 0; i < 30_000; i++) {
            b.append("    \"tag-").append(i).append("\",\n");
        }
        b.append("    \"last\"\n  ]\n}\n{\"rule\": \"second\", \"priority\": \"Notice\", \"output\": \"x\"}\n");
        FalcoFiles.Read r = FalcoFiles.read(new StringReader(b.toString()), "events.json");
        assertThat(r.notes()).isEmpty();
        assertThat(r.findings()).extracting(SecurityFinding::rule).containsExactly("Terminal shell in container", "second");
    }

    @Test
    void aValueThatClosesTooOftenOrBreaksAStringIsNotedNotWaitedFor() throws Exception {
        String text = "{\"rule\": \"a\",\n  \"output\": \"x\"}}\n{\"rule\": \"b\",\n \"output\": \"cut\n\"}\n"
                + "{\"rule\": \"c\", \"output\": \"ok\"}\n";
        FalcoFiles.Read r = FalcoFiles.read(new StringReader(text), "x.json");
        assertThat(r.findings()).extracting(SecurityFinding::rule).containsExactly("c");
        assertThat(r.notes()).hasSize(3).allMatch(n -> n.contains("not a Falco event"));
    }

    @Test
    void millionsOfOtherJsonLinesAreCountedAndTheEventsAmongThemStillRead() throws Exception {
        // past the noted lines, lines that cannot be events are counted without a parse: a 1 GiB file of log lines took 30 s
        String other = "{\"time\":\"2026-11-24T02:41:00Z\",\"labels\":{\"pod\":\"p\"},\"line\":\"x { [\"}\n";
        String text = other.repeat(FalcoFiles.MAX_NOTES + 10)
                + "{\"rule\": \"one line\", \"priority\": \"Notice\", \"output\": \"x\"}\n"
                + "{\"output\": \"spread\", \"priority\": \"Notice\",\n \"rule\": \"two lines\"}\n"
                + "{\"\\u0072ule\": \"escaped\", \"output\": \"x\"}\n"
                + other.repeat(5);
        FalcoFiles.Read r = FalcoFiles.read(new StringReader(text), "x.ndjson");
        assertThat(r.findings()).extracting(SecurityFinding::rule).containsExactly("one line", "two lines", "escaped");
        assertThat(r.notes()).hasSize(FalcoFiles.MAX_NOTES + 1).last().isEqualTo("x.ndjson: 15 more lines that are not Falco events");
    }

    @Test
    void millionsOfLinesThatAreNotFindingsAreCountedAndTheFindingsAmongThemStillRead() throws Exception {
        List<SecurityFinding> events = SecurityCaptureTest.falcoEvents();
        var out = new java.io.ByteArrayOutputStream();
        SecurityCapture.writeFindings(out, events.subList(0, 2));
        String[] two = out.toString(StandardCharsets.UTF_8).split("\n");
        String other = "{\"time\":\"2026-11-24T02:41:00Z\",\"labels\":{\"pod\":\"p\"},\"line\":\"x\"}\n";
        String text = other.repeat(FalcoFiles.MAX_NOTES + 10) + two[0] + "\n" + other.repeat(5) + two[1] + "\n";
        FalcoFiles.Read r = SecurityCapture.readFindings(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "f.ndjson");
        assertThat(r.findings()).extracting(SecurityFinding::id).containsExactly(events.get(0).id(), events.get(1).id());
        assertThat(r.notes()).hasSize(FalcoFiles.MAX_NOTES + 1).last().isEqualTo("f.ndjson: 15 more lines that are not findings");
        assertThat(r.notes().getFirst()).isEqualTo("f.ndjson line 1: not a finding (no id)");
    }
}
