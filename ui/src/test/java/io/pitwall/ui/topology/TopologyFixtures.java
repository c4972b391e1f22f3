package io.pitwall.ui.topology;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.IngressInfo;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.NodeInfo;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.ServiceInfo;
import io.pitwall.connectors.model.WorkloadInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A small cluster for the topology's tests. Namespace "shop": Deployment web (ReplicaSet
 * web-abc, {@code webPods} pods web-abc-0.., web-abc-2 crash-looping), Service web, Ingress
 * shop; Deployment big ({@code bigPods} pods). Namespace "pay": StatefulSet db (3 pods), Service
 * db. Nodes node-1, node-2 and node-3 (not ready); pod i runs on node-(i % 3 + 1).
 */
final class TopologyFixtures {

    private TopologyFixtures() {
    }

    static ClusterState cluster(int webPods, int bigPods) {
        return cluster(webPods, bigPods, p -> p);
    }

    /** As {@link #cluster(int, int)}, each pod passed through {@code change} (null drops it). */
    static ClusterState cluster(int webPods, int bigPods, UnaryOperator<PodInfo> change) {
        List<PodInfo> pods = new ArrayList<>();
        for (int i = 0; i < webPods; i++) {
            boolean crashing = i == 2;
            pods.add(pod("shop", "web-abc-" + i, "web", new KubeRef("ReplicaSet", "shop", "web-abc"), i, crashing));
        }
        for (int i = 0; i < bigPods; i++) {
            pods.add(pod("shop", "big-xyz-" + i, "big", new KubeRef("ReplicaSet", "shop", "big-xyz"), i, false));
        }
        for (int i = 0; i < 3; i++) {
            pods.add(pod("pay", "db-" + i, "db", new KubeRef("StatefulSet", "pay", "db"), i + 1, false));
        }
        pods.replaceAll(change);
        pods.removeIf(java.util.Objects::isNull);
        List<WorkloadInfo> workloads = List.of(
                new WorkloadInfo("Deployment", "shop", "web", "d1", Map.of(), Map.of("app", "web"), Optional.empty(), webPods, webPods - 1),
                new WorkloadInfo("ReplicaSet", "shop", "web-abc", "r1", Map.of(), Map.of("app", "web"),
                        Optional.of(new KubeRef("Deployment", "shop", "web")), webPods, webPods - 1),
                new WorkloadInfo("Deployment", "shop", "big", "d2", Map.of(), Map.of("app", "big"), Optional.empty(), bigPods, bigPods),
                new WorkloadInfo("ReplicaSet", "shop", "big-xyz", "r2", Map.of(), Map.of("app", "big"),
                        Optional.of(new KubeRef("Deployment", "shop", "big")), bigPods, bigPods),
                new WorkloadInfo("StatefulSet", "pay", "db", "s1", Map.of(), Map.of("app", "db"), Optional.empty(), 3, 3));
        List<ServiceInfo> services = List.of(
                new ServiceInfo("shop", "web", "ClusterIP", Map.of("app", "web"), List.of("80/TCP")),
                new ServiceInfo("pay", "db", "ClusterIP", Map.of("app", "db"), List.of("5432/TCP")));
        List<IngressInfo> ingresses = List.of(new IngressInfo("shop", "shop", List.of("shop.example.com"), List.of("web")));
        List<NodeInfo> nodes = List.of(node("node-1", true), node("node-2", true), node("node-3", false));
        return new ClusterState(Instant.EPOCH, List.of("pay", "shop"), nodes, pods, workloads, services, ingresses, List.of(),
                Map.of(), Set.of(), Set.of());
    }

    static PodInfo pod(String ns, String name, String app, KubeRef owner, int i, boolean crashing) {
        return new PodInfo(ns, name, "u-" + name, Map.of("app", app), Optional.of(owner), "node-" + (i % 3 + 1), "Running",
                !crashing, crashing ? 5 : 0, crashing ? Optional.of("CrashLoopBackOff") : Optional.empty(), List.of(),
                Instant.EPOCH);
    }

    static NodeInfo node(String name, boolean ready) {
        return new NodeInfo(name, Map.of(), ready, true, "4", "16Gi");
    }

    /** The same pod, restarted once more (a status change that moves nothing). */
    static PodInfo restarted(PodInfo p) {
        return new PodInfo(p.namespace(), p.name(), p.uid(), p.labels(), p.owner(), p.nodeName(), p.phase(), p.ready(),
                p.restarts() + 1, p.reason(), p.containers(), p.created());
    }
}
