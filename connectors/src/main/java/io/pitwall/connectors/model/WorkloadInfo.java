package io.pitwall.connectors.model;

import java.util.Map;
import java.util.Optional;

/**
 * A controller of pods: Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob.
 *
 * @param selector the labels its pods carry (matchLabels), empty when it has none
 * @param owner    its own controller (a ReplicaSet's Deployment, a Job's CronJob), if any
 * @param desired  the replicas it wants, or -1 where that does not apply
 */
public record WorkloadInfo(String kind, String namespace, String name, String uid, Map<String, String> labels,
                           Map<String, String> selector, Optional<KubeRef> owner, int desired, int ready) {

    public WorkloadInfo {
        labels = Map.copyOf(labels);
        selector = Map.copyOf(selector);
    }

    public KubeRef ref() {
        return new KubeRef(kind, namespace, name);
    }
}
