package io.pitwall.connectors.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class LokiDiscoveryTest {

    private static Service service(String ns, String name, String portName, int port) {
        return new ServiceBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata().withNewSpec()
                .addNewPort().withName(portName).withPort(port).endPort().endSpec().build();
    }

    @Test
    void theGatewayComesFirstThenASingleLokiThenTheReadPath() {
        List<LokiDiscovery.Candidate> found = LokiDiscovery.candidates(List.of(
                service("observability", "loki-read", "http-metrics", 3100),
                service("default", "kubernetes", "https", 443),
                service("logging", "loki", "http-metrics", 3100),
                service("loki", "loki-gateway", "http", 80),
                service("monitoring", "prometheus-k8s", "web", 9090),
                service("monitoring", "stack-loki-gateway", "http", 80)));
        assertThat(found).extracting(c -> c.target().describe()).containsExactly(
                "service loki/loki-gateway:http", "service monitoring/stack-loki-gateway:http",
                "service logging/loki:http-metrics", "service observability/loki-read:http-metrics");
        assertThat(found.getFirst().why()).isEqualTo("the loki chart's gateway");
        assertThat(found.getFirst().toLoki().tenant()).isEmpty();
        assertThat(((io.pitwall.connectors.prometheus.EndpointTarget.InCluster) found.getFirst().toLoki().target()).proxyPath()).isEqualTo("api/v1/namespaces/loki/services/loki-gateway:http/proxy");
    }
}
