package io.pitwall.connectors.prometheus;

import static io.pitwall.connectors.prometheus.MockPrometheus.fixture;
import static io.pitwall.connectors.prometheus.MockPrometheus.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.http.HttpClients;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.OkHttpTransport;
import io.pitwall.connectors.metrics.QueryException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An HA pair: the partner answers when one member is gone, and the switch is told. */
class FailoverTransportTest {

    private final MockWebServer a = new MockWebServer();
    private final MockWebServer b = new MockWebServer();
    private final List<FailoverTransport.Active> switches = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        a.start();
        b.start();
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    private FailoverTransport pair(OkHttpTransport first, OkHttpTransport second) {
        return new FailoverTransport(first, second, switches::add);
    }

    @Test
    void aDeadMemberHandsOverToItsPartnerAndTheStateSaysSo() throws Exception {
        OkHttpTransport dead = dead();
        FailoverTransport pair = pair(dead, MockPrometheus.transport(b, HttpSettings.DEFAULT));
        b.enqueue(fixture("labels.json"));
        b.enqueue(fixture("label-values.json"));
        PrometheusClient client = new PrometheusClient(pair);

        assertThat(client.labelNames().get()).contains("job");
        assertThat(pair.active().index()).isEqualTo(1);
        assertThat(pair.active().failedOver()).isTrue();
        assertThat(pair.active().otherFailure()).contains("connection refused").contains(dead.endpoint());
        assertThat(switches).hasSize(1);
        // stays with the partner: the dead member is not tried again on each query
        assertThat(client.labelValues("code").get()).containsExactly("200", "504");
        assertThat(switches).hasSize(1);
        assertThat(b.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aGatewayWithNothingBehindItCountsAsDown() throws Exception {
        a.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body("<html>Bad Gateway</html>").build());
        b.enqueue(fixture("labels.json"));
        FailoverTransport pair = pair(MockPrometheus.transport(a, HttpSettings.DEFAULT), MockPrometheus.transport(b, HttpSettings.DEFAULT));
        assertThat(new PrometheusClient(pair).labelNames().get()).contains("job");
        assertThat(pair.active().otherFailure()).contains("HTTP 502");
    }

    @Test
    void aBadQueryIsNotAReasonToSwitch() {
        a.enqueue(json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:1: parse error: unexpected\"}"));
        FailoverTransport pair = pair(MockPrometheus.transport(a, HttpSettings.DEFAULT), MockPrometheus.transport(b, HttpSettings.DEFAULT));
        QueryException e = PrometheusClientTest.failure(new PrometheusClient(pair).query(")", java.time.Instant.now()));
        assertThat(e.errorType()).isEqualTo("bad_data");
        assertThat(pair.active().index()).isZero();
        assertThat(b.getRequestCount()).isZero();
        assertThat(switches).isEmpty();
    }

    @Test
    void bothDownSaysBoth() throws Exception {
        OkHttpTransport one = dead();
        OkHttpTransport two = dead();
        QueryException e = PrometheusClientTest.failure(new PrometheusClient(pair(one, two)).labelNames());
        assertThat(e.errorType()).isEqualTo("unreachable");
        assertThat(e.getMessage()).startsWith("both members of the HA pair failed")
                .contains(one.endpoint()).contains(two.endpoint());
    }

    private static OkHttpTransport dead() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return new OkHttpTransport(HttpUrl.get("http://127.0.0.1:" + port + "/"), HttpClients.create(HttpSettings.DEFAULT),
                Runnable::run);
    }
}
