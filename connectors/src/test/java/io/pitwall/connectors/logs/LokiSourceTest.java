package io.pitwall.connectors.logs;

import static io.pitwall.connectors.logs.MockLoki.ok;
import static io.pitwall.connectors.logs.MockLoki.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.SourceState;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LokiSourceTest {

    private static final TimeRange RANGE = new TimeRange(Instant.parse("2025-11-25T03:15:00Z"), Instant.parse("2025-11-25T03:25:00Z"));
    private static final KubeRef CARTS = new KubeRef("Deployment", "sock-shop", "carts");

    private final MockWebServer server = new MockWebServer();
    private final List<SourceState> states = new CopyOnWriteArrayList<>();
    private LokiSource source;

    @BeforeEach
    void start() throws Exception {
        server.start();
        source = new LokiSource(MockLoki.client(server), (logql, limit) -> (from, events) -> {
            throw new AssertionError("no tail here");
        }, null, false, ReconnectingTail.BACKOFF, states::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aScopeIsAskedInTheLabelsTheServerHasOnce() throws Exception {
        server.enqueue(ok("labels-otel.json"));
        server.enqueue(ok("query_range-streams-categorized.json"));
        server.enqueue(ok("query_range-streams-categorized.json"));
        LogResult r = source.query(new LogQuery(new LogScope.Workload(CARTS), "", RANGE, 2, true)).get();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/loki/api/v1/labels");
        assertThat(server.takeRequest().getUrl().queryParameter("query"))
                .isEqualTo("{k8s_namespace_name=\"sock-shop\", k8s_pod_name=~\"carts-[a-z0-9]{1,10}-[a-z0-9]{5}\"}");
        assertThat(r.entries()).hasSize(2);
        assertThat(r.limited()).as("as many lines as the limit: there may be more").isTrue();
        assertThat(r.matrix()).isEmpty();
        assertThat(r.warnings()).containsExactly("query timed out on one querier: results may be partial");

        source.query(new LogQuery(new LogScope.Namespace("payments"), "", RANGE, 100, true)).get();
        assertThat(server.takeRequest().getUrl().queryParameter("query")).isEqualTo("{k8s_namespace_name=\"payments\"}");
        assertThat(server.getRequestCount()).as("the labels were asked once").isEqualTo(3);
        assertThat(states).containsExactly(new SourceState.Connected(source.describe().substring("Loki ".length())));
    }

    @Test
    void typedLogQLGoesAsTypedAndAMetricQueryGivesAMatrix() throws Exception {
        server.enqueue(ok("query_range-matrix.json"));
        String q = "sum by (pod) (count_over_time({namespace=\"sock-shop\"} |= \"error\" [15s]))";
        LogResult r = source.query(new LogQuery(new LogScope.Cluster(), q, RANGE, 100, true)).get();
        assertThat(server.takeRequest().getUrl().queryParameter("query")).isEqualTo(q);
        assertThat(r.entries()).isEmpty();
        assertThat(r.limited()).isFalse();
        assertThat(r.matrix()).hasValueSatisfying(m -> {
            assertThat(m.query()).isEqualTo(q);
            assertThat(m.series()).hasSize(2);
            assertThat(m.range()).isEqualTo(RANGE);
        });
    }

    @Test
    void aServerThatStopsAnsweringTurnsTheStateFailingAndABadQueryDoesNot() throws Exception {
        server.enqueue(text(400, "parse error at line 1, col 1: syntax error: unexpected IDENTIFIER"));
        server.enqueue(text(502, "bad gateway"));
        server.enqueue(ok("labels-promtail.json"));
        LogQueryException bad = MockLoki.failure(source.query(new LogQuery(new LogScope.Cluster(), "oops", RANGE, 10, true)));
        assertThat(bad.kind()).isEqualTo("bad_query");
        assertThat(states).isEmpty();
        LogQueryException down = MockLoki.failure(source.labelNames(RANGE));
        assertThat(down.kind()).isEqualTo("server_error");
        assertThat(states).containsExactly(new SourceState.Failing(down.getMessage()));
        assertThat(source.labelNames(RANGE).get()).contains("pod");
        assertThat(states).hasSize(2).last().isInstanceOf(SourceState.Connected.class);
    }
}
