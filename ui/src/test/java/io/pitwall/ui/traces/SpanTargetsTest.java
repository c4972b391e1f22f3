package io.pitwall.ui.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.mapping.TraceAttributes;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Span;
import io.pitwall.connectors.model.SpanKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a span names in the cluster, by the default attributes and by a user's mapping. */
class SpanTargetsTest {

    private static Span span(String service, Map<String, String> tags, Map<String, String> process) {
        return new Span(0, "t", "s", "", service, "GET /", 0, 1, SpanKind.SERVER, 0, tags, process, List.of(), List.of());
    }

    @Test
    void openTelemetrysKubernetesAttributesNameThePodElseTheWorkloadElseTheService() {
        assertThat(SpanTargets.of(span("carts", Map.of(), Map.of("k8s.namespace.name", "shop", "k8s.pod.name", "carts-1"))))
                .contains(new KubeRef("Pod", "shop", "carts-1"));
        assertThat(SpanTargets.of(span("carts", Map.of(), Map.of("k8s.namespace.name", "shop", "k8s.deployment.name", "carts"))))
                .contains(new KubeRef("Deployment", "shop", "carts"));
        assertThat(SpanTargets.of(span("carts", Map.of(), Map.of()))).contains(new KubeRef("Service", "", "carts"));
        assertThat(SpanTargets.of(span("unknown", Map.of(), Map.of()))).isEmpty();
    }

    @Test
    void aMappingNamesOtherAttributes() {
        TraceAttributes mine = new TraceAttributes(List.of("kube.ns"), List.of("kube.pod"), List.of("kube.app"), List.of("app"));
        Span s = span("frontend", Map.of("kube.ns", "shop", "kube.pod", "web-1"), Map.of("k8s.pod.name", "ignored"));
        assertThat(SpanTargets.of(s, mine)).contains(new KubeRef("Pod", "shop", "web-1"));
        assertThat(SpanTargets.of(span("frontend", Map.of("app", "web"), Map.of()), mine)).contains(new KubeRef("Service", "", "web"));
    }
}
