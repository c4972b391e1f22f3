package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.PrometheusClient;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import io.pitwall.connectors.prometheus.ServiceProxyTransport;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In-cluster Prometheus through the real API server (1.20): discovery finds a
 * {@code prometheus-k8s} Service, and a query through the service proxy comes back with the API
 * server's own reason. The API server refuses Endpoints on 127.0.0.1 ("may not be in the loopback
 * range"), so the it tier's Prometheus cannot be behind the Service: the successful proxied query
 * is tested on fabric8's mock server (DiscoveryMockServerTest).
 */
class PrometheusServiceProxyIT {

    private final Backends backends = Backends.load();
    private final String ns = "pitwall-prom-" + UUID.randomUUID().toString().substring(0, 8);
    private KubernetesClient admin;

    @BeforeEach
    void createService() {
        admin = Kube.client(backends, backends.adminContext());
        Kube.createNamespace(admin, ns);
        admin.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("prometheus-k8s")
                .withNamespace(ns).endMetadata().withNewSpec().addNewPort().withName("web").withPort(9090).endPort()
                .endSpec().build()).create();
        admin.endpoints().inNamespace(ns).resource(new EndpointsBuilder().withNewMetadata().withName("prometheus-k8s")
                .withNamespace(ns).endMetadata().build()).create();
    }

    @AfterEach
    void deleteNamespace() {
        admin.namespaces().withName(ns).delete();
        admin.close();
    }

    @Test
    void discoveryFindsTheServiceAndTheProxySaysItHasNoEndpoints() {
        List<PrometheusDiscovery.Candidate> found = PrometheusDiscovery.find(admin);
        assertThat(found).anySatisfy(c -> {
            assertThat(c.target()).isEqualTo(new EndpointTarget.InCluster(ns, "prometheus-k8s", "web", "http", ""));
            assertThat(c.why()).isEqualTo("kube-prometheus's Prometheus");
        });
        var target = new EndpointTarget.InCluster(ns, "prometheus-k8s", "web", "http", "");
        try (ServiceProxyTransport t = new ServiceProxyTransport(admin, target, Thread.ofVirtual()::start)) {
            QueryException e = failure(new PrometheusClient(t).buildInfo());
            assertThat(e.errorType()).isEqualTo("unavailable");
            assertThat(e.getMessage()).startsWith("service " + ns + "/prometheus-k8s:web via https://127.0.0.1:")
                    .contains("HTTP 503").contains("no endpoints available for service");
        }
    }

    /** What the settings page does with a live session: discover, test, apply. */
    @Test
    void aLiveSessionDiscoversTestsAndAppliesEndpoints() throws Exception {
        URI prom = backends.require(Backends.Server.PROMETHEUS);
        LiveSession session = LiveSession.connect(backends.adminContext(), Optional.empty(),
                () -> Config.fromKubeconfig(backends.adminContext(), backends.kubeconfig().toFile()), Thread.ofVirtual()::start);
        try {
            assertThat(session.state(Signal.METRICS)).isInstanceOf(SourceState.NotConfigured.class);
            PrometheusDiscovery.Candidate found = session.discoverEndpoints().get(30, TimeUnit.SECONDS).stream()
                    .filter(c -> c.target().namespace().equals(ns)).findFirst().orElseThrow();
            Throwable t = catchThrowable(() -> session.testConnection(found.toPrometheus()).join());
            assertThat(t.getCause()).isInstanceOf(QueryException.class).hasMessageContaining("no endpoints available for service");
            PrometheusEndpoint direct = PrometheusEndpoint.url("local", prom.toString());
            assertThat(session.testConnection(direct).get()).startsWith("Prometheus ");

            session.useEndpoints(new ContextEndpoints(List.of(direct), Optional.empty(), Optional.empty()), Duration.ofMillis(500));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!(session.state(Signal.METRICS) instanceof SourceState.Connected) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(session.state(Signal.METRICS)).isInstanceOf(SourceState.Connected.class);
            assertThat(session.metrics()).isPresent();
            session.useEndpoints(ContextEndpoints.NONE, Duration.ofMillis(500));
            assertThat(session.metrics()).isEmpty();
            assertThat(session.state(Signal.METRICS)).isInstanceOf(SourceState.NotConfigured.class);
        } finally {
            session.close();
        }
    }

    @Test
    void aContextThatMayNotUseTheProxyIsToldSo() {
        try (KubernetesClient viewer = Kube.client(backends, backends.viewerContext());
             ServiceProxyTransport t = new ServiceProxyTransport(viewer,
                     new EndpointTarget.InCluster(ns, "prometheus-k8s", "web", "http", ""), Thread.ofVirtual()::start)) {
            QueryException e = failure(new PrometheusClient(t).labelNames());
            assertThat(e.errorType()).isEqualTo("forbidden");
            assertThat(e.getMessage()).contains("refused access (403 Forbidden)").contains("services/proxy");
        }
    }

    private static QueryException failure(java.util.concurrent.CompletableFuture<?> f) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(f::join);
        assertThat(t).isInstanceOf(CompletionException.class).cause().isInstanceOf(QueryException.class);
        return (QueryException) t.getCause();
    }
}
