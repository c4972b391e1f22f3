package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.client.Config;
import io.pitwall.connectors.it.Backends.Server;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Prometheus goes away and comes back under a live session: the METRICS source turns Failing
 * with the reason, Alertmanager's ALERTS source is unaffected, and METRICS is Connected again by
 * itself once Prometheus is restarted.
 */
class PrometheusRestartIT {

    private final Backends backends = Backends.load();

    @Test
    void aStoppedPrometheusIsReportedAndRecoveredFrom() throws Exception {
        URI prom = backends.require(Server.PROMETHEUS);
        URI am = backends.require(Server.ALERTMANAGER);
        ContextEndpoints endpoints = new ContextEndpoints(List.of(PrometheusEndpoint.url("prometheus", prom.toString())),
                Optional.empty(), Optional.of(AlertmanagerEndpoint.url("alertmanager", am.toString())));
        LiveSession session = LiveSession.connect(backends.adminContext(), Optional.empty(),
                () -> Config.fromKubeconfig(backends.adminContext(), backends.kubeconfig().toFile()),
                Thread.ofVirtual()::start, endpoints, Duration.ofMillis(500));
        try {
            await("metrics connected", Duration.ofSeconds(20), () -> session.state(Signal.METRICS) instanceof SourceState.Connected c
                    && c.endpoint().contains("Prometheus"), session);
            assertThat(session.metrics()).isPresent();
            assertThat(session.alerts()).isPresent();

            Backends.script("stop", "prometheus");
            await("metrics failing with the reason", Duration.ofSeconds(20),
                    () -> session.state(Signal.METRICS) instanceof SourceState.Failing f
                            && f.reason().equals("cannot reach " + prom.toString().replaceAll("/$", "") + ": connection refused"),
                    session);
            assertThat(session.state(Signal.ALERTS)).isInstanceOf(SourceState.Connected.class);
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> session.metrics().orElseThrow()
                    .queryRange("up", TimeRange.ending(Instant.now(), Duration.ofMinutes(1)), Duration.ofSeconds(15)).join());
            assertThat(t.getCause()).hasMessageContaining("connection refused");

            Backends.script("up");
            await("metrics connected again", Duration.ofSeconds(60),
                    () -> session.state(Signal.METRICS) instanceof SourceState.Connected, session);
            assertThat(session.metrics().orElseThrow().queryRange("up", TimeRange.ending(Instant.now(), Duration.ofMinutes(1)),
                    Duration.ofSeconds(15)).get().query()).isEqualTo("up");
        } finally {
            session.close();
            Backends.script("up"); // whatever happened, leave Prometheus running for the next tests
        }
    }

    private static void await(String what, Duration limit, BooleanSupplier condition, LiveSession s) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("waited " + limit.toSeconds() + " s for " + what + "; metrics: " + s.state(Signal.METRICS) + "; alerts: "
                + s.state(Signal.ALERTS));
    }
}
