package io.pitwall.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.kube.Redaction;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.SessionInfo;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleProblem;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings into a bundle's security/findings.ndjson and back, through an offline session. */
class SecurityCaptureTest {

    private static final TimeRange ALL = new TimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    static final List<String> FALCO = List.of("event-terminal-shell-k8s-critical.json", "event-contact-k8s-api-server.json",
            "event-k8saudit-attach-exec-pod.json", "event-k8saudit-serviceaccount-created-eks.json",
            "event-falco-metrics-snapshot.json", "event-write-below-binary-dir-no-k8s.json",
            "falcosidekick-readme-post-payload.json", "falcosidekick-test-event.json");

    @TempDir
    Path dir;

    static List<SecurityFinding> falcoEvents() throws Exception {
        List<SecurityFinding> out = new ArrayList<>();
        for (String f : FALCO) {
            out.add(FalcoEvents.event(Resources.text("falco/" + f)));
        }
        return out;
    }

    /** Falco's events, a report's finding with an object and a remediation, posture findings without a time. */
    private static List<SecurityFinding> mixed() throws Exception {
        List<SecurityFinding> all = new ArrayList<>(falcoEvents());
        all.add(new SecurityFinding("trivy:1", Severity.HIGH, FindingSource.TRIVY, Instant.parse("2025-03-01T10:00:00.000000001Z"),
                "CVE-2024-1234", "openssl: a bug", "shop", new KubeRef("ReplicaSet", "shop", "carts-7d9"),
                "openssl 3.0.2 \"quoted\"\nsecond line ünïcode", "upgrade to 3.0.3", "{\"vulnerabilityID\":\"CVE-2024-1234\"}"));
        all.addAll(FindingGenerator.generate(50, 7));
        return all;
    }

    private Path capture(Session session, TimeRange window) throws Exception {
        Path file = dir.resolve("incident.pitwall");
        try (BundleWriter w = BundleWriter.create(file, BundleManifest.header("0.1.0", Instant.parse("2026-11-25T03:30:00Z"),
                null, null, window, List.of()))) {
            session.captureSecurity(w, window);
        }
        return file;
    }

