package io.pitwall.connectors.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pitwall.connectors.kube.ClusterStates;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The namespace filter on a real cluster dump (sock-shop on GKE, see SOURCES.md) plus objects of other namespaces. */
class ClusterStateTest {

    private static ClusterState dump() throws Exception {
        List<HasMetadata> objects = new ArrayList<>();
        try (InputStream in = ClusterStateTest.class.getResourceAsStream("/kubernetes/gke-namespace-sock-shop-all.json")) {
            objects.addAll(Serialization.unmarshal(in, KubernetesList.class).getItems());
        }
        for (String one : List.of("k9s-pod.json", "k9s-service.json", "k9s-deployment.json", "k9s-node.json", "k9s-event.json")) {
            try (InputStream in = ClusterStateTest.class.getResourceAsStream("/kubernetes/" + one)) {
                objects.add(Serialization.unmarshal(in));
            }
        }
        return ClusterStates.from(objects, Map.of(), Set.of(), Set.of(), Instant.EPOCH);
    }

    @Test
    void oneNamespaceKeepsItsObjectsAndTheNodes() throws Exception {
        ClusterState all = dump();
        assertThat(all.namespaces()).contains("sock-shop").hasSizeGreaterThan(1);
        ClusterState shop = all.inNamespace(Optional.of("sock-shop"));
        assertThat(shop.pods()).isNotEmpty().allSatisfy(p -> assertThat(p.namespace()).isEqualTo("sock-shop"));
        assertThat(shop.pods()).hasSize((int) all.pods().stream().filter(p -> p.namespace().equals("sock-shop")).count());
        assertThat(shop.workloads()).isNotEmpty().allSatisfy(w -> assertThat(w.namespace()).isEqualTo("sock-shop"));
        assertThat(shop.services()).isNotEmpty().allSatisfy(s -> assertThat(s.namespace()).isEqualTo("sock-shop"));
        assertThat(shop.events()).allSatisfy(e -> assertThat(e.object().namespace()).isEqualTo("sock-shop"));
        assertThat(shop.nodes()).isEqualTo(all.nodes());
        assertThat(shop.namespaces()).isEqualTo(all.namespaces());
        assertThat(all.inNamespace(Optional.empty())).isSameAs(all);
        assertThat(all.inNamespace(Optional.of("nowhere")).pods()).isEmpty();
    }

    @Test
    void aDeploymentCoversItsReplicaSetAndPodsAServiceThePodsItSelectsANodeThePodsItRuns() throws Exception {
        ClusterState all = dump();
        KubeRef deployment = new KubeRef("Deployment", "sock-shop", "front-end");
        assertThat(Related.to(deployment, all)).contains(deployment)
                .contains(new KubeRef("ReplicaSet", "sock-shop", "front-end-b5f568888"))
                .contains(new KubeRef("Pod", "sock-shop", "front-end-b5f568888-8gg8p"))
                .doesNotContain(new KubeRef("Pod", "sock-shop", "carts-6bfcf84f4-hsqsd"));
        KubeRef service = new KubeRef("Service", "sock-shop", "carts");
        assertThat(Related.to(service, all)).containsExactly(service, new KubeRef("Pod", "sock-shop", "carts-6bfcf84f4-hsqsd"));
        PodInfo pod = all.pods().stream().filter(p -> !p.nodeName().isEmpty()).findFirst().orElseThrow();
        KubeRef node = new KubeRef("Node", "", pod.nodeName());
        assertThat(Related.to(node, all)).contains(node, pod.ref())
                .allSatisfy(r -> assertThat(r.kind().equals("Node") || all.pods().stream()
                        .anyMatch(p -> p.ref().equals(r) && p.nodeName().equals(node.name()))).isTrue());
        assertThat(Related.to(pod.ref(), all)).containsExactly(pod.ref());
    }

    @Test
    void theOverviewCountsPhasesRestartsAndWhatTheNodesCanAllocate() throws Exception {
        ClusterState all = dump();
        Overview o = Overview.of(all, Optional.of("sock-shop"), java.util.OptionalDouble.of(1.5),
                java.util.OptionalDouble.empty(), 2);
        assertThat(o.scope()).isEqualTo("namespace sock-shop");
        assertThat(o.podsByPhase().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(13);
        assertThat(o.nodes()).isEqualTo(all.nodes().size()).isPositive();
        // k9s-node.json allocates real quantities: cpu in cores or millicores, memory in Ki
        NodeInfo node = all.nodes().getFirst();
        assertThat(node.cpuCores()).isPositive();
        assertThat(node.memoryBytes()).isGreaterThan(1024.0 * 1024 * 1024);
        assertThat(o.cpuAllocatable()).isEqualTo(all.nodes().stream().mapToDouble(NodeInfo::cpuCores).sum());
        assertThat(o.firingAlerts()).isEqualTo(2);
        assertThat(o.cpuUsed()).hasValue(1.5);
    }
}
