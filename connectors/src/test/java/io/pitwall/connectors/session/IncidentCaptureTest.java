package io.pitwall.connectors.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleProblem;
import io.pitwall.connectors.snapshot.BundleReader;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture signal by signal: complete, partial with its problems, failed, cancelled; the note kept. */
class IncidentCaptureTest {

    private static final Instant END = Instant.parse("2026-11-24T04:00:00Z");
    private static final TimeRange WINDOW = TimeRange.ending(END, Duration.ofHours(1));
    private static final Clock CLOCK = Clock.fixed(END.plusSeconds(30), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** Writes one entry per signal, or fails the signals it is told to. */
    private static class ScriptedSession implements Session {
        final Set<Signal> failing;
        final Set<Signal> absent;
        final List<Signal> asked = new ArrayList<>();

        ScriptedSession(Set<Signal> failing, Set<Signal> absent) {
            this.failing = failing;
            this.absent = absent;
        }

        @Override
        public SessionInfo info() {
            return new SessionInfo(SessionInfo.Kind.LIVE, "prod", Optional.of("prod-eu"), Optional.of("prod-ctx"),
                    Optional.empty(), List.of("shop"));
        }

        @Override
        public Map<Signal, SourceState> states() {
            Map<Signal, SourceState> m = new EnumMap<>(Signal.class);
            for (Signal s : Signal.values()) {
                m.put(s, absent.contains(s) ? new SourceState.NotConfigured("a " + s.displayName() + " endpoint")
                        : new SourceState.Connected("x"));
            }
            return m;
        }

        private void write(BundleWriter w, Signal s) throws IOException {
            asked.add(s);
            if (failing.contains(s)) {
                throw new IOException(s.displayName() + " answered 403 Forbidden");
            }
            if (!absent.contains(s)) {
                w.add(s.bundleFolder() + "/data.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void captureCluster(BundleWriter w, TimeRange window) throws IOException {
            write(w, Signal.CLUSTER);
        }

        @Override
        public void captureMetrics(BundleWriter w, TimeRange window, List<String> queries, Duration step) throws IOException {
            write(w, Signal.METRICS);
        }

        @Override
        public void captureLogs(BundleWriter w, TimeRange window, List<LogScope> scopes, List<String> queries) throws IOException {
            write(w, Signal.LOGS);
        }

        @Override
        public void captureTraces(BundleWriter w, TimeRange window, Collection<String> opened) throws IOException {
            write(w, Signal.TRACES);
        }

        @Override
        public void captureSecurity(BundleWriter w, TimeRange window) throws IOException {
            write(w, Signal.SECURITY);
        }

        @Override
        public void close() {
        }
    }

    private static IncidentCapture.Request request(String note) {
        return new IncidentCapture.Request(WINDOW, List.of("shop"), Set.of(Signal.values()), note, List.of("up"),
                Duration.ofSeconds(15), List.of(new LogScope.Namespace("shop")), List.of(), List.of());
    }

    @Test
    void everySignalInOrderWithTheNoteAndTheHeader() throws Exception {
        ScriptedSession s = new ScriptedSession(Set.of(), Set.of());
        List<String> progress = new ArrayList<>();
        Path out = dir.resolve("incident.pitwall");
        IncidentCapture.Result r = IncidentCapture.run(s, request("# Checkout outage\nCarts OOM."), out, "1.2.3", CLOCK,
                new IncidentCapture.Progress() {
                    @Override
                    public void started(Signal signal) {
                        progress.add("start " + signal);
                    }

                    @Override
                    public void finished(IncidentCapture.Part part) {
                        progress.add("done " + part.signal() + " " + part.entries());
                    }
                }, () -> false);

        assertThat(r.outcome()).isEqualTo(IncidentCapture.Outcome.COMPLETE);
        assertThat(s.asked).containsExactlyElementsOf(IncidentCapture.ORDER);
        assertThat(progress).startsWith("start CLUSTER", "done CLUSTER 1", "start METRICS").endsWith("done SECURITY 1");
        try (Bundle b = BundleReader.open(out)) {
            assertThat(b.manifest().context()).isEqualTo("prod-ctx");
            assertThat(b.manifest().cluster()).isEqualTo("prod-eu");
            assertThat(b.manifest().timeRange()).isEqualTo(WINDOW);
            assertThat(b.manifest().namespaces()).containsExactly("shop");
            assertThat(b.manifest().appVersion()).isEqualTo("1.2.3");
            assertThat(b.manifest().problems()).isEmpty();
            assertThat(new String(b.read("notes.md"), StandardCharsets.UTF_8)).isEqualTo("# Checkout outage\nCarts OOM.");
        }
        assertThat(r.bytes()).isPositive();
    }

    @Test
    void aFailingOrMissingSourceIsAProblemAndTheRestIsKept() throws Exception {
        ScriptedSession s = new ScriptedSession(Set.of(Signal.LOGS), Set.of(Signal.TRACES));
        Path out = dir.resolve("partial.pitwall");
        IncidentCapture.Result r = IncidentCapture.run(s, request(""), out, "1", CLOCK, IncidentCapture.Progress.NONE, () -> false);

        assertThat(r.outcome()).isEqualTo(IncidentCapture.Outcome.PARTIAL);
        assertThat(IncidentCapture.bySignal(r).get(Signal.LOGS).problems()).containsExactly("Logs answered 403 Forbidden");
        assertThat(IncidentCapture.bySignal(r).get(Signal.TRACES).problems()).containsExactly("not captured: no source configured (a Traces endpoint)");
        assertThat(IncidentCapture.bySignal(r).get(Signal.SECURITY).entries()).isEqualTo(1);
        try (Bundle b = BundleReader.open(out)) {
            assertThat(b.manifest().problems()).containsExactly(new BundleProblem("logs", "Logs answered 403 Forbidden"),
                    new BundleProblem("traces", "not captured: no source configured (a Traces endpoint)"));
            assertThat(b.manifest().entries()).extracting(e -> e.path()).containsExactly("cluster/data.json",
                    "metrics/data.json", "security/data.json");
        }
    }

    @Test
    void nothingCapturedWritesNoFileAndSaysWhy() throws Exception {
        ScriptedSession s = new ScriptedSession(Set.of(Signal.values()), Set.of());
        Path out = dir.resolve("none.pitwall");
        Files.writeString(out, "an older file stays as it was");
        IncidentCapture.Result r = IncidentCapture.run(s, request(""), out, "1", CLOCK, IncidentCapture.Progress.NONE, () -> false);

        assertThat(r.outcome()).isEqualTo(IncidentCapture.Outcome.FAILED);
        assertThat(r.failure()).startsWith("nothing could be captured: cluster: Cluster answered 403 Forbidden");
        assertThat(Files.readString(out)).isEqualTo("an older file stays as it was");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void cancellingStopsBetweenSignalsAndWritesNothing() {
        ScriptedSession s = new ScriptedSession(Set.of(), Set.of());
        AtomicBoolean cancel = new AtomicBoolean();
        Path out = dir.resolve("cancelled.pitwall");
        IncidentCapture.Result r = IncidentCapture.run(s, request(""), out, "1", CLOCK, new IncidentCapture.Progress() {
            @Override
            public void started(Signal signal) {
            }

            @Override
            public void finished(IncidentCapture.Part part) {
                if (part.signal() == Signal.METRICS) {
                    cancel.set(true);
                }
            }
        }, cancel::get);

        assertThat(r.outcome()).isEqualTo(IncidentCapture.Outcome.CANCELLED);
        assertThat(s.asked).containsExactly(Signal.CLUSTER, Signal.METRICS);
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnwritableTargetFailsAtOnce() {
        IncidentCapture.Result r = IncidentCapture.run(new ScriptedSession(Set.of(), Set.of()), request(""),
                dir.resolve("no/such/folder/x.pitwall"), "1", CLOCK, IncidentCapture.Progress.NONE, () -> false);
        assertThat(r.outcome()).isEqualTo(IncidentCapture.Outcome.FAILED);
        assertThat(r.failure()).startsWith("cannot write ");
    }

    @Test
    void thePlanStepsAboutTwoHundredFortyPointsAndCoversTheScope() {
        assertThat(CapturePlan.step(WINDOW)).isEqualTo(Duration.ofSeconds(15));
        assertThat(CapturePlan.step(TimeRange.ending(END, Duration.ofHours(24)))).isEqualTo(Duration.ofSeconds(360));
        IncidentCapture.Request plan = CapturePlan.of(WINDOW, List.of("shop"), null, "", List.of(), List.of("abc"));
        assertThat(plan.signals()).containsExactlyInAnyOrder(Signal.values());
        assertThat(plan.logScopes()).containsExactly(new LogScope.Namespace("shop"));
        assertThat(plan.metricQueries()).isNotEmpty().anyMatch(q -> q.contains("shop"));
        // the alerts' firing history, which the timeline draws when the bundle is opened
        assertThat(plan.metricQueries()).contains(io.pitwall.connectors.metrics.AlertsSource.FIRING_SERIES);
        assertThat(plan.openedTraces()).containsExactly("abc");
    }

    @Test
    void withoutLogQLANamespacesLogsAreItsPodsTroubledFirst() {
        io.pitwall.connectors.model.PodInfo ok = pod("web-1", true, 0);
        io.pitwall.connectors.model.PodInfo crashing = pod("web-2", false, 5);
        io.pitwall.connectors.model.ClusterState state = new io.pitwall.connectors.model.ClusterState(END, List.of("shop"),
                List.of(), List.of(ok, crashing), List.of(), List.of(), List.of(), List.of(), Map.of(), Set.of(), Set.of());
        Session s = new ScriptedSession(Set.of(), Set.of()) {
            @Override
            public Optional<io.pitwall.connectors.model.ClusterState> clusterState() {
                return Optional.of(state);
            }

            @Override
            public Optional<io.pitwall.connectors.logs.LogsSource> logs() {
                return Optional.of(new io.pitwall.connectors.logs.StubLogsSource("Kubernetes log API", false));
            }
        };
        assertThat(IncidentCapture.logScopes(s, List.of(new LogScope.Namespace("shop"), new LogScope.Pod(ok.ref()))))
                .containsExactly(new LogScope.Pod(crashing.ref()), new LogScope.Pod(ok.ref()));
        ScriptedSession loki = new ScriptedSession(Set.of(), Set.of());
        assertThat(IncidentCapture.logScopes(loki, List.of(new LogScope.Namespace("shop"))))
                .as("without a logs source, or with LogQL: as asked").containsExactly(new LogScope.Namespace("shop"));
    }

    private static io.pitwall.connectors.model.PodInfo pod(String name, boolean ready, int restarts) {
        return new io.pitwall.connectors.model.PodInfo("shop", name, "u-" + name, Map.of(), Optional.empty(), "node-1",
                "Running", ready, restarts, Optional.empty(), List.of(), END);
    }
}
