package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
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
