package io.pitwall.connectors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.fail;

import io.pitwall.connectors.kube.MockApiServer;
import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.logs.LogsSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.LokiEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which logs a live session serves: the Kubernetes log API once the cluster answers, the
 * context's Loki (MockWebServer) once its endpoints name one, and the log API again when Loki is
 * removed; the LOGS state says which, and follows Loki's answers while Loki serves.
 */
class LiveSessionLogsTest {

    private static final TimeRange RANGE = new TimeRange(Instant.parse("2025-11-25T03:15:00Z"),
            Instant.parse("2025-11-25T03:25:00Z"));

    private final MockApiServer mock = new MockApiServer();
    private final MockWebServer loki = new MockWebServer();
    private final AtomicBoolean lokiDown = new AtomicBoolean();
    private final List<SourceState> heard = new CopyOnWriteArrayList<>();
    private LiveSession session;

    @BeforeEach
    void start() throws IOException {
        String labels = resource("/loki/labels-promtail.json");
        loki.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (lokiDown.get()) {
                    return new MockResponse.Builder().code(503).addHeader("Content-Type", "text/plain")
                            .body("no org id\n").build();
                }
                if (request.getUrl().encodedPath().equals("/loki/api/v1/labels")) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                            .body(labels).build();
                }
                return new MockResponse.Builder().code(404).body("404 page not found\n").build();
            }
        });
        loki.start();
    }

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.close();
        }
        loki.close();
        mock.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LiveSessionLogsTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private SourceState awaitLogs(String what, Predicate<SourceState> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            SourceState s = session.state(Signal.LOGS);
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        return fail("not within 20 s: " + what + "; LOGS is " + session.state(Signal.LOGS));
    }

    private ContextEndpoints withLoki() {
        return ContextEndpoints.NONE.withLoki(Optional.of(LokiEndpoint.url("loki", loki.url("/").toString())));
    }

    @Test
    void theLogApiServesUntilLokiIsConfiguredAndAgainOnceItIsRemoved() throws Exception {
        mock.serve(MockApiServer.NEWEST).allowAllBut();
        mock.server().expect().get().withPath("/api/v1/namespaces/shop/pods/carts-0/log?container=carts&timestamps=true"
                + "&sinceTime=2025-11-25T03%3A15%3A00Z&limitBytes=16777216")
                .andReturn(200, "2025-11-25T03:20:01.000000000Z Added item 808a2de1 to cart 57a98d98\n").once();
        session = LiveSession.connect("mock", Optional.empty(), mock::config, Thread.ofVirtual()::start);
        session.onStateChange((signal, state) -> {
            if (signal == Signal.LOGS) {
                heard.add(state);
            }
        });
        String master = mock.config().getMasterUrl();

        // no Loki: the Kubernetes log API, once the cluster answers
        assertThat(awaitLogs("the log API", SourceState.Connected.class::isInstance))
                .isEqualTo(new SourceState.Connected("Kubernetes log API at " + master));
        LogsSource kube = session.logs().orElseThrow();
        assertThat(kube.describe()).isEqualTo("Kubernetes log API");
        assertThat(kube.speaksLogQL()).isFalse();
        assertThat(kube.query(new LogQuery(new LogScope.Container(new KubeRef("Pod", "shop", "carts-0"), "carts", false), "",
                RANGE, 100, false)).get().entries()).extracting(LogEntry::line)
                .containsExactly("Added item 808a2de1 to cart 57a98d98");

        // Loki configured: it serves, and LOGS is what Loki answers
        int before = heard.size();
        session.useEndpoints(withLoki(), Duration.ofMinutes(5));
        LogsSource lokiLogs = session.logs().orElseThrow();
        assertThat(lokiLogs).isNotSameAs(kube);
        assertThat(lokiLogs.describe()).startsWith("Loki ").contains(loki.url("/").host() + ":" + loki.getPort());
        assertThat(lokiLogs.speaksLogQL()).isTrue();
        SourceState up = awaitLogs("Loki's first answer", SourceState.Connected.class::isInstance);
        assertThat(up.summary()).doesNotContain("Kubernetes log API").contains(String.valueOf(loki.getPort()));

        lokiDown.set(true);
        assertThat(catchThrowable(() -> lokiLogs.labelNames(RANGE).join())).as("Loki's 503").isNotNull();
        SourceState down = session.state(Signal.LOGS);
        assertThat(down).as("the failed answer is the LOGS state").isInstanceOf(SourceState.Failing.class);
        assertThat(down.summary()).contains("503");
        lokiDown.set(false);
        assertThat(lokiLogs.labelNames(RANGE).get()).contains("namespace", "pod", "container");
        assertThat(session.state(Signal.LOGS)).isEqualTo(up);

        // Loki removed: the same log API source as before, and LOGS says so
        session.useEndpoints(ContextEndpoints.NONE, Duration.ofMinutes(5));
        assertThat(session.logs()).containsSame(kube);
        assertThat(session.state(Signal.LOGS)).isEqualTo(new SourceState.Connected("Kubernetes log API at " + master));
        // the removed Loki's late answers no longer speak for LOGS
        lokiDown.set(true);
        catchThrowable(() -> lokiLogs.labelNames(RANGE).join());
        assertThat(session.state(Signal.LOGS)).isEqualTo(new SourceState.Connected("Kubernetes log API at " + master));

        assertThat(heard.subList(before, heard.size())).as("what the status bar heard of LOGS since Loki, in order")
                .containsExactly(heard.get(before), up, down, up, new SourceState.Connected("Kubernetes log API at " + master));
        assertThat(heard.get(before)).as("Loki connecting").isInstanceOf(SourceState.Connecting.class);
        assertThat(mock.pitwallRequests()).filteredOn(r -> r.contains("/log?")).hasSize(1);
    }
}
