package io.pitwall.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic cluster of the size the Kubernetes issue names: pods spread over workloads (a few
 * large, most small, as real clusters are), services selecting them, nodes. Deterministic.
 */
final class GeneratedCluster {

    private GeneratedCluster() {
    }

    /** fabric8 objects, as informers' lists hold them. */
    static List<HasMetadata> objects(int pods, int workloads, int services, int nodes) {
        Random r = new Random(1);
        List<HasMetadata> all = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            all.add(new NodeBuilder().withNewMetadata().withName("node-" + n).endMetadata()
                    .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build());
        }
        int[] size = new int[workloads];
        for (int p = 0; p < pods; p++) {
            // a few workloads take many pods
            int w = r.nextInt(10) == 0 ? r.nextInt(Math.max(1, workloads / 50)) : r.nextInt(workloads);
            size[w]++;
        }
        for (int w = 0; w < workloads; w++) {
            String ns = "ns-" + (w % 40);
            String name = "app-" + w;
            Map<String, String> labels = Map.of("app", name);
            all.add(new DeploymentBuilder().withNewMetadata().withNamespace(ns).withName(name).withUid("d" + w).endMetadata()
                    .withNewSpec().withReplicas(size[w]).withNewSelector().withMatchLabels(labels).endSelector().endSpec().build());
            all.add(new ReplicaSetBuilder().withNewMetadata().withNamespace(ns).withName(name + "-rs").withUid("r" + w)
                    .addNewOwnerReference().withKind("Deployment").withName(name).withController(true).endOwnerReference()
                    .endMetadata().withNewSpec().withNewSelector().withMatchLabels(labels).endSelector().endSpec().build());
            for (int i = 0; i < size[w]; i++) {
                boolean crashing = r.nextInt(100) == 0;
                all.add(new PodBuilder().withNewMetadata().withNamespace(ns).withName(name + "-rs-" + i).withUid("p" + w + "-" + i)
                        .withLabels(labels)
                        .addNewOwnerReference().withKind("ReplicaSet").withName(name + "-rs").withController(true).endOwnerReference()
                        .endMetadata()
                        .withNewSpec().withNodeName("node-" + r.nextInt(nodes)).endSpec()
                        .withNewStatus().withPhase("Running")
                        .addNewCondition().withType("Ready").withStatus(crashing ? "False" : "True").endCondition()
                        .addNewContainerStatus().withName("app").withRestartCount(crashing ? 7 : 0).withReady(!crashing)
                        .withNewState().withNewRunning().endRunning().endState().endContainerStatus()
                        .endStatus().build());
            }
        }
        for (int s = 0; s < services; s++) {
            int w = s % workloads;
            all.add(new ServiceBuilder().withNewMetadata().withNamespace("ns-" + (w % 40)).withName("svc-" + s).endMetadata()
                    .withNewSpec().withSelector(Map.of("app", "app-" + w)).addNewPort().withPort(80).endPort().endSpec().build());
        }
        return all;
    }
}
