package io.pitwall.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.metrics.MetricOrigins;
import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.metrics.PanelSpec.Role;
import io.pitwall.connectors.metrics.Unit;
import io.pitwall.connectors.model.KubeRef;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResourcePanelsTest {

    static Stream<MetricScope> scopes() {
        return Stream.of(new MetricScope.Cluster(), new MetricScope.Node("ip-10-0-1-7.eu-west-1.compute.internal"),
                new MetricScope.Namespace("sock-shop"),
                new MetricScope.Workload(new KubeRef("Deployment", "sock-shop", "carts")),
                new MetricScope.Workload(new KubeRef("StatefulSet", "sock-shop", "carts-db")),
                new MetricScope.Workload(new KubeRef("CronJob", "ops", "backup")),
                new MetricScope.Pod(new KubeRef("Pod", "sock-shop", "carts-5f7b8d89b5-t9cdr")),
                new MetricScope.Container(new KubeRef("Pod", "sock-shop", "carts-5f7b8d89b5-t9cdr"), "carts"));
    }

    @ParameterizedTest
    @MethodSource("scopes")
    void everyScopeHasTheFivePanelsWithTheirUnits(MetricScope scope) {
        List<PanelSpec> panels = ResourcePanels.of(scope);
        assertThat(panels).extracting(PanelSpec::id).containsExactly("cpu", "memory", "network", "restarts", "throttling");
        assertThat(panels).extracting(PanelSpec::unit)
                .containsExactly(Unit.CORES, Unit.BYTES, Unit.BYTES_PER_SECOND, Unit.COUNT, Unit.RATIO);
        for (PanelSpec p : panels) {
            for (PanelSpec.QuerySpec q : p.queries()) {
                assertThat(q.metrics()).as(q.promql()).isNotEmpty();
                for (String m : q.metrics()) {
                    assertThat(q.promql()).as("%s reads %s", q.promql(), m).contains(m);
                    assertThat(MetricOrigins.exporterOf(m)).as(m).isNotEmpty();
                }
                assertThat(balanced(q.promql())).as(q.promql()).isTrue();
            }
        }
        // CPU and memory are drawn against requests and limits (or what the node can give)
        assertThat(panels.get(0).queries()).extracting(PanelSpec.QuerySpec::role).containsExactly(Role.VALUE, Role.REQUEST, Role.LIMIT);
        assertThat(panels.get(1).queries()).extracting(PanelSpec.QuerySpec::role).containsExactly(Role.VALUE, Role.REQUEST, Role.LIMIT);
    }

    @Test
    void podGraphsSelectThePodAndLeaveOutThePauseContainer() {
        PanelSpec cpu = ResourcePanels.of(new MetricScope.Pod(new KubeRef("Pod", "shop", "carts-1"))).getFirst();
        assertThat(cpu.queries().getFirst().promql()).isEqualTo(
                "sum by (container) (rate(container_cpu_usage_seconds_total{namespace=\"shop\",pod=\"carts-1\",container!=\"\","
                        + "container!=\"POD\"}[$__rate_interval]))");
        assertThat(cpu.queries().get(1).promql()).contains("kube_pod_container_resource_requests{namespace=\"shop\",pod=\"carts-1\"")
                .contains("resource=\"cpu\"");
        assertThat(cpu.queries().getFirst().legend()).isEqualTo("{{container}}");
    }

    @Test
    void deploymentPodsComeThroughTheirReplicaSets() {
        String pods = ResourcePanels.podsOf(new KubeRef("Deployment", "shop", "carts"));
        assertThat(pods).contains("kube_pod_owner{namespace=\"shop\",owner_kind=\"ReplicaSet\"}")
                .contains("kube_replicaset_owner{namespace=\"shop\",owner_kind=\"Deployment\",owner_name=\"carts\"}");
        assertThat(ResourcePanels.podsOf(new KubeRef("DaemonSet", "kube-system", "kube-proxy")))
                .isEqualTo("max by (namespace, pod) (kube_pod_owner{namespace=\"kube-system\",owner_kind=\"DaemonSet\",owner_name=\"kube-proxy\"})");
    }

    @Test
    void aWorkloadsGraphsReadOnlyThePodsNamedAfterItThenKeepItsOwn() {
        List<String> queries = ResourcePanels.of(new MetricScope.Workload(new KubeRef("Deployment", "shop", "carts.v2")))
                .stream().flatMap(p -> p.queries().stream()).map(PanelSpec.QuerySpec::promql).toList();
        assertThat(queries).isNotEmpty().allSatisfy(q -> assertThat(q)
                .contains("{namespace=\"shop\",pod=~\"carts\\\\.v2-.+\"")
                .contains("owner_name=\"carts.v2\""));
        assertThat(ResourcePanels.regexLiteral("a.b-c_1")).isEqualTo("a\\.b-c_1");
    }

    @Test
    void aWorkloadQueryWithoutItsPrefilterIsTheOneOlderBundlesHold() {
        String now = ResourcePanels.of(new MetricScope.Workload(new KubeRef("Deployment", "shop", "carts.v2"))).getFirst()
                .queries().getFirst().promql();
        assertThat(ResourcePanels.withoutPodPrefilter(now)).doesNotContain("pod=~")
                .isEqualTo(now.replace(",pod=~\"carts\\\\.v2-.+\"", ""));
        String pod = ResourcePanels.of(new MetricScope.Pod(new KubeRef("Pod", "shop", "carts-1"))).getFirst()
                .queries().getFirst().promql();
        assertThat(ResourcePanels.withoutPodPrefilter(pod)).isEqualTo(pod);
    }

    @Test
    void labelValuesAreEscaped() {
        assertThat(ResourcePanels.esc("a\"b\\c")).isEqualTo("a\\\"b\\\\c");
    }

    /**
     * The names the graphs read are the ones kube-prometheus's own rules read, but for four its
     * rules do not use: container_network_* and the restart count (read by its dashboards), and
     * node exporter's node_uname_info (its uname collector is on by default).
     */
    @Test
    void metricNamesAreTheOnesKubePrometheusRulesRead() {
        String rules = String.join("\n", Fixtures.text("kube-prometheus-kubernetesControlPlane-prometheusRule.yaml"),
                Fixtures.text("kube-prometheus-nodeExporter-prometheusRule.yaml"),
                Fixtures.text("kube-prometheus-kubePrometheus-prometheusRule.yaml"),
                Fixtures.text("kube-prometheus-kubeStateMetrics-prometheusRule.yaml"));
        Set<String> read = new TreeSet<>();
        scopes().forEach(s -> ResourcePanels.of(s).forEach(p -> p.queries().forEach(q -> read.addAll(q.metrics()))));
        Set<String> notInRules = new TreeSet<>();
        for (String m : read) {
            if (!rules.contains(m)) {
                notInRules.add(m);
            }
        }
        assertThat(notInRules).containsExactlyInAnyOrder("container_network_receive_bytes_total",
                "container_network_transmit_bytes_total", "kube_pod_container_status_restarts_total", "node_uname_info");
        assertThat(read).contains("kube_pod_owner", "kube_replicaset_owner", "kube_job_owner",
                "container_cpu_cfs_throttled_periods_total", "node_uname_info", "kube_node_status_allocatable");
    }

    private static boolean balanced(String s) {
        int paren = 0;
        int brace = 0;
        int bracket = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                paren += c == '(' ? 1 : c == ')' ? -1 : 0;
                brace += c == '{' ? 1 : c == '}' ? -1 : 0;
                bracket += c == '[' ? 1 : c == ']' ? -1 : 0;
                if (paren < 0 || brace < 0 || bracket < 0) {
                    return false;
                }
            }
        }
        return paren == 0 && brace == 0 && bracket == 0 && !quoted;
    }
}
