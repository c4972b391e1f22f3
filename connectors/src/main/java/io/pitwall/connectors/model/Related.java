package io.pitwall.connectors.model;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a selection covers: the object itself and the objects under it. A Deployment covers its
 * ReplicaSets and their pods, a CronJob its Jobs and their pods, a Service the pods it selects, a
 * Node the pods it runs. Panes that follow the selection (events, logs, metrics) ask this.
 */
public final class Related {

    private Related() {
    }

    public static Set<KubeRef> to(KubeRef ref, ClusterState state) {
        Set<KubeRef> out = new LinkedHashSet<>();
        out.add(ref);
        switch (ref.kind()) {
            case "Pod" -> {
            }
            case "Node" -> state.pods().stream().filter(p -> p.nodeName().equals(ref.name())).forEach(p -> out.add(p.ref()));
            case "Service" -> state.services().stream().filter(s -> s.ref().equals(ref)).findFirst().ifPresent(s -> {
                if (!s.selector().isEmpty()) {
                    state.pods().stream().filter(p -> p.namespace().equals(s.namespace())
                            && p.labels().entrySet().containsAll(s.selector().entrySet())).forEach(p -> out.add(p.ref()));
                }
            });
            default -> {
                Map<KubeRef, WorkloadInfo> workloads = new HashMap<>();
                state.workloads().forEach(w -> workloads.put(w.ref(), w));
                for (WorkloadInfo w : state.workloads()) {
                    if (owns(ref, w.owner(), workloads)) {
                        out.add(w.ref());
                    }
                }
                for (PodInfo p : state.pods()) {
                    if (owns(ref, p.owner(), workloads)) {
                        out.add(p.ref());
                    }
                }
            }
        }
        return out;
    }

    /** Whether {@code ancestor} is on the owner chain that starts at {@code owner}. */
    private static boolean owns(KubeRef ancestor, Optional<KubeRef> owner, Map<KubeRef, WorkloadInfo> workloads) {
        Optional<KubeRef> current = owner;
        for (int hops = 0; hops < 4 && current.isPresent(); hops++) {
            if (current.get().equals(ancestor)) {
                return true;
            }
            WorkloadInfo w = workloads.get(current.get());
            current = w == null ? Optional.empty() : w.owner();
        }
        return false;
    }
}
