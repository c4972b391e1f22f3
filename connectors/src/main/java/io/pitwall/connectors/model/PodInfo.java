package io.pitwall.connectors.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod as the panes need it.
 *
 * @param owner        the controller that owns it (ReplicaSet, StatefulSet, DaemonSet, Job...), if any
 * @param phase        Pending, Running, Succeeded, Failed or Unknown
 * @param reason       why it is not healthy, when it is not: CrashLoopBackOff, ImagePullBackOff,
 *                     Evicted, OOMKilled...
 * @param conditions   the pod's conditions (PodScheduled, Initialized, ContainersReady, Ready...)
 */
public record PodInfo(String namespace, String name, String uid, Map<String, String> labels, Optional<KubeRef> owner,
                      String nodeName, String phase, boolean ready, int restarts, Optional<String> reason,
                      List<ContainerInfo> containers, Instant created, List<Condition> conditions) {

    public PodInfo {
        labels = Map.copyOf(labels);
        containers = List.copyOf(containers);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        nodeName = nodeName == null ? "" : nodeName;
        phase = phase == null ? "Unknown" : phase;
    }

    /** A pod without its conditions (generated and test pods). */
    public PodInfo(String namespace, String name, String uid, Map<String, String> labels, Optional<KubeRef> owner,
                   String nodeName, String phase, boolean ready, int restarts, Optional<String> reason,
                   List<ContainerInfo> containers, Instant created) {
        this(namespace, name, uid, labels, owner, nodeName, phase, ready, restarts, reason, containers, created, List.of());
    }

    /**
     * One condition of a pod or node, as the API reports it.
     *
     * @param status True, False or Unknown
     */
    public record Condition(String type, String status, Optional<String> reason, Optional<String> message,
                            Optional<Instant> since) {
    }

    public KubeRef ref() {
        return new KubeRef("Pod", namespace, name);
    }

    /**
     * One container of a pod.
     *
     * @param lastTermination why it last stopped (OOMKilled, Error...), if it restarted
     * @param requests        resource requests by resource (cpu, memory...), as written ("250m", "64Mi")
     * @param limits          resource limits, likewise
     */
    public record ContainerInfo(String name, String image, boolean ready, int restarts, String state,
                                Optional<String> stateReason, Optional<String> lastTermination,
                                Map<String, String> requests, Map<String, String> limits) {

        public ContainerInfo {
            requests = requests == null ? Map.of() : Map.copyOf(requests);
            limits = limits == null ? Map.of() : Map.copyOf(limits);
        }

        /** A container without its resources (generated and test pods). */
        public ContainerInfo(String name, String image, boolean ready, int restarts, String state,
                             Optional<String> stateReason, Optional<String> lastTermination) {
            this(name, image, ready, restarts, state, stateReason, lastTermination, Map.of(), Map.of());
        }
    }
}
