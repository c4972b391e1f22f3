package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.pitwall.connectors.model.EventInfo;
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
import java.util.Objects;
import java.util.Optional;

/** From fabric8's objects to Pitwall's records: nothing of fabric8 leaves the connectors. */
public final class KubeMapping {

    private KubeMapping() {
    }

    public static PodInfo pod(Pod p) {
        var status = p.getStatus();
        Map<String, ContainerStatus> statuses = new java.util.LinkedHashMap<>();
        if (status != null && status.getContainerStatuses() != null) {
            status.getContainerStatuses().stream().filter(cs -> cs != null && cs.getName() != null)
                    .forEach(cs -> statuses.put(cs.getName(), cs));
        }
        // the spec's containers in its order (a pending pod has no statuses yet), then any status without one
        Map<String, Container> specs = new java.util.LinkedHashMap<>();
        if (p.getSpec() != null && p.getSpec().getContainers() != null) {
            p.getSpec().getContainers().stream().filter(c -> c != null && c.getName() != null)
                    .forEach(c -> specs.put(c.getName(), c));
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>(specs.keySet());
        names.addAll(statuses.keySet());
        List<PodInfo.ContainerInfo> containers = new ArrayList<>();
        int restarts = 0;
        String waiting = null;
        String terminated = null;
        for (String cname : names) {
            ContainerStatus cs = statuses.get(cname);
            Container spec = specs.get(cname);
            int r = cs == null || cs.getRestartCount() == null ? 0 : cs.getRestartCount();
            restarts += r;
            String state = cs == null ? "not started" : "unknown";
            Optional<String> stateReason = Optional.empty();
            if (cs != null && cs.getState() != null && cs.getState().getRunning() != null) {
                state = "running";
            } else if (cs != null && cs.getState() != null && cs.getState().getWaiting() != null) {
                state = "waiting";
                stateReason = Optional.ofNullable(cs.getState().getWaiting().getReason());
                waiting = waiting == null ? stateReason.orElse(null) : waiting;
            } else if (cs != null && cs.getState() != null && cs.getState().getTerminated() != null) {
                state = "terminated";
                stateReason = Optional.ofNullable(cs.getState().getTerminated().getReason());
                terminated = terminated == null ? stateReason.orElse(null) : terminated;
            }
            Optional<String> last = Optional.ofNullable(cs).map(ContainerStatus::getLastState)
                    .map(s -> s.getTerminated()).map(t -> t.getReason());
            String image = cs != null && cs.getImage() != null ? cs.getImage() : spec == null ? "" : spec.getImage();
            ResourceRequirements res = spec == null ? null : spec.getResources();
            containers.add(new PodInfo.ContainerInfo(cname, image, cs != null && Boolean.TRUE.equals(cs.getReady()),
                    r, state, stateReason, last, quantities(res == null ? null : res.getRequests()),
                    quantities(res == null ? null : res.getLimits())));
        }
        List<PodInfo.Condition> conditions = new ArrayList<>();
        if (status != null && status.getConditions() != null) {
            for (PodCondition c : status.getConditions()) {
                if (c == null) {
                    continue;
                }
                conditions.add(new PodInfo.Condition(c.getType(), c.getStatus(), Optional.ofNullable(c.getReason()),
                        Optional.ofNullable(c.getMessage()), Optional.ofNullable(c.getLastTransitionTime()).map(KubeMapping::instant)));
            }
        }
        boolean ready = conditions.stream().anyMatch(c -> "Ready".equals(c.type()) && "True".equals(c.status()));
        String statusReason = status == null ? null : status.getReason();
        Optional<String> reason = Optional.ofNullable(waiting != null ? waiting : statusReason != null ? statusReason : terminated)
                .filter(r -> !"Completed".equals(r));
        return new PodInfo(ns(p), name(p), uid(p), labels(p), owner(p), p.getSpec() == null ? "" : p.getSpec().getNodeName(),
                status == null ? null : status.getPhase(), ready, restarts, reason, containers, created(p), conditions);
    }

    private static Map<String, String> quantities(Map<String, Quantity> q) {
        if (q == null || q.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new java.util.TreeMap<>();
        q.forEach((k, v) -> {
            if (k != null) {
                out.put(k, quantity(v));
            }
        });
        return out;
    }

    public static WorkloadInfo deployment(Deployment d) {
        var s = d.getStatus();
        return workload("Deployment", d, d.getSpec() == null ? null : d.getSpec().getSelector(),
                d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas(),
                s == null || s.getReadyReplicas() == null ? 0 : s.getReadyReplicas());
    }

    public static WorkloadInfo replicaSet(ReplicaSet r) {
        var s = r.getStatus();
        return workload("ReplicaSet", r, r.getSpec() == null ? null : r.getSpec().getSelector(),
                r.getSpec() == null || r.getSpec().getReplicas() == null ? 1 : r.getSpec().getReplicas(),
                s == null || s.getReadyReplicas() == null ? 0 : s.getReadyReplicas());
    }

    public static WorkloadInfo statefulSet(StatefulSet r) {
        var s = r.getStatus();
        return workload("StatefulSet", r, r.getSpec() == null ? null : r.getSpec().getSelector(),
                r.getSpec() == null || r.getSpec().getReplicas() == null ? 1 : r.getSpec().getReplicas(),
                s == null || s.getReadyReplicas() == null ? 0 : s.getReadyReplicas());
    }

    public static WorkloadInfo daemonSet(DaemonSet r) {
        var s = r.getStatus();
        return workload("DaemonSet", r, r.getSpec() == null ? null : r.getSpec().getSelector(),
                s == null || s.getDesiredNumberScheduled() == null ? 0 : s.getDesiredNumberScheduled(),
                s == null || s.getNumberReady() == null ? 0 : s.getNumberReady());
    }

    public static WorkloadInfo job(Job j) {
        var s = j.getStatus();
        return workload("Job", j, j.getSpec() == null ? null : j.getSpec().getSelector(),
                j.getSpec() == null || j.getSpec().getCompletions() == null ? 1 : j.getSpec().getCompletions(),
                s == null || s.getSucceeded() == null ? 0 : s.getSucceeded());
    }

    /** A CronJob of any served version (batch/v1 or batch/v1beta1). */
    public static WorkloadInfo cronJob(HasMetadata c) {
        return workload("CronJob", c, null, -1, 0);
    }

    public static ServiceInfo service(Service s) {
        var spec = s.getSpec();
        List<String> ports = new ArrayList<>();
        if (spec != null && spec.getPorts() != null) {
            spec.getPorts().stream().filter(Objects::nonNull)
                    .forEach(p -> ports.add(p.getPort() + "/" + Objects.requireNonNullElse(p.getProtocol(), "TCP")));
        }
        return new ServiceInfo(ns(s), name(s), spec == null || spec.getType() == null ? "ClusterIP" : spec.getType(),
                spec == null ? Map.of() : clean(spec.getSelector()), ports);
    }

    public static IngressInfo ingress(Ingress i) {
        List<String> hosts = new ArrayList<>();
        List<String> services = new ArrayList<>();
        var spec = i.getSpec();
        if (spec != null) {
            addBackend(spec.getDefaultBackend(), services);
            if (spec.getRules() != null) {
                spec.getRules().stream().filter(Objects::nonNull).forEach(r -> {
                    if (r.getHost() != null) {
                        hosts.add(r.getHost());
                    }
                    if (r.getHttp() != null && r.getHttp().getPaths() != null) {
                        r.getHttp().getPaths().stream().filter(Objects::nonNull).forEach(p -> addBackend(p.getBackend(), services));
                    }
                });
            }
        }
        return new IngressInfo(ns(i), name(i), hosts, services.stream().distinct().toList());
    }

    private static void addBackend(IngressBackend b, List<String> services) {
        if (b != null && b.getService() != null && b.getService().getName() != null) {
            services.add(b.getService().getName());
        }
    }

    public static NodeInfo node(Node n) {
        var status = n.getStatus();
        boolean ready = status != null && status.getConditions() != null && status.getConditions().stream()
                .anyMatch((NodeCondition c) -> c != null && "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        boolean schedulable = n.getSpec() == null || !Boolean.TRUE.equals(n.getSpec().getUnschedulable());
        Map<String, Quantity> alloc = status == null || status.getAllocatable() == null ? Map.of() : status.getAllocatable();
        return new NodeInfo(name(n), labels(n), ready, schedulable, quantity(alloc.get("cpu")), quantity(alloc.get("memory")));
    }

    public static EventInfo event(Event e) {
        var o = e.getInvolvedObject();
        KubeRef ref = new KubeRef(o == null || o.getKind() == null ? "" : o.getKind(), o == null ? "" : o.getNamespace(),
                o == null || o.getName() == null ? "" : o.getName());
        String last = e.getLastTimestamp() != null ? e.getLastTimestamp()
                : e.getEventTime() != null ? e.getEventTime().getTime()
                : e.getMetadata() == null ? null : e.getMetadata().getCreationTimestamp();
        return new EventInfo(ref, Objects.requireNonNullElse(e.getType(), "Normal"), Objects.requireNonNullElse(e.getReason(), ""),
                Objects.requireNonNullElse(e.getMessage(), ""), instant(last), e.getCount() == null ? 1 : e.getCount());
    }

    private static WorkloadInfo workload(String kind, HasMetadata o, LabelSelector selector, int desired, int ready) {
        Map<String, String> match = selector == null ? Map.of() : clean(selector.getMatchLabels());
        return new WorkloadInfo(kind, ns(o), name(o), uid(o), labels(o), match, owner(o), desired, ready);
    }

    static Optional<KubeRef> owner(HasMetadata o) {
        List<OwnerReference> refs = o.getMetadata() == null ? null : o.getMetadata().getOwnerReferences();
        if (refs == null) {
            return Optional.empty();
        }
        List<OwnerReference> named = refs.stream().filter(r -> r != null && r.getKind() != null && r.getName() != null).toList();
        return named.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst()
                .or(() -> named.stream().findFirst())
                .map(r -> new KubeRef(r.getKind(), ns(o), r.getName()));
    }

    private static String ns(HasMetadata o) {
        return o.getMetadata() == null || o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace();
    }

    private static String name(HasMetadata o) {
        return o.getMetadata() == null ? "" : Objects.requireNonNullElse(o.getMetadata().getName(), "");
    }

    private static String uid(HasMetadata o) {
        return o.getMetadata() == null ? "" : Objects.requireNonNullElse(o.getMetadata().getUid(), "");
    }

    private static Map<String, String> labels(HasMetadata o) {
        return o.getMetadata() == null ? Map.of() : clean(o.getMetadata().getLabels());
    }

    /** A map of labels or selectors as the records take it: without null keys or values (a file may hold them). */
    private static Map<String, String> clean(Map<String, String> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        boolean clean = true;
        for (Map.Entry<String, String> e : m.entrySet()) {
            clean &= e.getKey() != null && e.getValue() != null;
        }
        if (clean) {
            return m;
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Instant created(HasMetadata o) {
        return instant(o.getMetadata() == null ? null : o.getMetadata().getCreationTimestamp());
    }

    private static Instant instant(String s) {
        try {
            return s == null ? Instant.EPOCH : Instant.parse(s);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static String quantity(Quantity q) {
        return q == null ? "" : q.getAmount() + Objects.requireNonNullElse(q.getFormat(), "");
    }
}
