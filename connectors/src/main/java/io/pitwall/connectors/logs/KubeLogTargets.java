package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.Related;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the Kubernetes log API reads for a scope: one log per container of each pod. A pod's
 * containers and a workload's pods come from the cluster's objects as the session last saw them
 * ({@link Related}: a Deployment's ReplicaSets' pods, a CronJob's Jobs' pods). A namespace or the
 * whole cluster is refused: the log API reads one container at a time.
 */
final class KubeLogTargets {

    /** The most pods of one workload read at once (the newest); more are said in a warning. */
    static final int MAX_PODS = 20;

    /** One container's log; {@code container} empty lets the API pick a pod's only container. */
    record Target(String namespace, String pod, String container, boolean previous) {
        String title() {
            return "pod " + namespace + "/" + pod + (container.isEmpty() ? "" : " container " + container);
        }
    }

    /** The targets and what the user should know of the choice. */
    record Plan(List<Target> targets, List<String> warnings) {
    }

    private KubeLogTargets() {
    }

    static Plan plan(LogScope scope, Optional<ClusterState> state) throws LogQueryException {
        return switch (scope) {
            case LogScope.Cluster c -> throw tooWide(scope);
            case LogScope.Namespace n -> throw tooWide(scope);
            case LogScope.Container c -> new Plan(List.of(new Target(c.pod().namespace(), c.pod().name(), c.container(),
                    c.previous())), List.of());
            case LogScope.Pod p -> new Plan(containers(p.ref(), state), List.of());
            case LogScope.Workload w -> workload(w, state);
        };
    }

    private static LogQueryException tooWide(LogScope scope) {
        return new LogQueryException("not_supported", "The Kubernetes log API reads one pod at a time, not "
                + scope.title() + ": pick a workload or a pod (or set up Loki for this context to read whole namespaces)");
    }

    private static List<Target> containers(KubeRef pod, Optional<ClusterState> state) {
        Optional<PodInfo> info = state.flatMap(s -> s.pods().stream().filter(p -> p.ref().equals(pod)).findFirst());
        List<Target> out = new ArrayList<>();
        info.ifPresent(p -> p.containers().forEach(c -> out.add(new Target(pod.namespace(), pod.name(), c.name(), false))));
        if (out.isEmpty()) {
            out.add(new Target(pod.namespace(), pod.name(), "", false));
        }
        return out;
    }

    private static Plan workload(LogScope.Workload w, Optional<ClusterState> state) throws LogQueryException {
        if (state.isEmpty()) {
            throw new LogQueryException("not_supported", "the cluster's objects are not loaded yet, so the pods of "
                    + w.title() + " are not known: try again in a moment, or pick a pod");
        }
        ClusterState s = state.get();
        List<PodInfo> pods = new ArrayList<>();
        for (KubeRef r : Related.to(w.ref(), s)) {
            if (r.kind().equals("Pod")) {
                s.pods().stream().filter(p -> p.ref().equals(r)).findFirst().ifPresent(pods::add);
            }
        }
        List<String> warnings = new ArrayList<>();
        if (pods.isEmpty()) {
            warnings.add(w.title() + " has no pods now");
        }
        if (pods.size() > MAX_PODS) {
            warnings.add(w.title() + " has " + pods.size() + " pods: the logs of the " + MAX_PODS
                    + " newest are shown (pick a pod for another, or set up Loki to read them all)");
            pods.sort(Comparator.comparing(PodInfo::created).reversed());
            pods = new ArrayList<>(pods.subList(0, MAX_PODS));
        }
        pods.sort(Comparator.comparing(PodInfo::name));
        List<Target> out = new ArrayList<>();
        for (PodInfo p : pods) {
            out.addAll(containers(p.ref(), state));
        }
        return new Plan(out, warnings);
    }
}
