package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kube-controller-manager and kube-scheduler run beside the apiserver: a Deployment gets a
 * ReplicaSet and a pod, and the pod is bound to a Node the test registers (no kubelet here, so
 * it never runs).
 */
class KubeControlPlaneIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Backends backends = Backends.load();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String namespace = "pitwall-it-" + suffix;
    private final String nodeName = "pitwall-it-node-" + suffix;
    private KubernetesClient admin;

    @BeforeEach
    void setUp() {
        admin = Kube.client(backends, backends.adminContext());
        Kube.createNamespace(admin, namespace);
        admin.nodes().resource(new NodeBuilder().withNewMetadata().withName(nodeName)
                .withLabels(Map.of("kubernetes.io/hostname", nodeName)).endMetadata().build()).create();
        // no kubelet: the test reports the node Ready with room for pods, as a kubelet would
        io.fabric8.kubernetes.api.model.NodeStatus ready = new io.fabric8.kubernetes.api.model.NodeStatusBuilder()
                .withCapacity(Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi"), "pods", new Quantity("110")))
                .withAllocatable(Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi"), "pods", new Quantity("110")))
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                .withLastHeartbeatTime(Instant.now().toString()).withLastTransitionTime(Instant.now().toString())
                .endCondition()
                .build();
        // controllers annotate a new node at once: patch the status rather than replace it
        Kube.retryOnConflict(() -> admin.nodes().withName(nodeName).editStatus(n -> {
            n.setStatus(ready);
            return n;
        }));
        // the TaintNodesByCondition admission taints a new node not-ready; the node lifecycle
        // controller that would lift it does not run here (no kubelets to watch)
        Kube.retryOnConflict(() -> admin.nodes().withName(nodeName).edit(n -> {
            n.getSpec().setTaints(java.util.List.of());
            return n;
        }));
    }

    @AfterEach
    void tearDown() {
        if (admin != null) {
            admin.namespaces().withName(namespace).delete();
            admin.nodes().withName(nodeName).delete();
            admin.close();
        }
    }

    @Test
    void deploymentBecomesAScheduledPod() {
        admin.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(1)
                .withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
                .withNewSpec()
                .withNodeSelector(Map.of("kubernetes.io/hostname", nodeName))
                .addNewContainer().withName("web").withImage("registry.invalid/web:1.0").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();

        await("kube-controller-manager to create a ReplicaSet for the Deployment",
                () -> !admin.apps().replicaSets().inNamespace(namespace).list().getItems().isEmpty());
        await("kube-controller-manager to create a pod for the ReplicaSet",
                () -> !admin.pods().inNamespace(namespace).list().getItems().isEmpty());
        await("kube-scheduler to bind the pod to node " + nodeName, () -> {
            List<Pod> pods = admin.pods().inNamespace(namespace).list().getItems();
            return pods.stream().anyMatch(p -> nodeName.equals(p.getSpec().getNodeName()));
        });
        assertThat(admin.pods().inNamespace(namespace).list().getItems())
                .allSatisfy(p -> assertThat(p.getSpec().getNodeName()).isEqualTo(nodeName));
    }

    private static void await(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("waited " + WAIT.toSeconds() + " s for " + what + " (is it running? backends/backends.sh status)");
    }
}
