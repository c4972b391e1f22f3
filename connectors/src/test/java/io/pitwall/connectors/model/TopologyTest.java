package io.pitwall.connectors.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pitwall.connectors.kube.ClusterStates;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The topology of a real namespace (the sock-shop of a GKE cluster, test resources). */
class TopologyTest {

    private static ClusterState sockShop() {
        try (InputStream in = TopologyTest.class.getResourceAsStream("/kubernetes/gke-namespace-sock-shop-all.json")) {
            KubernetesList list = Serialization.unmarshal(in, KubernetesList.class);
            return ClusterStates.from(list.getItems(), Map.of(), Set.of(), Set.of(), Instant.EPOCH);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void podsFoldIntoTheirDeploymentsThroughReplicaSets() {
        Topology t = Topology.of(sockShop());
        assertThat(t.groups()).hasSize(13).allSatisfy(g -> {
            assertThat(g.workload().kind()).isEqualTo("Deployment");
            assertThat(g.pods()).hasSize(1);
        });
        assertThat(t.groups()).extracting(g -> g.workload().name()).contains("carts", "front-end", "orders");
    }

    @Test
    void servicesServeTheWorkloadsTheirSelectorsMatch() {
        Topology t = Topology.of(sockShop());
        assertThat(t.serves()).contains(new Topology.Edge("Service sock-shop/carts", "Deployment sock-shop/carts"),
                new Topology.Edge("Service sock-shop/front-end", "Deployment sock-shop/front-end"));
        assertThat(t.serves()).filteredOn(e -> e.from().equals("Service sock-shop/carts")).hasSize(1);
    }

    @Test
    void ingressesRouteToServicesByName() {
        ClusterState s = sockShop();
        ClusterState withIngress = new ClusterState(s.at(), s.namespaces(), s.nodes(), s.pods(), s.workloads(),
                s.services(), java.util.List.of(new IngressInfo("sock-shop", "shop", java.util.List.of("shop.example"),
                        java.util.List.of("front-end", "missing"))), s.events(), s.counts(), s.noAccess(), s.absent());
        assertThat(Topology.of(withIngress).routes())
                .containsExactly(new Topology.Edge("Ingress sock-shop/shop", "Service sock-shop/front-end"));
    }

    @Test
    void healthFromPhaseReadinessAndReasons() {
        PodInfo ok = pod("Running", true, 0, Optional.empty(), Optional.empty());
        assertThat(Topology.Health.of(ok)).isEqualTo(Topology.Health.OK);
        assertThat(Topology.Health.of(pod("Pending", false, 0, Optional.empty(), Optional.empty())))
                .isEqualTo(Topology.Health.PENDING);
        assertThat(Topology.Health.of(pod("Running", false, 4, Optional.of("CrashLoopBackOff"), Optional.empty())))
                .isEqualTo(Topology.Health.CRASHING);
        assertThat(Topology.Health.of(pod("Running", true, 4, Optional.empty(), Optional.of("OOMKilled"))))
                .isEqualTo(Topology.Health.CRASHING);
        assertThat(Topology.Health.of(pod("Failed", false, 0, Optional.of("Evicted"), Optional.empty())))
                .isEqualTo(Topology.Health.FAILED);
        assertThat(Topology.Health.of(pod("Running", false, 0, Optional.empty(), Optional.empty())))
                .isEqualTo(Topology.Health.NOT_READY);
    }

    private static PodInfo pod(String phase, boolean ready, int restarts, Optional<String> reason, Optional<String> last) {
        return new PodInfo("ns", "p", "uid", Map.of(), Optional.empty(), "node", phase, ready, restarts, reason,
                java.util.List.of(new PodInfo.ContainerInfo("c", "img", ready, restarts, "running", Optional.empty(), last)),
                Instant.EPOCH);
    }
}
