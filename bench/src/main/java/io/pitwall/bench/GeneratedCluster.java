package io.pitwall.bench;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic cluster of the size the Kubernetes issue names: pods spread over workloads (a few
 * large, most small, as real clusters are; one in twelve a StatefulSet, the rest Deployments with
 * their ReplicaSet), services selecting them, an ingress for one service in 23, nodes (two
 * of them not ready). Most pods run; about 1% crash-loop, and a few are pending, not ready or
 * evicted. Deterministic.
 */
final class GeneratedCluster {

    private GeneratedCluster() {
    }

    /** fabric8 objects, as informers' lists hold them. */
    static List<HasMetadata> objects(int pods, int workloads, int services, int nodes) {
        Random r = new Random(1);
        List<HasMetadata> all = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            boolean ready = n % 100 != 57;
            all.add(new NodeBuilder().withNewMetadata().withName("node-" + n).endMetadata()
                    .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                    .endStatus().build());
        }
        int[] size = new int[workloads];
        for (int p = 0; p < pods; p++) {
            // a few workloads take many pods
            int w = r.nextInt(10) == 0 ? r.nextInt(Math.max(1, workloads / 50)) : r.nextInt(workloads);
            size[w]++;
        }
        for (int w = 0; w < workloads; w++) {
            String ns = namespace(w);
            String name = "app-" + w;
            Map<String, String> labels = Map.of("app", name);
            String owner;
            String ownerKind;
            if (w % 12 == 11) {
                all.add(new StatefulSetBuilder().withNewMetadata().withNamespace(ns).withName(name).withUid("s" + w).endMetadata()
                        .withNewSpec().withReplicas(size[w]).withNewSelector().withMatchLabels(labels).endSelector().endSpec().build());
                owner = name;
                ownerKind = "StatefulSet";
            } else {
                all.add(new DeploymentBuilder().withNewMetadata().withNamespace(ns).withName(name).withUid("d" + w).endMetadata()
                        .withNewSpec().withReplicas(size[w]).withNewSelector().withMatchLabels(labels).endSelector().endSpec().build());
                all.add(new ReplicaSetBuilder().withNewMetadata().withNamespace(ns).withName(name + "-rs").withUid("r" + w)
                        .addNewOwnerReference().withKind("Deployment").withName(name).withController(true).endOwnerReference()
                        .endMetadata().withNewSpec().withNewSelector().withMatchLabels(labels).endSelector().endSpec().build());
                owner = name + "-rs";
                ownerKind = "ReplicaSet";
            }
            for (int i = 0; i < size[w]; i++) {
                all.add(pod(ns, owner + "-" + i, "p" + w + "-" + i, labels, ownerKind, owner, "node-" + r.nextInt(nodes),
                        r.nextInt(1000)));
            }
        }
        for (int s = 0; s < services; s++) {
            int w = s % workloads;
            all.add(new ServiceBuilder().withNewMetadata().withNamespace(namespace(w)).withName("svc-" + s).endMetadata()
                    .withNewSpec().withSelector(Map.of("app", "app-" + w)).addNewPort().withPort(80).endPort().endSpec().build());
            if (s % 23 == 0) {
                all.add(new IngressBuilder().withNewMetadata().withNamespace(namespace(w)).withName("web-" + s).endMetadata()
                        .withNewSpec().addNewRule().withHost("svc-" + s + ".example.com").withNewHttp().addNewPath()
                        .withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName("svc-" + s)
                        .withNewPort().withNumber(80).endPort().endService().endBackend().endPath().endHttp().endRule()
                        .endSpec().build());
            }
        }
        return all;
    }

    static String namespace(int workload) {
        return "ns-" + (workload % 40);
    }

    /** A pod whose state follows {@code dice} (0-999): mostly running, a few crash-looping, pending, not ready, evicted. */
    static io.fabric8.kubernetes.api.model.Pod pod(String ns, String name, String uid, Map<String, String> labels,
                                                   String ownerKind, String owner, String node, int dice) {
        boolean crashing = dice < 10;
        boolean pending = dice >= 10 && dice < 15;
        boolean notReady = dice >= 15 && dice < 18;
        boolean evicted = dice >= 18 && dice < 20;
        ContainerStatusBuilder container = new ContainerStatusBuilder().withName("app").withReady(!(crashing || notReady))
                .withRestartCount(crashing ? 7 : dice % 97 == 0 ? 1 : 0);
        if (crashing) {
            container.withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState();
        } else {
            container.withNewState().withNewRunning().endRunning().endState();
        }
        PodBuilder pod = new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).withUid(uid).withLabels(labels)
                .addNewOwnerReference().withKind(ownerKind).withName(owner).withController(true).endOwnerReference()
                .endMetadata()
                .withNewSpec().withNodeName(pending ? null : node).endSpec();
        if (pending) {
            return pod.withNewStatus().withPhase("Pending").endStatus().build();
        }
        if (evicted) {
            return pod.withNewStatus().withPhase("Failed").withReason("Evicted").endStatus().build();
        }
        return pod.withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus(crashing || notReady ? "False" : "True").endCondition()
                .withContainerStatuses(container.build())
                .endStatus().build();
    }
}
