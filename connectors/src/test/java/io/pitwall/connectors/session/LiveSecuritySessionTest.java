package io.pitwall.connectors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.pitwall.connectors.kube.MockApiServer;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.LokiEndpoint;
import io.pitwall.connectors.security.FalcoEvents;
import io.pitwall.connectors.security.SecuritySource;
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
 * A live session's security source: SECURITY connecting, then connected once the cluster answers
 * (naming Loki when the context has one); Falco's events read from Loki (MockWebServer answering
 * query_range in Loki's documented streams shape, with the labels falcosidekick's Loki output
 * sets); a failing Loki or none is a note, never a failure.
 */
class LiveSecuritySessionTest {

    private static final TimeRange WINDOW = new TimeRange(Instant.parse("2025-11-25T03:15:00Z"),
            Instant.parse("2025-11-25T03:25:00Z"));

    /** Loki's query_range answer (docs: "Query logs within a range of time", resultType streams), written here. */
    private static final String FALCO_STREAMS = """
            {"status": "success", "data": {"resultType": "streams", "result": [
              {"stream": {"rule": "Terminal shell in container", "priority": "Notice", "source": "syscall",
                          "hostname": "node-1", "tags": "container,mitre_execution,shell",
                          "k8s_ns_name": "shop", "k8s_pod_name": "carts-1"},
               "values": [["1764040810000000000", "03:20:10.000000000: Notice A shell was spawned in a container \
            with an attached terminal (user=root container=carts shell=bash)"]]},
              {"stream": {"rule": "Read sensitive file untrusted", "priority": "Warning", "source": "syscall",
                          "hostname": "node-2", "tags": "filesystem,mitre_credential_access",
                          "k8s_ns_name": "shop", "k8s_pod_name": "orders-2"},
               "values": [["1764040860000000000", "03:21:00.000000000: Warning Sensitive file opened for reading \
            by non-trusted program (file=/etc/shadow command=cat /etc/shadow)"]]}
            ], "stats": {}}}
            """;

    private final MockApiServer mock = new MockApiServer();
    private final MockWebServer loki = new MockWebServer();
    private final AtomicBoolean lokiDown = new AtomicBoolean();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private LiveSession session;

    @BeforeEach
    void start() throws Exception {
        loki.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (lokiDown.get()) {
                    return new MockResponse.Builder().code(503).addHeader("Content-Type", "text/plain")
                            .body("too many outstanding requests\n").build();
                }
                String path = request.getUrl().encodedPath();
                if (path.equals("/loki/api/v1/query_range")) {
                    queries.add(request.getUrl().queryParameter("query") + " limit=" + request.getUrl().queryParameter("limit")
                            + " direction=" + request.getUrl().queryParameter("direction"));
                    return json(FALCO_STREAMS);
                }
                if (path.equals("/loki/api/v1/labels")) {
                    return json("{\"status\": \"success\", \"data\": [\"hostname\", \"priority\", \"rule\", \"source\"]}");
                }
                return new MockResponse.Builder().code(404).body("404 page not found\n").build();
            }
        });
        loki.start();
        mock.serve(MockApiServer.NEWEST).allowAllBut();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.close();
        }
        loki.close();
        mock.close();
    }

    private SourceState await(String what, Predicate<SourceState> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            SourceState s = session.state(Signal.SECURITY);
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        return fail("not within 20 s: " + what + "; SECURITY is " + session.state(Signal.SECURITY));
    }

    @Test
    void falcosEventsComeFromLokiAndAFailingLokiIsANote() throws Exception {
        ContextEndpoints endpoints = ContextEndpoints.NONE.withLoki(Optional.of(LokiEndpoint.url("loki", loki.url("/").toString())));
        session = LiveSession.connect("mock", Optional.empty(), mock::config, Thread.ofVirtual()::start, endpoints,
                Duration.ofMinutes(5));
        assertThat(session.state(Signal.SECURITY)).isInstanceOf(SourceState.Connecting.class);
        await("connected, with Loki", s -> s.equals(new SourceState.Connected("cluster mock and Loki")));
        SecuritySource security = session.security().orElseThrow();
        assertThat(security.describe()).isEqualTo("cluster mock and Loki");

        SecuritySource.Result r = security.findings(WINDOW).get();

        assertThat(queries).containsExactly(FalcoEvents.LOKI_SELECTOR + " limit=5000 direction=backward");
        List<SecurityFinding> falco = r.findings().stream().filter(f -> f.source() == FindingSource.FALCO).toList();
        assertThat(falco).extracting(SecurityFinding::rule)
                .containsExactlyInAnyOrder("Terminal shell in container", "Read sensitive file untrusted");
        assertThat(falco).filteredOn(f -> f.rule().equals("Read sensitive file untrusted")).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo(new KubeRef("Pod", "shop", "orders-2"));
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.time()).isEqualTo(Instant.parse("2025-11-25T03:21:00Z"));
        });
        assertThat(r.notes()).noneMatch(n -> n.contains("Falco"));

        lokiDown.set(true);
        SecuritySource.Result down = security.findings(WINDOW).get();
        assertThat(down.findings()).noneMatch(f -> f.source() == FindingSource.FALCO);
        assertThat(down.notes()).anySatisfy(n -> assertThat(n).startsWith("Falco events could not be read from Loki: "));
        assertThat(session.state(Signal.SECURITY)).isEqualTo(new SourceState.Connected("cluster mock and Loki"));
    }

    @Test
    void withoutLokiFalcoIsANoteAndTheClusterStillAnswers() throws Exception {
        session = LiveSession.connect("mock", Optional.empty(), mock::config, Thread.ofVirtual()::start);
        await("connected", s -> s.equals(new SourceState.Connected("cluster mock")));
        SecuritySource.Result r = session.security().orElseThrow().findings(WINDOW).get();
        assertThat(r.notes()).contains("Falco events come from Loki (falcosidekick): none configured.");
        assertThat(queries).isEmpty();
    }

    @Test
    void aClusterThatDoesNotAnswerFailsTheSecurityState() throws Exception {
        session = LiveSession.connect("other", Optional.empty(), mock::config, Thread.ofVirtual()::start);
        SourceState s = await("failing", SourceState.Failing.class::isInstance);
        assertThat(((SourceState.Failing) s).reason()).contains("'other' is not in the kubeconfig");
        assertThat(session.security()).isEmpty();
    }
}
