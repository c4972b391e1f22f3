package io.pitwall.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.pitwall.connectors.metrics.QueryException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery and the service proxy on fabric8's mock API server: the usual installs' Services are
 * recognised and ranked, and queries go to {@code /api/v1/namespaces/NS/services/NAME:PORT/proxy/}
 * with the context's credentials.
 */
class DiscoveryMockServerTest {

    private final KubernetesMockServer server = new KubernetesMockServer(false);
    private KubernetesClient client;

    @BeforeEach
    void start() {
        server.init();
        client = server.createClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    private static Service service(String ns, String name, String portName, int port) {
        return new ServiceBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withNewSpec().addNewPort().withName(portName).withPort(port).endPort().endSpec().build();
    }

    @Test
    void usualInstallsAreFoundAndRanked() {
        server.expect().get().withPath("/api/v1/services").andReturn(200, new ServiceListBuilder().withItems(
                service("shop", "carts", "http", 80),
                service("monitoring", "prometheus-operated", "web", 9090),
                service("monitoring", "prometheus-k8s", "web", 9090),
                service("monitoring", "alertmanager-main", "web", 9093),
                service("observability", "kps-kube-prometheus-prometheus", "http-web", 9090),
                service("metrics", "prometheus-server", "http", 80),
                service("mimir", "mimir-gateway", "http-metrics", 80),
                service("vm", "vmselect-vm", "http", 8481)).build()).once();
        List<PrometheusDiscovery.Candidate> found = PrometheusDiscovery.find(client);
        assertThat(found).extracting(c -> c.target().describe()).containsExactly(
                "service monitoring/prometheus-k8s:web",
                "service observability/kps-kube-prometheus-prometheus:http-web",
                "service monitoring/prometheus-operated:web",
                "service metrics/prometheus-server:http",
                "service mimir/mimir-gateway:http-metrics/prometheus",
                "service vm/vmselect-vm:http/select/0/prometheus",
                "service monitoring/alertmanager-main:web");
        assertThat(found.getLast().kind()).isEqualTo(PrometheusDiscovery.Kind.ALERTMANAGER);
        assertThat(found.get(4).flavor()).isEqualTo(PrometheusEndpoint.Flavor.MIMIR);
    }

    @Test
    void whenListingEverywhereIsForbiddenTheUsualNamespacesAreAsked() {
        server.expect().get().withPath("/api/v1/services").andReturn(403, "{\"kind\":\"Status\",\"code\":403}").once();
        server.expect().get().withPath("/api/v1/namespaces/monitoring/services")
                .andReturn(200, new ServiceListBuilder().withItems(service("monitoring", "prometheus-k8s", "web", 9090)).build())
                .once();
        assertThat(PrometheusDiscovery.find(client)).singleElement()
                .extracting(c -> c.target().service()).isEqualTo("prometheus-k8s");
    }

    @Test
    void queriesGoThroughTheServiceProxy() throws Exception {
        var target = new EndpointTarget.InCluster("monitoring", "prometheus-k8s", "9090", "http", "");
        server.expect().get()
                .withPath("/api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy/api/v1/label/__name__/values")
                .andReturn(200, Fixtures.text("label-values.json")).once();
        var transport = new ServiceProxyTransport(client, target, Runnable::run);
        assertThat(transport.endpoint()).startsWith("service monitoring/prometheus-k8s:9090 via http");
        PrometheusClient prom = new PrometheusClient(transport);
        assertThat(prom.metricNames().get()).containsExactly("200", "504");
        assertThat(server.getLastRequest().getHeader("User-Agent")).isNotBlank();
    }

    @Test
    void theProxysStatusIsTheReason() {
        var target = new EndpointTarget.InCluster("monitoring", "prometheus-k8s", "web", "https", "");
        server.expect().get().withPath("/api/v1/namespaces/monitoring/services/https:prometheus-k8s:web/proxy/api/v1/labels")
                .andReturn(503, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                        + "\"message\":\"no endpoints available for service \\\"https:prometheus-k8s:web\\\"\","
                        + "\"reason\":\"ServiceUnavailable\",\"code\":503}").always();
        QueryException e = PrometheusClientTest.failure(new PrometheusClient(new ServiceProxyTransport(client, target,
                Runnable::run)).labelNames());
        assertThat(e.errorType()).isEqualTo("unavailable");
        assertThat(e.getMessage()).contains("service monitoring/prometheus-k8s:web via")
                .contains("no endpoints available for service");
    }

    @Test
    void proxyUrlKeepsTheApiServersOwnPathAndTheBackendsPrefix() {
        var target = new EndpointTarget.InCluster("mimir", "mimir-gateway", "http-metrics", "http", "/prometheus");
        assertThat(ServiceProxyTransport.proxyBase("https://rancher.example.com/k8s/clusters/c-abc", target).toString())
                .isEqualTo("https://rancher.example.com/k8s/clusters/c-abc/api/v1/namespaces/mimir/services/"
                        + "mimir-gateway:http-metrics/proxy/prometheus/");
    }
}
