package io.pitwall.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.MainRunner;
import io.pitwall.connectors.kube.KubeContext;
import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.IncidentCapture.Outcome;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.SessionInfo;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class CaptureCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-02T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final KubeContext PROD = new KubeContext("prod", "prod-eu", "admin", Optional.empty(),
            Path.of("kubeconfig"), Optional.empty());
    private static final KubeContext STAGING = new KubeContext("staging", "staging-eu", "admin", Optional.empty(),
            Path.of("kubeconfig"), Optional.empty());
    private static final Kubeconfigs.Merged KUBECONFIG = new Kubeconfigs.Merged(List.of(PROD, STAGING),
            Optional.of("prod"), List.of(), List.of());

    @TempDir
    Path dir;

    /** A session whose cluster answers as told and which writes one entry per signal, or fails those it is told to. */
    static final class FakeSession implements Session {
        SourceState cluster = new SourceState.Connected("https://prod:6443");
        final Set<Signal> failing;
        final List<Signal> asked = new ArrayList<>();
        TimeRange window;
        List<LogScope> logScopes;
        List<String> metricQueries;
        Runnable duringLogs = () -> { };
        boolean closed;

        FakeSession(Signal... failing) {
            this.failing = Set.of(failing);
        }

        @Override
        public SessionInfo info() {
            return new SessionInfo(SessionInfo.Kind.LIVE, "prod", Optional.of("prod-eu"), Optional.of("prod"),
                    Optional.empty(), List.of());
        }

        @Override
        public Map<Signal, SourceState> states() {
            Map<Signal, SourceState> m = new EnumMap<>(Signal.class);
            for (Signal s : Signal.values()) {
                m.put(s, new SourceState.Connected("x"));
            }
            m.put(Signal.CLUSTER, cluster);
            return m;
        }

        @Override
        public Optional<ClusterState> clusterState() {
            return cluster instanceof SourceState.Connected ? Optional.of(new ClusterState(NOW, List.of("shop", "kube-system"),
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), Set.of(), Set.of()))
                    : Optional.empty();
        }

        private void write(BundleWriter w, Signal s, TimeRange window) throws IOException {
            asked.add(s);
            this.window = window;
            if (failing.contains(s)) {
                throw new IOException(s.displayName() + " answered 503 Service Unavailable");
            }
            w.add(s.bundleFolder() + "/data.json", "application/json", "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void captureCluster(BundleWriter w, TimeRange window) throws IOException {
            write(w, Signal.CLUSTER, window);
        }

        @Override
        public void captureMetrics(BundleWriter w, TimeRange window, List<String> queries, Duration step) throws IOException {
            metricQueries = queries;
            write(w, Signal.METRICS, window);
        }

        @Override
        public void captureLogs(BundleWriter w, TimeRange window, List<LogScope> scopes, List<String> queries) throws IOException {
            logScopes = scopes;
            duringLogs.run();
            write(w, Signal.LOGS, window);
        }

        @Override
        public void captureTraces(BundleWriter w, TimeRange window, Collection<String> opened) throws IOException {
            write(w, Signal.TRACES, window);
        }

        @Override
        public void captureSecurity(BundleWriter w, TimeRange window) throws IOException {
            write(w, Signal.SECURITY, window);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    record Run(int code, String out, String err, List<String> opened) {
    }

    /** Runs the command as Main does (its handlers: a bad argument is one line and 2, a failure one line and 1). */
    private Run run(FakeSession session, boolean terminal, String... args) {
        List<String> opened = new ArrayList<>();
        CaptureCommand command = new CaptureCommand(() -> KUBECONFIG, ctx -> {
            opened.add(ctx.name());
            return session;
        }, CLOCK);
        command.terminal = terminal;
        command.configDir = dir.resolve("config");
        session.duringLogs = session.duringLogs == CANCEL ? command::cancel : session.duringLogs;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setParameterExceptionHandler((ex, a) -> {
            cmd.getErr().println("pitwall: " + ex.getMessage() + " (see pitwall --help)");
            return 2;
        });
        cmd.setExecutionExceptionHandler((ex, c, p) -> {
            cmd.getErr().println("pitwall: " + ex);
            return 1;
        });
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString(), opened);
    }

    private Run run(FakeSession session, String... args) {
        return run(session, false, args);
    }

    /** Marks a session whose logs capture cancels the command (as Ctrl+C would). */
    private static final Runnable CANCEL = () -> { };

    private String out(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void aCompleteCaptureWritesTheBundleAndSummarisesIt() throws Exception {
        FakeSession session = new FakeSession();
        Run r = run(session, "--context", "staging", "-n", "shop", "--since", "1h", "--note", "# Checkout down",
                "--out", out("incident.pitwall"));

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.opened()).containsExactly("staging");
        assertThat(session.asked).containsExactly(Signal.CLUSTER, Signal.METRICS, Signal.LOGS, Signal.TRACES, Signal.SECURITY);
        assertThat(session.window).isEqualTo(new TimeRange(NOW.minus(Duration.ofHours(1)), NOW));
        assertThat(session.logScopes).containsExactly(new LogScope.Namespace("shop"));
        assertThat(session.metricQueries).anySatisfy(q -> assertThat(q).contains("shop"));
        assertThat(session.closed).isTrue();
        try (OfflineSession bundle = OfflineSession.open(dir.resolve("incident.pitwall"))) {
            assertThat(bundle.notes()).contains("# Checkout down");
            assertThat(bundle.info().namespaces()).containsExactly("shop");
            assertThat(bundle.info().captured()).contains(new TimeRange(NOW.minus(Duration.ofHours(1)), NOW));
        }
        // progress: plain lines on stderr, no terminal codes
        assertThat(r.err()).contains("connecting to context staging...", "capturing cluster... 1 of 5",
                "capturing logs... 3 of 5", "capturing security... 5 of 5").doesNotContain("\033");
        assertThat(r.out().lines().toList()).first().asString()
                .startsWith("wrote " + dir.resolve("incident.pitwall") + " (")
                .endsWith(", 50 B uncompressed) from context staging");
        assertThat(r.out()).containsPattern("(?m)^  cluster +1 entry +7 B$")
                .containsPattern("(?m)^  security +1 entry +7 B$")
                .endsWith("outcome: complete" + System.lineSeparator());
    }

    @Test
    void theCurrentContextByDefaultAndOnlyTheSignalsAskedFor() {
        FakeSession session = new FakeSession();
        Run r = run(session, "--since", "15m", "--signals", "cluster,logs", "--out", out("a.pitwall"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.opened()).containsExactly("prod");
        assertThat(session.asked).containsExactly(Signal.CLUSTER, Signal.LOGS);
        assertThat(session.logScopes).containsExactly(new LogScope.Cluster());
        assertThat(r.err()).contains("capturing logs... 2 of 2");
    }

    @Test
    void aFailingSignalMakesAPartialBundleAndExitCodeThree() throws Exception {
        Run r = run(new FakeSession(Signal.LOGS), "--since", "2h30m", "--out", out("partial.pitwall"));
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(dir.resolve("partial.pitwall")).isRegularFile();
        assertThat(r.out()).containsPattern("(?m)^  logs +0 entries +0 B   1 problem$")
                .contains("- Logs answered 503 Service Unavailable")
                .contains("outcome: partial, 1 problem (listed in the bundle's manifest)");
    }

    @Test
    void nothingCapturedIsAFailureWithNoFile() {
        Run r = run(new FakeSession(Signal.CLUSTER, Signal.LOGS), "--since", "1h", "--signals", "cluster,logs",
                "--out", out("none.pitwall"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(dir.resolve("none.pitwall")).doesNotExist();
        assertThat(r.err().lines().filter(l -> l.startsWith("pitwall:")).toList()).singleElement().asString()
                .startsWith("pitwall: capture failed: nothing could be captured");
        assertThat(r.out()).contains("no bundle written").contains("outcome: failed: ");
    }

    @Test
    void cancellingLeavesNoFileBehind() throws Exception {
        FakeSession session = new FakeSession();
        session.duringLogs = CANCEL;
        Run r = run(session, "--since", "1h", "--out", out("cancelled.pitwall"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(session.asked).doesNotContain(Signal.TRACES, Signal.SECURITY);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).as("neither the bundle nor its temporary file").isEmpty();
        }
        assertThat(r.err()).contains("pitwall: capture cancelled; nothing written");
        assertThat(r.out()).contains("outcome: cancelled");
    }

    @Test
    void aFailingClusterIsOneLineAndExitCodeOne() {
        FakeSession session = new FakeSession();
        session.cluster = new SourceState.Failing("Unauthorized (401): the token has expired");
        Run r = run(session, "--since", "1h", "--out", out("x.pitwall"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().filter(l -> l.startsWith("pitwall:")).toList()).containsExactly(
                "pitwall: cannot capture from context prod: Unauthorized (401): the token has expired");
        assertThat(session.asked).isEmpty();
        assertThat(session.closed).isTrue();
        assertThat(dir.resolve("x.pitwall")).doesNotExist();
    }

    @Test
    void aClusterThatNeverAnswersTimesOut() {
        FakeSession session = new FakeSession();
        session.cluster = new SourceState.Connecting("https://prod:6443");
        Run r = run(session, "--since", "1h", "--timeout", "1s", "--out", out("x.pitwall"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("pitwall: the cluster of context prod did not answer within 1s"
                + " (connecting to https://prod:6443); try a longer --timeout");
        assertThat(dir.resolve("x.pitwall")).doesNotExist();
    }

    @Test
    void anUnknownContextIsABadArgumentNamingTheKnownOnes() {
        Run r = run(new FakeSession(), "--context", "prd", "--since", "1h", "--out", out("x.pitwall"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                "pitwall: no context 'prd' in the kubeconfig (it has prod, staging) (see pitwall --help)");
        assertThat(r.opened()).isEmpty();
    }

    @Test
    void terminalProgressRewritesOneLine() {
        Run r = run(new FakeSession(), true, "--since", "1h", "--out", out("t.pitwall"));
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("\r\033[2Kcapturing logs… 3 of 5").doesNotContain("\n");
        assertThat(r.err()).endsWith("\r\033[2K"); // cleared before the summary
    }

    @Test
    void forceReplacesAnExistingFile() throws Exception {
        Path existing = Files.writeString(dir.resolve("old.pitwall"), "old");
        Run r = run(new FakeSession(), "--since", "1h", "--force", "--out", existing.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.size(existing)).isGreaterThan(3);
    }

    @Test
    void fromAndToWithNowAndANoteFile() throws Exception {
        Path note = Files.writeString(dir.resolve("note.md"), "## Timeline\n- 14:02 carts OOMKilled\n");
        FakeSession session = new FakeSession();
        Run r = run(session, "--from", "2026-12-02T14:00:00+01:00", "--to", "now", "--note-file", note.toString(),
                "--out", out("w.pitwall"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(session.window).isEqualTo(new TimeRange(Instant.parse("2026-12-02T13:00:00Z"), NOW));
        try (OfflineSession bundle = OfflineSession.open(dir.resolve("w.pitwall"))) {
            assertThat(bundle.notes()).contains("## Timeline\n- 14:02 carts OOMKilled\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void badArgumentsAreOneLineAndExitCodeTwo(String why, List<String> args, String message) throws Exception {
        Files.writeString(dir.resolve("exists.pitwall"), "x");
        Files.writeString(dir.resolve("note.md"), "x");
        List<String> resolved = args.stream().map(a -> a.replace("DIR", dir.toString())).toList();
        FakeSession session = new FakeSession();
        Run r = run(session, resolved.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("pitwall: ").contains(message.replace("DIR", dir.toString()));
        assertThat(r.opened()).as("no cluster is reached").isEmpty();
        assertThat(r.out()).isEmpty();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> refusals() {
        return Stream.of(
                refusal("both --since and --from", "give --since or --from with --to, not both",
                        "--since", "1h", "--from", "now", "--to", "now", "--out", "DIR/a.pitwall"),
                refusal("neither --since nor --from", "say which time to capture: --since DURATION (e.g. 1h) or --from T --to T",
                        "--out", "DIR/a.pitwall"),
                refusal("--from without --to", "--from needs --to", "--from", "2026-12-02T14:00:00Z", "--out", "DIR/a.pitwall"),
                refusal("--from after --to", "--from (2026-12-02T14:00:00Z) must be before --to (2026-12-02T13:00:00Z)",
                        "--from", "2026-12-02T14:00:00Z", "--to", "2026-12-02T13:00:00Z", "--out", "DIR/a.pitwall"),
                refusal("a --from that is no time", "--from: 'yesterday' is not an RFC 3339 time",
                        "--from", "yesterday", "--to", "now", "--out", "DIR/a.pitwall"),
                refusal("a --since that is no duration", "--since: '1 hour' is not a duration (e.g. 15m, 1h, 2h30m, 1d)",
                        "--since", "1 hour", "--out", "DIR/a.pitwall"),
                refusal("an unknown signal", "unknown signal 'alerts' in --signals: use cluster, metrics, logs, traces,"
                        + " security (alerts come with metrics)", "--since", "1h", "--signals", "cluster,alerts", "--out", "DIR/a.pitwall"),
                refusal("an existing --out without --force", "DIR/exists.pitwall exists: use --force to replace it",
                        "--since", "1h", "--out", "DIR/exists.pitwall"),
                refusal("a missing folder", "the folder of --out does not exist: DIR/nope",
                        "--since", "1h", "--out", "DIR/nope/a.pitwall"),
                refusal("--out a folder", "--out is a folder, not a file: DIR", "--since", "1h", "--out", "DIR"),
                refusal("no --out", "Missing required option: '--out=FILE'", "--since", "1h"),
                refusal("--note and --note-file", "give --note or --note-file, not both",
                        "--since", "1h", "--note", "x", "--note-file", "DIR/note.md", "--out", "DIR/a.pitwall"),
                refusal("a missing --note-file", "no such --note-file: DIR/missing.md",
                        "--since", "1h", "--note-file", "DIR/missing.md", "--out", "DIR/a.pitwall"),
                refusal("a bad --timeout", "--timeout: 'soon' is not a duration",
                        "--since", "1h", "--timeout", "soon", "--out", "DIR/a.pitwall"),
                refusal("a bad namespace", "'Shop_1' is not a namespace name",
                        "--since", "1h", "-n", "Shop_1", "--out", "DIR/a.pitwall"),
                refusal("a --redact that is no regular expression", "--redact: pattern acme: 'ACME-[' is not a regular"
                        + " expression: Unclosed character class at index 5",
                        "--since", "1h", "--redact", "ACME=x", "--redact", "acme=ACME-[", "--out", "DIR/a.pitwall"),
                refusal("a --redact without a name", "--redact: 'ACME-[0-9]+' is not NAME=REGEX",
                        "--since", "1h", "--redact", "ACME-[0-9]+", "--out", "DIR/a.pitwall"),
                refusal("a --redact that matches nothing but empty text", "--redact: pattern any matches empty text",
                        "--since", "1h", "--redact", "any=.*", "--out", "DIR/a.pitwall"),
                refusal("a --redact name given twice", "--redact: pattern acme is given twice",
                        "--since", "1h", "--redact", "acme=A1", "--redact", "acme=A2", "--out", "DIR/a.pitwall"));
    }

    private static org.junit.jupiter.params.provider.Arguments refusal(String why, String message, String... args) {
        return org.junit.jupiter.params.provider.Arguments.of(why, List.of(args), message);
    }

    @Test
    void theUsersPatternsFromRedactionJsonAndRedactAreAppliedAndCountedByName() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config").resolve("redaction.json"),
                "{\"patterns\": [{\"name\": \"employee\", \"regex\": \"employee=(?<secret>E[0-9]{6})\"}]}");
        FakeSession session = new FakeSession();
        Run r = run(session, "--since", "1h", "--redact", "acme=ACME-[0-9]+", "--note",
                "ticket ACME-4711 for employee=E123456", "--out", out("r.pitwall"));
        assertThat(r.code()).as(r.err()).isZero();
        try (OfflineSession bundle = OfflineSession.open(dir.resolve("r.pitwall"))) {
            assertThat(bundle.notes()).contains("ticket <redacted> for employee=<redacted>");
            assertThat(bundle.bundle().manifest().redactions()).isEqualTo(Map.of("custom:acme", 1L, "custom:employee", 1L));
        }
    }

    @Test
    void aBadRedactionJsonStopsTheCaptureInOneLine() throws Exception {
        Path file = Files.createDirectories(dir.resolve("config")).resolve("redaction.json");
        Files.writeString(file, "{\"patterns\": [{\"name\": \"acme\", \"regexp\": \"ACME-[0-9]+\"}]}");
        FakeSession session = new FakeSession();
        Run r = run(session, "--since", "1h", "--out", out("bad.pitwall"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("pitwall: " + file + ": patterns[0]: "
                + "unknown field \"regexp\"").contains("fix or remove it").doesNotContain("Exception");
        assertThat(r.opened()).as("no cluster is reached").isEmpty();
        assertThat(dir.resolve("bad.pitwall")).doesNotExist();
    }

    @Test
    void noCurrentContextIsABadArgument() {
        CaptureCommand command = new CaptureCommand(() -> new Kubeconfigs.Merged(List.of(PROD), Optional.empty(),
                List.of(), List.of()), ctx -> new FakeSession(), CLOCK);
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(command);
        cmd.setErr(new PrintWriter(err, true));
        cmd.setParameterExceptionHandler((ex, a) -> {
            cmd.getErr().println("pitwall: " + ex.getMessage());
            return 2;
        });
        assertThat(cmd.execute("--since", "1h", "--out", out("x.pitwall"))).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("pitwall: the kubeconfig has no current context: give --context NAME (it has prod)"
                + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource({"90s, 90", "15m, 900", "1h, 3600", "2h30m, 9000", "1d, 86400", "1d2h3m4s, 93784", "1H, 3600", " 5m , 300"})
    void durations(String text, long seconds) {
        assertThat(CliTime.parseDuration(text)).contains(Duration.ofSeconds(seconds));
        assertThat(CliTime.parseDuration(CliTime.format(Duration.ofSeconds(seconds)))).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource(value = {"''", "0m", "1", "h", "1x", "-5m", "1m1h", "1.5h", "1 h", "PT1H", "1h1h"}, emptyValue = "")
    void notDurations(String text) {
        assertThat(CliTime.parseDuration(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-12-02T14:00:00Z, 2026-12-02T14:00:00Z", "2026-12-02T15:30:00+01:00, 2026-12-02T14:30:00Z",
            "2026-12-02t14:00:00.250z, 2026-12-02T14:00:00.250Z", "2026-12-02 14:00:00Z, 2026-12-02T14:00:00Z",
            "now, 2026-12-02T15:00:00Z", "NOW, 2026-12-02T15:00:00Z"})
    void times(String text, String instant) {
        assertThat(CliTime.parseInstant(text, CLOCK)).contains(Instant.parse(instant));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource({"yesterday", "2026-12-02", "2026-12-02T14:00:00", "14:00", "1h"})
    void notTimes(String text) {
        assertThat(CliTime.parseInstant(text, CLOCK)).isEmpty();
    }

    @Test
    void capturingNeedsNoJavaFx() {
        com.tngtech.archunit.core.domain.JavaClasses classes = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importClasses(CaptureCommand.class, CaptureReport.class, CaptureReport.Progress.class, CliTime.class,
                        CaptureCommand.Plan.class);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.pitwall.ui..", "io.pitwall.app.workspace..")
                .because("pitwall capture runs on hosts without a display").check(classes);
    }

    @Test
    void exitCodes() {
        assertThat(CaptureReport.exitCode(Outcome.COMPLETE)).isZero();
        assertThat(CaptureReport.exitCode(Outcome.PARTIAL)).isEqualTo(3);
        assertThat(CaptureReport.exitCode(Outcome.FAILED)).isEqualTo(1);
        assertThat(CaptureReport.exitCode(Outcome.CANCELLED)).isEqualTo(1);
    }

    @Test
    void sizes() {
        assertThat(CliTime.size(812)).isEqualTo("812 B");
        assertThat(CliTime.size(12_595)).isEqualTo("12.3 KB");
        assertThat(CliTime.size(4L << 20)).isEqualTo("4.0 MB");
    }

    @Test
    void theVerbAndItsExitCodesAreInTheHelp() {
        MainRunner.Result help = MainRunner.run("capture", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--context=NAME", "--namespace=NS", "--since=DURATION", "--from=T", "--to=T",
                "--out=FILE", "--force", "--note=TEXT", "--note-file=PATH", "--signals=LIST", "--timeout=DURATION",
                "Exit codes:", "0   complete", "1   failed or cancelled", "2   bad arguments", "3   partial");
        MainRunner.Result top = MainRunner.run("--help");
        assertThat(top.out()).contains("capture", "3   capture: partial");
    }

    @Test
    void theRealCommandRefusesBadArgumentsBeforeReachingAnyCluster() {
        MainRunner.Result r = MainRunner.run("capture", "--since", "1h", "--from", "now", "--to", "now", "--out",
                out("a.pitwall"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("pitwall: give --since or --from with --to, not both (see pitwall --help)"
                + System.lineSeparator());
    }
}
