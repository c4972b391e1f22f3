package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.EventInfo;
import io.pitwall.connectors.model.IngressInfo;
import io.pitwall.connectors.model.NodeInfo;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.ServiceInfo;
import io.pitwall.connectors.model.WorkloadInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A {@link ClusterState} from fabric8 objects: what the watcher's caches or a bundle's lists hold. */
public final class ClusterStates {

    private ClusterStates() {
    }

    /**
     * @param counts objects per kind, for the kinds without a record of their own (may be empty)
     */
    public static ClusterState from(Collection<? extends HasMetadata> objects, Map<String, Integer> counts,
                                    Set<String> noAccess, Set<String> absent, Instant at) {
        Set<String> namespaces = new TreeSet<>();
        List<NodeInfo> nodes = new ArrayList<>();
        List<PodInfo> pods = new ArrayList<>();
        List<WorkloadInfo> workloads = new ArrayList<>();
        List<ServiceInfo> services = new ArrayList<>();
        List<IngressInfo> ingresses = new ArrayList<>();
        List<EventInfo> events = new ArrayList<>();
        for (HasMetadata o : objects) {
            switch (o) {
                case Namespace n -> {
                    if (n.getMetadata() != null && n.getMetadata().getName() != null) {
                        namespaces.add(n.getMetadata().getName());
                    }
                }
                case Node n -> nodes.add(KubeMapping.node(n));
                case Pod p -> pods.add(KubeMapping.pod(p));
                case Service s -> services.add(KubeMapping.service(s));
                case Event ev -> events.add(KubeMapping.event(ev));
                case Deployment d -> workloads.add(KubeMapping.deployment(d));
                case ReplicaSet r -> workloads.add(KubeMapping.replicaSet(r));
                case StatefulSet s -> workloads.add(KubeMapping.statefulSet(s));
                case DaemonSet d -> workloads.add(KubeMapping.daemonSet(d));
                case Job j -> workloads.add(KubeMapping.job(j));
                case io.fabric8.kubernetes.api.model.batch.v1.CronJob c -> workloads.add(KubeMapping.cronJob(c));
                case io.fabric8.kubernetes.api.model.batch.v1beta1.CronJob c -> workloads.add(KubeMapping.cronJob(c));
                case Ingress i -> ingresses.add(KubeMapping.ingress(i));
                default -> {
                }
            }
            // a viewer who may not list namespaces still sees the ones its objects live in
            if (o.getMetadata() != null && o.getMetadata().getNamespace() != null) {
                namespaces.add(o.getMetadata().getNamespace());
            }
        }
        pods.sort(Comparator.comparing(PodInfo::namespace).thenComparing(PodInfo::name));
        events.sort(Comparator.comparing(EventInfo::last));
        return new ClusterState(at, List.copyOf(namespaces), nodes, pods, workloads, services, ingresses, events, counts,
                noAccess, absent);
    }
}
