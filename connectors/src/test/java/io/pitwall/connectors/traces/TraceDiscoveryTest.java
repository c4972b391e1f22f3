package io.pitwall.connectors.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import io.pitwall.connectors.prometheus.TraceEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceDiscoveryTest {

    private static Service service(String ns, String name, String portName, int port) {
        return new ServiceBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata().withNewSpec()
                .addNewPort().withName(portName).withPort(port).endPort().endSpec().build();
    }

    @Test
    void queryServicesComeFirstThenAllInOnesThenZipkinAndCollectorsAreLeftOut() {
        List<TraceDiscovery.Candidate> found = TraceDiscovery.candidates(List.of(
                service("observability", "jaeger-collector", "http-zipkin", 9411),
                service("tracing", "zipkin", "http", 9411),
                service("default", "kubernetes", "https", 443),
                service("observability", "simplest-query", "http-query", 16686),
                service("monitoring", "thanos-query", "http", 9090),
                service("jaeger", "jaeger", "query", 16686),
                service("observability", "otel-collector", "zipkin", 9411),
                service("observability", "tempo-jaeger-query", "jaeger-ui", 16686)));
        assertThat(found).extracting(c -> c.kind() + " " + c.target().describe()).containsExactly(
                "JAEGER service observability/simplest-query:http-query",
                "JAEGER service observability/tempo-jaeger-query:jaeger-ui",
                "JAEGER service jaeger/jaeger:query",
                "ZIPKIN service tracing/zipkin:http");
        TraceEndpoint e = found.getFirst().toTraceEndpoint();
        assertThat(e.protocol()).isEqualTo(TraceEndpoint.Protocol.JAEGER_V1);
        assertThat(e.name()).isEqualTo("simplest-query");
        assertThat(found.getLast().toTraceEndpoint().protocol()).isEqualTo(TraceEndpoint.Protocol.ZIPKIN);
        assertThat(found.getLast().asCandidate().kind()).isEqualTo(PrometheusDiscovery.Kind.ZIPKIN);
    }
}