    private static Session sessionWith(SecuritySource source) {
        return new Session() {
            @Override
            public SessionInfo info() {
                return new SessionInfo(SessionInfo.Kind.OFFLINE, "test", Optional.empty(), Optional.empty(), Optional.of(ALL),
                        List.of());
            }

            @Override
            public Map<Signal, SourceState> states() {
                return Map.of();
            }

            @Override
            public Optional<SecuritySource> security() {
                return Optional.ofNullable(source);
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void findingsComeBackEqualTimesToTheNanosecondAndPayloadsIntact() throws Exception {
        List<SecurityFinding> findings = mixed();
        CapturedSecurity live = new CapturedSecurity(findings, List.of(), "cluster prod and Loki", Runnable::run);
        Path file = capture(sessionWith(live), ALL);
        try (OfflineSession s = OfflineSession.open(file)) {
            assertThat(s.state(Signal.SECURITY)).isInstanceOfSatisfying(SourceState.Offline.class, o -> {
                assertThat(o.present()).isTrue();
                assertThat(o.contents()).contains(SecurityCapture.FINDINGS);
            });
            assertThat(s.bundle().manifest().problems()).isEmpty();
            assertThat(s.bundle().manifest().redactions()).isEmpty();
            SecuritySource offline = s.security().orElseThrow();
            assertThat(offline.describe()).isEqualTo("bundle incident.pitwall");
            SecuritySource.Result r = offline.findings(ALL).get();
            assertThat(r.notes()).isEmpty();
            assertThat(r.findings()).containsExactlyInAnyOrderElementsOf(findings);
            SecurityFinding shell = r.findings().stream().filter(f -> f.rule().equals("Terminal shell in container"))
                    .findFirst().orElseThrow();
            assertThat(shell.time()).isEqualTo(Instant.parse("2023-05-25T13:44:05.478445995Z"));
            assertThat(shell.payload()).isEqualTo(findings.getFirst().payload());
            assertThat(shell.object()).isEqualTo(new KubeRef("Pod", "default", "kubecon"));
        }
    }

    @Test
    void oneFindingALineWithTheDocumentedFieldsAndNineFractionDigits() throws Exception {
        Path file = capture(sessionWith(new CapturedSecurity(mixed(), List.of(), "x", Runnable::run)), ALL);
        try (OfflineSession s = OfflineSession.open(file)) {
            String text = new String(s.bundle().read(SecurityCapture.FINDINGS), StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            assertThat(lines).hasSize(mixed().size());
            // standing findings first, then oldest first
            assertThat(lines.getFirst()).contains("\"time\":null");
            var trivy = Trees.JSON.readTree(lines.stream().filter(l -> l.contains("trivy:1")).findFirst().orElseThrow());
            assertThat(trivy.propertyNames()).containsExactly("id", "severity", "source", "time", "rule", "title",
                    "namespace", "object", "message", "remediation", "payload");
            assertThat(trivy.get("time").asString()).isEqualTo("2025-03-01T10:00:00.000000001Z");
            assertThat(trivy.get("severity").asString()).isEqualTo("high");
            assertThat(trivy.get("source").asString()).isEqualTo("trivy");
            assertThat(trivy.get("object").get("kind").asString()).isEqualTo("ReplicaSet");
            var audit = Trees.JSON.readTree(lines.stream().filter(l -> l.contains("Attach/Exec Pod")).findFirst().orElseThrow());
            assertThat(audit.get("time").asString()).isEqualTo("2025-02-10T09:29:46.302906000Z");
        }
    }

    @Test
    void onlyTheWindowsEventsAndTheStandingFindingsAreServed() throws Exception {
        List<SecurityFinding> findings = mixed();
        Path file = capture(sessionWith(new CapturedSecurity(findings, List.of(), "x", Runnable::run)), ALL);
        TimeRange may2023 = new TimeRange(Instant.parse("2023-05-01T00:00:00Z"), Instant.parse("2023-06-01T00:00:00Z"));
        try (OfflineSession s = OfflineSession.open(file)) {
            List<SecurityFinding> got = s.security().orElseThrow().findings(may2023).get().findings();
            assertThat(got).filteredOn(f -> f.time() != null).extracting(SecurityFinding::rule)
                    .containsExactlyInAnyOrder("Terminal shell in container", "K8s Serviceaccount Created");
            assertThat(got).filteredOn(f -> f.time() == null)
                    .hasSameSizeAs(findings.stream().filter(f -> f.time() == null).toList()).isNotEmpty();
        }
    }

    @Test
    void aFailingSourceIsAProblemNotAFailedCapture() throws Exception {
        SecuritySource failing = new SecuritySource() {
            @Override
            public String describe() {
                return "cluster prod";
            }

            @Override
            public CompletableFuture<Result> findings(TimeRange window) {
                return CompletableFuture.failedFuture(new IllegalStateException("the API server answered 503"));
            }
        };
        Path file = capture(sessionWith(failing), ALL);
        try (OfflineSession s = OfflineSession.open(file)) {
            assertThat(s.bundle().manifest().problems()).containsExactly(
                    new BundleProblem("security", "cluster prod failed: the API server answered 503"));
            assertThat(s.bundle().has(SecurityCapture.FINDINGS)).isFalse();
            assertThat(s.security()).isEmpty();
            assertThat(s.state(Signal.SECURITY)).isInstanceOfSatisfying(SourceState.Offline.class,
                    o -> assertThat(o.present()).isFalse());
        }
    }

    @Test
    void theReadsNotesAreKeptBesideTheFindingsNotAsProblems() throws Exception {
        String note = "Trivy Operator is not installed: no vulnerability reports";
        Path file = capture(sessionWith(new CapturedSecurity(falcoEvents(), List.of(note), "x", Runnable::run)), ALL);
        try (OfflineSession s = OfflineSession.open(file)) {
            assertThat(s.bundle().manifest().problems()).as("an add-on not installed is no failed capture").isEmpty();
            assertThat(s.security().orElseThrow().findings(ALL).get().notes()).containsExactly(note);
        }
    }

    @Test
    void aSessionWithoutSecurityWritesNothing() throws Exception {
        Path file = capture(sessionWith(null), ALL);
        try (OfflineSession s = OfflineSession.open(file)) {
            assertThat(s.bundle().entries()).isEmpty();
            assertThat(s.security()).isEmpty();
        }
    }

    @Test
    void secretEnvironmentValuesOfFalcoEventsAreRedactedAndCounted() throws Exception {
        // the terminal-shell event with environment fields, as a rule's output may add them
        var event = (tools.jackson.databind.node.ObjectNode) Trees.JSON.readTree(
                Resources.text("falco/event-terminal-shell-k8s-critical.json"));
        var fields = (tools.jackson.databind.node.ObjectNode) event.get("output_fields");
        fields.put("proc.env[DB_PASSWORD]", "hunter2-s3cret");
        fields.put("proc.env", "HOME=/root DB_PASSWORD=hunter2-s3cret API_TOKEN=tok-123456 LANG=C");
        fields.put("proc.env[LANG]", "C");
        event.put("output", event.get("output").asString() + " password=hunter2-s3cret token=tok-123456");
        SecurityFinding f = FalcoEvents.event(event.toString());
        Path file = capture(sessionWith(new CapturedSecurity(List.of(f), List.of(), "x", Runnable::run)), ALL);
        try (OfflineSession s = OfflineSession.open(file)) {
            assertThat(s.bundle().manifest().redactions()).containsEntry(SecurityCapture.REDACTION_KIND, 3L);
            String text = new String(s.bundle().read(SecurityCapture.FINDINGS), StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("hunter2-s3cret").doesNotContain("tok-123456");
            SecurityFinding back = s.security().orElseThrow().findings(ALL).get().findings().getFirst();
            assertThat(back.id()).isEqualTo(f.id());
            assertThat(back.message()).endsWith("password=" + Redaction.REDACTED + " token=" + Redaction.REDACTED);
            var payload = Trees.JSON.readTree(back.payload()).get("output_fields");
            assertThat(payload.get("proc.env[DB_PASSWORD]").asString()).isEqualTo(Redaction.REDACTED);
            assertThat(payload.get("proc.env[LANG]").asString()).isEqualTo("C");
            assertThat(payload.get("proc.env").asString())
                    .isEqualTo("HOME=/root DB_PASSWORD=<redacted> API_TOKEN=<redacted> LANG=C");
            assertThat(payload.get("proc.cmdline").asString()).isEqualTo("sh -c clear; (bash || ash || sh)");
        }
    }

    @Test
    void titlesRemediationsAndPayloadsLoseTheirSecretsAndPayloadsStayJson() throws Exception {
        // a report's result whose fields quote a header and a key, with quotes and backslashes around them
        String payload = "{\"message\":\"curl -H \\\"Cookie: sid=ck-9f8e7d\\\" http://x\",\"api_key\":\"ak-123456\","
                + "\"nested\":[\"-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIO\\n-----END EC PRIVATE KEY-----\"]}";
        SecurityFinding f = new SecurityFinding("report:1", Severity.HIGH, FindingSource.POLICY_REPORT, null, "no-tokens",
                "token=tk-4455667 found in pod", "shop", new KubeRef("Pod", "shop", "carts-1"), "see payload",
                "rotate password=pw-8877665", payload);
        Path file = capture(sessionWith(new CapturedSecurity(List.of(f), List.of(), "x", Runnable::run)), ALL);
        try (OfflineSession s = OfflineSession.open(file)) {
            String text = new String(s.bundle().read(SecurityCapture.FINDINGS), StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("ck-9f8e7d", "ak-123456", "MHcCAQEEIO", "tk-4455667", "pw-8877665");
            SecurityFinding back = s.security().orElseThrow().findings(ALL).get().findings().getFirst();
            assertThat(back.title()).isEqualTo("token=<redacted> found in pod");
            assertThat(back.remediation()).isEqualTo("rotate password=<redacted>");
            var tree = Trees.JSON.readTree(back.payload());
            assertThat(tree.get("message").asString()).isEqualTo("curl -H \"Cookie: <redacted>\" http://x");
            assertThat(tree.get("api_key").asString()).isEqualTo("<redacted>");
            assertThat(tree.get("nested").get(0).asString()).isEqualTo("<redacted>");
            assertThat(s.bundle().manifest().redactions()).containsEntry("cookie", 1L).containsEntry("token", 1L)
                    .containsEntry("private-key", 1L).containsEntry("password", 2L);
        }
    }
}
