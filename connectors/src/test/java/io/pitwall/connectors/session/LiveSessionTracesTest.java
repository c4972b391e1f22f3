package io.pitwall.connectors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.TraceEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A live session's traces: the context's Zipkin (MockWebServer) once configured, the TRACES state following its answers. */
class LiveSessionTracesTest {

    private final MockWebServer zipkin = new MockWebServer();
    private final AtomicBoolean down = new AtomicBoolean();
    private LiveSession session;

    @BeforeEach
    void start() throws Exception {
        zipkin.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (down.get()) {
                    return new MockResponse.Builder().code(503).body("upstream connect error\n").build();
                }
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("[\"frontend\",\"backend\"]").build();
            }
        });
        zipkin.start();
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        zipkin.close();
    }

    private SourceState await(String what, Predicate<SourceState> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            SourceState s = session.state(Signal.TRACES);
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        return fail("not within 20 s: " + what + "; TRACES is " + session.state(Signal.TRACES));
    }

    @Test
    void theContextsZipkinServesTracesAndTheStateFollowsIt() throws Exception {
        Config nowhere = new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").withRequestTimeout(500)
                .withConnectionTimeout(500).build();
        session = LiveSession.connect("ctx", Optional.empty(), () -> nowhere, Thread.ofVirtual()::start,
                ContextEndpoints.NONE, Duration.ofMinutes(5));
        assertThat(session.traces()).isEmpty();
        assertThat(session.state(Signal.TRACES)).isInstanceOf(SourceState.NotConfigured.class);

        TraceEndpoint endpoint = TraceEndpoint.url("zipkin", TraceEndpoint.Protocol.ZIPKIN, zipkin.url("/").toString());
        session.useEndpoints(ContextEndpoints.NONE.withTraces(Optional.of(endpoint)), Duration.ofMinutes(5));
        String where = "Zipkin " + zipkin.url("/").toString().replaceAll("/$", "");
        assertThat(await("connected", SourceState.Connected.class::isInstance)).isEqualTo(new SourceState.Connected(where));
        var traces = session.traces().orElseThrow();
        assertThat(traces.describe()).isEqualTo(where);

        down.set(true);
        traces.services(TimeRange.ending(Instant.now(), Duration.ofMinutes(5)));
        assertThat(await("failing", SourceState.Failing.class::isInstance).summary()).contains("HTTP 503")
                .contains("upstream connect error");
        down.set(false);
        traces.services(TimeRange.ending(Instant.now(), Duration.ofMinutes(5))).get();
        await("connected again", SourceState.Connected.class::isInstance);
        assertThat(session.testConnection(endpoint).get()).isEqualTo(where + ": 2 services");

        session.useEndpoints(ContextEndpoints.NONE, Duration.ofMinutes(5));
        assertThat(session.traces()).isEmpty();
        assertThat(session.state(Signal.TRACES)).isInstanceOf(SourceState.NotConfigured.class);
    }
}
