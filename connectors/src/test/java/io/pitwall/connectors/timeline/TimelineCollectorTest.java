package io.pitwall.connectors.timeline;

import static io.pitwall.connectors.timeline.SockShopStory.CARTS;
import static io.pitwall.connectors.timeline.SockShopStory.NEW_IMAGE;
import static io.pitwall.connectors.timeline.SockShopStory.NEW_POD;
import static io.pitwall.connectors.timeline.SockShopStory.OLD_IMAGE;
import static io.pitwall.connectors.timeline.SockShopStory.PATCH;
import static io.pitwall.connectors.timeline.SockShopStory.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The collector on the demo's story: a rollout, OOMKilled restarts, an alert, a Falco event, an error burst, traces. */
class TimelineCollectorTest {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final TimelineCollector collector = new TimelineCollector(executor);
    private SockShopStory story;
    private StorySession session;

    @BeforeEach
    void setUp() throws Exception {
        story = new SockShopStory();
        session = new StorySession();
        session.changes = story.changes;
        session.state = story.state;
        session.metrics = StorySources.prometheus();
        session.security = StorySources.falco();
        session.logs = StorySources.loki();
        session.traces = StorySources.jaeger();
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    private Timeline collect(List<String> namespaces) {
        return collector.collect(session, WINDOW, namespaces).join();
    }

    @Test
    void theStoryIsToldInOrderOnItsLanes() {
        Timeline t = collect(List.of());
        assertThat(t.problems()).isEmpty();

        assertThat(t.lane(Lane.ROLLOUTS)).as("one item for the rollout: the new ReplicaSet, its revision and scaling event fold in")
                .singleElement().satisfies(i -> {
                    assertThat(i.ref()).contains(CARTS);
                    assertThat(i.title()).isEqualTo("carts: image " + OLD_IMAGE + " -> " + NEW_IMAGE);
                    assertThat(i.detail()).isEqualTo("container carts, revision 2");
                    assertThat(i.at()).isEqualTo(PATCH);
                    assertThat(i.severity()).isEqualTo(Severity.MEDIUM);
                });
        assertThat(t.lane(Lane.RESTARTS)).as("one item per restart, the BackOff event folded in")
                .extracting(TimelineItem::at, TimelineItem::title, TimelineItem::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PATCH.plus(Duration.ofMinutes(3)), NEW_POD.name() + " restarted: OOMKilled",
                                Severity.HIGH),
                        org.assertj.core.groups.Tuple.tuple(PATCH.plus(Duration.ofMinutes(5)), NEW_POD.name() + " restarted: OOMKilled",
                                Severity.HIGH));
        assertThat(t.lane(Lane.WARNINGS)).as("the readiness failures; not the BackOff, not the event before the window")
                .singleElement().satisfies(i -> {
                    assertThat(i.title()).isEqualTo("Unhealthy (x12)");
                    assertThat(i.detail()).startsWith("Readiness probe failed");
                    assertThat(i.ref()).contains(NEW_POD);
                });
        assertThat(t.lane(Lane.ALERTS)).extracting(TimelineItem::title, TimelineItem::severity, TimelineItem::at, TimelineItem::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("KubePodCrashLooping on " + NEW_POD.name(), Severity.MEDIUM,
                                StorySources.ALERT_FROM, WINDOW.to()),
                        org.assertj.core.groups.Tuple.tuple("CartsHighLatency on carts", Severity.CRITICAL,
                                PATCH.plus(Duration.ofMinutes(7)), PATCH.plus(Duration.ofMinutes(9))),
                        org.assertj.core.groups.Tuple.tuple("CartsHighLatency on carts", Severity.CRITICAL,
                                PATCH.plus(Duration.ofMinutes(20)), PATCH.plus(Duration.ofMinutes(25))));
        assertThat(t.lane(Lane.ALERTS).getFirst().detail()).isEqualTo("still firing");
        assertThat(t.lane(Lane.ALERTS).get(1).ref()).contains(CARTS);
        assertThat(t.lane(Lane.SECURITY)).as("the Falco event; the posture finding has no time").singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Terminal shell in container");
            assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(i.ref()).contains(NEW_POD);
            assertThat(i.at()).isEqualTo(StorySources.FALCO_AT);
        });
        assertThat(t.lane(Lane.ERROR_LOGS)).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("60 error lines in " + NEW_POD.name());
            assertThat(i.at()).isEqualTo(PATCH.plus(Duration.ofMinutes(3)));
            assertThat(i.end()).isEqualTo(PATCH.plus(Duration.ofMinutes(5)));
            assertThat(i.detail()).isEqualTo("up to 30 per 60 s, median 1");
        });
        assertThat(t.lane(Lane.TRACES)).extracting(TimelineItem::traceId, TimelineItem::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("00000000000000000000000000000def", Severity.HIGH),
                        org.assertj.core.groups.Tuple.tuple("00000000000000000000000000000abc", Severity.LOW));
        assertThat(t.lane(Lane.TRACES).getFirst().title()).isEqualTo("failed: carts GET /carts/{id} 800 ms");
        assertThat(t.lane(Lane.TRACES).getFirst().ref()).contains(new KubeRef("Service", "sock-shop", "carts"));

        // the order of the incident: the patch, the first OOMKilled restart, the alert, the Falco event
        TimelineItem rollout = t.lane(Lane.ROLLOUTS).getFirst();
        TimelineItem restart = t.lane(Lane.RESTARTS).getFirst();
        TimelineItem alert = t.lane(Lane.ALERTS).getFirst();
        TimelineItem falco = t.lane(Lane.SECURITY).getFirst();
        assertThat(t.items()).containsSubsequence(rollout, restart, alert, falco);
    }

    @Test
    void namespacesFilterTheObjectsItems() {
        Timeline other = collect(List.of("kube-system"));
        assertThat(other.items()).as("only items naming no namespace stay").allSatisfy(i -> assertThat(i.ref()
                .map(TimelineCollector::namespaceOf).orElse("")).isEmpty());
        assertThat(collect(List.of("sock-shop")).items()).hasSameSizeAs(collect(List.of()).items());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("no cluster", (Consumer<StorySession>) s -> {
                    s.changes = List.of();
                    s.state = null;
                }, "cluster: no objects or changes to read rollouts, restarts and warnings from", Lane.ALERTS),
                Arguments.of("no Prometheus nor Alertmanager", (Consumer<StorySession>) s -> s.metrics = null,
                        "alerts: no Prometheus or Alertmanager", Lane.ROLLOUTS),
                Arguments.of("Loki down", (Consumer<StorySession>) s -> s.logs = new io.pitwall.connectors.logs.StubLogsSource("Loki", true) {
                    @Override
                    public CompletableFuture<List<String>> labelNames(io.pitwall.connectors.model.TimeRange range) {
                        return CompletableFuture.failedFuture(new io.pitwall.connectors.logs.LogQueryException("server_error",
                                "Loki answered 503 Service Unavailable"));
                    }
                }, "logs: Loki answered 503 Service Unavailable", Lane.RESTARTS),
                Arguments.of("no traces", (Consumer<StorySession>) s -> s.traces = null, "traces: no trace backend", Lane.SECURITY),
                Arguments.of("no security", (Consumer<StorySession>) s -> s.security = null, "security: no security events",
                        Lane.TRACES),
                Arguments.of("no logs", (Consumer<StorySession>) s -> s.logs = null, "error logs: no logs source", Lane.ALERTS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aSourceThatFailsOrIsAbsentCostsItsLaneOneProblem(String name, Consumer<StorySession> breakIt, String problem,
                                                          Lane stillThere) {
        breakIt.accept(session);
        Timeline t = collect(List.of());
        assertThat(t.problems()).containsExactly(problem);
        assertThat(t.lane(stillThere)).isNotEmpty();
    }

    @Test
    void withoutTheAlertsSeriesTheAlertsFiringNowSpanToTheWindowsEnd() {
        session.metrics = new io.pitwall.connectors.metrics.MetricsSource() {
            @Override
            public CompletableFuture<io.pitwall.connectors.model.RangeResult> queryRange(String promql,
                    io.pitwall.connectors.model.TimeRange range, Duration step) {
                return CompletableFuture.failedFuture(new io.pitwall.connectors.metrics.QueryException("bad_data",
                        "parse error at char 7", java.util.OptionalInt.empty()));
            }

            @Override
            public CompletableFuture<List<String>> metricNames() {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<List<String>> labelNames() {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<List<String>> labelValues(String label) {
                return CompletableFuture.completedFuture(List.of());
            }
        };
        Alert crash = new Alert("KubePodCrashLooping", Alert.State.FIRING, "warning", Map.of("namespace", "sock-shop", "pod",
                NEW_POD.name(), "severity", "warning"), Map.of(), Optional.of(StorySources.ALERT_FROM), Optional.of("1"), "",
                "alertmanager");
        Alert old = new Alert("Watchdog", Alert.State.FIRING, "none", Map.of(), Map.of(),
                Optional.of(WINDOW.from().minus(Duration.ofDays(2))), Optional.empty(), "", "alertmanager");
        Alert pending = new Alert("KubeMemoryOvercommit", Alert.State.PENDING, "warning", Map.of(), Map.of(),
                Optional.of(PATCH), Optional.empty(), "", "prometheus");
        session.alerts = () -> CompletableFuture.completedFuture(List.of(crash, old, pending));
        Timeline t = collect(List.of());
        assertThat(t.problems()).singleElement().asString().startsWith("alerts: the ALERTS series failed (parse error at char 7)");
        assertThat(t.lane(Lane.ALERTS)).extracting(TimelineItem::title, TimelineItem::severity, TimelineItem::at, TimelineItem::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Watchdog", Severity.HIGH, WINDOW.from(), WINDOW.to()),
                        org.assertj.core.groups.Tuple.tuple("KubePodCrashLooping on " + NEW_POD.name(), Severity.MEDIUM,
                                StorySources.ALERT_FROM, WINDOW.to()));
    }
}
