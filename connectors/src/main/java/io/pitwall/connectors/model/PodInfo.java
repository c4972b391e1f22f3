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
 */
public record PodInfo(String namespace, String name, String uid, Map<String, String> labels, Optional<KubeRef> owner,
                      String nodeName, String phase, boolean ready, int restarts, Optional<String> reason,
                      List<ContainerInfo> containers, Instant created) {

    public PodInfo {
        labels = Map.copyOf(labels);
        containers = List.copyOf(containers);
        nodeName = nodeName == null ? "" : nodeName;
        phase = phase == null ? "Unknown" : phase;
    }

    public KubeRef ref() {
        return new KubeRef("Pod", namespace, name);
    }

    /**
     * One container of a pod.
     *
     * @param lastTermination why it last stopped (OOMKilled, Error...), if it restarted
     */
    public record ContainerInfo(String name, String image, boolean ready, int restarts, String state,
                                Optional<String> stateReason, Optional<String> lastTermination) {
    }
}
