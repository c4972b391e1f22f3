package io.pitwall.connectors.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.prometheus.ResourcePanels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping between signals: Prometheus labels renamed in queries, the file read with clear refusals. */
class SignalMappingTest {

    private static final PromLabels OLD_STYLE = new PromLabels("kubernetes_namespace", "kubernetes_pod_name", "container_name", "node");

    @Test
    void labelNamesAreRenamedInSelectorsAndGroupingsButNotInMetricNamesValuesOrStrings() {
        String q = "sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{namespace=\"pod\",container!=\"\","
                + "container!~\"POD\"}[5m])) * on (namespace, pod) group_left () max by (namespace, pod) "
                + "(label_replace(kube_pod_owner{namespace=\"pod\"}, \"replicaset\", \"$1\", \"owner_name\", \"(.*)\"))";
        assertThat(OLD_STYLE.rename(q)).isEqualTo("sum by (kubernetes_namespace, kubernetes_pod_name) (rate("
                + "container_cpu_usage_seconds_total{kubernetes_namespace=\"pod\",container_name!=\"\",container_name!~\"POD\"}[5m]))"
                + " * on (kubernetes_namespace, kubernetes_pod_name) group_left () max by (kubernetes_namespace, kubernetes_pod_name) "
                + "(label_replace(kube_pod_owner{kubernetes_namespace=\"pod\"}, \"replicaset\", \"$1\", \"owner_name\", \"(.*)\"))");
        assertThat(OLD_STYLE.renameLegend("{{pod}} in")).isEqualTo("{{kubernetes_pod_name}} in");
        assertThat(PromLabels.DEFAULTS.rename(q)).isSameAs(q);
    }

    @Test
    void everyPanelOfEveryScopeUsesTheMappedNames() {
        KubeRef pod = new KubeRef("Pod", "shop", "carts-1");
        for (MetricScope scope : List.of(new MetricScope.Cluster(), new MetricScope.Namespace("shop"), new MetricScope.Node("n1"),
                new MetricScope.Workload(new KubeRef("Deployment", "shop", "carts")), new MetricScope.Pod(pod),
                new MetricScope.Container(pod, "carts"))) {
            List<PanelSpec> mapped = ResourcePanels.of(scope, OLD_STYLE);
            assertThat(mapped).hasSameSizeAs(ResourcePanels.of(scope, PromLabels.DEFAULTS));
            for (PanelSpec p : mapped) {
                for (PanelSpec.QuerySpec q : p.queries()) {
                    assertThat(q.promql()).as(scope + " " + p.id()).doesNotContainPattern("[{,(]\\s*(namespace|pod|container)\\b");
                    assertThat(q.legend()).doesNotContain("{{pod}}", "{{container}}");
                }
            }
        }
        assertThat(ResourcePanels.of(new MetricScope.Pod(pod), OLD_STYLE).getFirst().queries().getFirst().promql())
                .contains("kubernetes_pod_name=\"carts-1\"");
    }

    @Test
    void aFileSetsOnlyWhatItNamesAndNoFileIsTheDefaults(@TempDir Path dir) throws Exception {
        assertThat(SignalMappings.read(dir.resolve("mapping.json"))).isEqualTo(SignalMapping.DEFAULTS);
        Path file = Files.writeString(dir.resolve("mapping.json"), """
                {"prometheus": {"pod": "kubernetes_pod_name"},
                 "traces": {"pod": ["pod_id"], "service": "app"}}
                """);
        SignalMapping m = SignalMappings.read(file);
        assertThat(m.prometheus()).isEqualTo(new PromLabels("namespace", "kubernetes_pod_name", "container", "node"));
        assertThat(m.traces().pod()).containsExactly("pod_id");
        assertThat(m.traces().service()).containsExactly("app");
        assertThat(m.traces().namespace()).isEqualTo(TraceAttributes.DEFAULTS.namespace());
    }

    @Test
    void aBadFileIsRefusedInOneSentence() {
        assertThatThrownBy(() -> SignalMappings.parse("{\"prometheus\": {\"pod\": \"kube pod\"}}", "mapping.json"))
                .isInstanceOf(SignalMappings.BadMapping.class).hasMessage("mapping.json: prometheus: \"kube pod\" is not a Prometheus label name");
        assertThatThrownBy(() -> SignalMappings.parse("{\"prometeus\": {}}", "mapping.json"))
                .hasMessageContaining("unknown part \"prometeus\" (known: prometheus, traces)");
        assertThatThrownBy(() -> SignalMappings.parse("{\"traces\": {\"pod\": [1]}}", "mapping.json"))
                .hasMessageContaining("traces.pod must list attribute names");
        assertThatThrownBy(() -> SignalMappings.parse("{not json", "mapping.json")).hasMessageStartingWith("mapping.json is not JSON");
        assertThatThrownBy(() -> SignalMappings.parse("[]", "mapping.json")).hasMessageContaining("one JSON object");
    }
}
