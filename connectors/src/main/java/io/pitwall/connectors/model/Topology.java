package io.pitwall.connectors.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What runs where, as a graph the topology pane lays out: ingresses route to services, services
 * select the pods of workloads, workloads own pods, pods run on nodes. ReplicaSets fold into their
 * Deployment and Jobs into their CronJob, as people think of them.
 *
 * @param groups each top-level workload with its pods (standalone pods form their own group)
 * @param routes ingress -> service edges (by name, in the ingress's namespace)
 * @param serves service -> workload group edges (the service's selector matches the group's pods)
 */
public record Topology(List<IngressInfo> ingresses, List<ServiceInfo> services, List<Group> groups,
                       List<NodeInfo> nodes, List<Edge> routes, List<Edge> serves) {

    /** A workload and its pods, sorted by name so a restart moves nothing. */
    public record Group(KubeRef workload, Optional<WorkloadInfo> info, List<PodInfo> pods) {

        public String id() {
            return workload.toString();
        }

        /** Pods that are not running and ready, or restart. */
        public long unhealthy() {
            return pods.stream().filter(p -> Health.of(p) != Health.OK).count();
        }
    }

    /** A directed edge between two element ids (see {@link #idOf}). */
    public record Edge(String from, String to) {
    }

    /** How a pod is doing, as the pane colours it. */
    public enum Health {
        OK, PENDING, NOT_READY, CRASHING, FAILED, SUCCEEDED;

        public static Health of(PodInfo p) {
            if ("Succeeded".equals(p.phase())) {
                return SUCCEEDED;
            }
            if ("Failed".equals(p.phase()) || p.reason().filter("Evicted"::equals).isPresent()) {
                return FAILED;
            }
            if (p.reason().filter(r -> r.equals("CrashLoopBackOff") || r.equals("OOMKilled") || r.equals("Error")).isPresent()) {
                return CRASHING;
            }
            if ("Pending".equals(p.phase())) {
                return PENDING;
            }
            if (!p.ready()) {
                return NOT_READY;
            }
            return p.restarts() > 0 && p.containers().stream().anyMatch(c -> c.lastTermination()
                    .filter(t -> t.equals("OOMKilled")).isPresent()) ? CRASHING : OK;
        }
    }

    public static String idOf(KubeRef ref) {
        return ref.toString();
    }

    /** Builds the graph from a cluster state. Linear in the number of objects (plus selector matching). */
    public static Topology of(ClusterState state) {
        Map<KubeRef, WorkloadInfo> workloads = new HashMap<>();
        state.workloads().forEach(w -> workloads.put(w.ref(), w));
        Map<KubeRef, List<PodInfo>> byGroup = new LinkedHashMap<>();
        for (PodInfo p : state.pods()) {
            KubeRef top = topOwner(p.owner().orElse(p.ref()), workloads);
            byGroup.computeIfAbsent(top, k -> new ArrayList<>()).add(p);
        }
        // workloads with no pods (scaled to zero, or a CronJob between runs) still show
        for (WorkloadInfo w : state.workloads()) {
            if (w.owner().isEmpty() && !"ReplicaSet".equals(w.kind())) {
                byGroup.computeIfAbsent(w.ref(), k -> new ArrayList<>());
            }
        }
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((ref, pods) -> {
            pods.sort(Comparator.comparing(PodInfo::name));
            groups.add(new Group(ref, Optional.ofNullable(workloads.get(ref)), List.copyOf(pods)));
        });
        groups.sort(Comparator.comparing((Group g) -> g.workload().namespace()).thenComparing(g -> g.workload().name()));

        List<Edge> routes = new ArrayList<>();
        Map<String, ServiceInfo> servicesByName = new HashMap<>();
        state.services().forEach(s -> servicesByName.put(s.namespace() + "/" + s.name(), s));
        for (IngressInfo i : state.ingresses()) {
            for (String svc : i.services()) {
                ServiceInfo s = servicesByName.get(i.namespace() + "/" + svc);
                if (s != null) {
                    routes.add(new Edge(idOf(i.ref()), idOf(s.ref())));
                }
            }
        }
        // a workload's pods share its template's labels: match each service against one pod per group
        Map<String, List<Group>> groupsByNamespace = new HashMap<>();
        groups.forEach(g -> groupsByNamespace.computeIfAbsent(g.workload().namespace(), k -> new ArrayList<>()).add(g));
        List<Edge> serves = new ArrayList<>();
        for (ServiceInfo s : state.services()) {
            if (s.selector().isEmpty()) {
                continue;
            }
            for (Group g : groupsByNamespace.getOrDefault(s.namespace(), List.of())) {
                Map<String, String> labels = g.pods().isEmpty()
                        ? g.info().map(WorkloadInfo::selector).orElse(Map.of())
                        : g.pods().getFirst().labels();
                if (!labels.isEmpty() && labels.entrySet().containsAll(s.selector().entrySet())) {
                    serves.add(new Edge(idOf(s.ref()), g.id()));
                }
            }
        }
        return new Topology(state.ingresses(), state.services(), groups, state.nodes(), routes, serves);
    }

    /** A pod's owner chain up to the workload people name: ReplicaSet to Deployment, Job to CronJob. */
    private static KubeRef topOwner(KubeRef ref, Map<KubeRef, WorkloadInfo> workloads) {
        KubeRef current = ref;
        for (int hops = 0; hops < 4; hops++) {
            WorkloadInfo w = workloads.get(current);
            if (w == null || w.owner().isEmpty()) {
                return current;
            }
            current = w.owner().get();
        }
        return current;
    }

    public Topology {
        ingresses = List.copyOf(ingresses);
        services = List.copyOf(services);
        groups = List.copyOf(groups);
        nodes = List.copyOf(nodes);
        routes = List.copyOf(routes);
        serves = List.copyOf(serves);
    }
}
