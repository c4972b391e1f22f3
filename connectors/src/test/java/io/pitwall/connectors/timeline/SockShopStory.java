package io.pitwall.connectors.timeline;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pitwall.connectors.kube.ClusterJournal;
import io.pitwall.connectors.kube.KubeMapping;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.EventInfo;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.WatchEvent;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's story on the sock-shop objects of a real cluster dump (see SOURCES.md): carts is
 * patched from weaveworksdemos/carts:0.4.8 to 0.4.9, the Deployment controller makes a new
 * ReplicaSet and pod, whose container is OOMKilled three and five minutes later and then crash
 * loops. The watch events are what {@link ClusterJournal} records for those objects.
 */
final class SockShopStory {

    static final Instant START = Instant.parse("2026-11-24T03:00:00Z");
    static final TimeRange WINDOW = TimeRange.ending(START.plus(Duration.ofHours(1)), Duration.ofHours(1));
    /** When the image is patched. */
    static final Instant PATCH = START.plus(Duration.ofMinutes(10));
    static final KubeRef CARTS = new KubeRef("Deployment", "sock-shop", "carts");
    static final KubeRef NEW_POD = new KubeRef("Pod", "sock-shop", "carts-7c9f8d5b6d-x2x9k");
    static final String OLD_IMAGE = "weaveworksdemos/carts:0.4.8";
    static final String NEW_IMAGE = "weaveworksdemos/carts:0.4.9";

    final List<HasMetadata> dump;
    final List<WatchEvent> changes;
    final ClusterState state;

    SockShopStory() throws Exception {
        try (InputStream in = SockShopStory.class.getResourceAsStream("/kubernetes/gke-namespace-sock-shop-all.json")) {
            dump = List.copyOf(Serialization.unmarshal(in, KubernetesList.class).getItems());
        }
        MovingClock clock = new MovingClock(PATCH);
        ClusterJournal journal = new ClusterJournal(clock, 1000);
        Deployment before = find(Deployment.class, "carts");
        Deployment patched = new DeploymentBuilder(before).editSpec().editTemplate().editSpec().editFirstContainer()
                .withImage(NEW_IMAGE).endContainer().endSpec().endTemplate().endSpec().build();
        journal.record(WatchEvent.Type.MODIFIED, before, patched);

        ReplicaSet oldRs = find(ReplicaSet.class, "carts-6bfcf84f4");
        ReplicaSet newRs = new ReplicaSetBuilder(oldRs).editMetadata().withName("carts-7c9f8d5b6d").withResourceVersion("9001")
                .addToAnnotations("deployment.kubernetes.io/revision", "2").endMetadata()
                .editSpec().editTemplate().editSpec().editFirstContainer().withImage(NEW_IMAGE).endContainer().endSpec()
                .endTemplate().endSpec().build();
        clock.at(PATCH.plusMillis(150));
        journal.record(WatchEvent.Type.ADDED, newRs);
        Deployment revised = new DeploymentBuilder(patched).editMetadata()
                .addToAnnotations("deployment.kubernetes.io/revision", "2").endMetadata().build();
        clock.at(PATCH.plusMillis(180));
        journal.record(WatchEvent.Type.MODIFIED, patched, revised);

        Pod oldPod = find(Pod.class, "carts-6bfcf84f4-hsqsd");
        Pod started = new PodBuilder(oldPod).editMetadata().withName(NEW_POD.name()).editFirstOwnerReference()
                .withName("carts-7c9f8d5b6d").endOwnerReference().endMetadata().editStatus().editFirstContainerStatus()
                .withImage(NEW_IMAGE).withRestartCount(0).endContainerStatus().endStatus().build();
        clock.at(PATCH.plusSeconds(2));
        journal.record(WatchEvent.Type.ADDED, started);
        ReplicaSet scaledDown = new ReplicaSetBuilder(oldRs).editSpec().withReplicas(0).endSpec().build();
        clock.at(PATCH.plusSeconds(20));
        journal.record(WatchEvent.Type.MODIFIED, oldRs, scaledDown);
        clock.at(PATCH.plusSeconds(25));
        journal.record(WatchEvent.Type.DELETED, oldPod);

        clock.at(PATCH.plus(Duration.ofMinutes(3)));
        journal.record(WatchEvent.Type.MODIFIED, started, oomKilled(started, 1, "OOMKilled"));
        clock.at(PATCH.plus(Duration.ofMinutes(3)).plusSeconds(12));
        journal.record(WatchEvent.Type.MODIFIED, started, oomKilled(started, 1, "CrashLoopBackOff"));
        clock.at(PATCH.plus(Duration.ofMinutes(5)));
        journal.record(WatchEvent.Type.MODIFIED, started, oomKilled(started, 2, "CrashLoopBackOff"));
        changes = journal.in(WINDOW);

        List<EventInfo> events = List.of(
                new EventInfo(NEW_POD, "Warning", "BackOff", "Back-off restarting failed container carts in pod "
                        + NEW_POD.name() + "_sock-shop", PATCH.plus(Duration.ofMinutes(6)), 7),
                new EventInfo(NEW_POD, "Warning", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503",
                        PATCH.plus(Duration.ofMinutes(4)), 12),
                new EventInfo(CARTS, "Normal", "ScalingReplicaSet", "Scaled up replica set carts-7c9f8d5b6d to 1",
                        PATCH.plusSeconds(1), 1),
                new EventInfo(new KubeRef("Pod", "sock-shop", "orders-1"), "Warning", "FailedScheduling",
                        "0/3 nodes are available: 3 Insufficient memory.", START.minus(Duration.ofMinutes(5)), 1));
        List<io.pitwall.connectors.model.PodInfo> pods = new java.util.ArrayList<>(dump.stream()
                .filter(o -> o instanceof Pod && !o.getMetadata().getName().equals(oldPod.getMetadata().getName()))
                .map(o -> KubeMapping.pod((Pod) o)).toList());
        pods.add(KubeMapping.pod(oomKilled(started, 2, "CrashLoopBackOff")));
        state = new ClusterState(WINDOW.to(), List.of("sock-shop"), List.of(), pods,
                List.of(KubeMapping.deployment(revised), KubeMapping.replicaSet(newRs), KubeMapping.replicaSet(scaledDown)),
                dump.stream().filter(o -> o instanceof io.fabric8.kubernetes.api.model.Service)
                        .map(o -> KubeMapping.service((io.fabric8.kubernetes.api.model.Service) o)).toList(),
                List.of(), events, Map.of(), Set.of(), Set.of());
    }

    private static Pod oomKilled(Pod p, int restarts, String waiting) {
        return new PodBuilder(p).editStatus().editFirstContainerStatus().withRestartCount(restarts).withReady(false)
                .withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated().endLastState()
                .withNewState().withNewWaiting().withReason(waiting).endWaiting().endState().endContainerStatus().endStatus().build();
    }

    <T extends HasMetadata> T find(Class<T> type, String name) {
        return dump.stream().filter(type::isInstance).map(type::cast).filter(o -> o.getMetadata().getName().equals(name))
                .findFirst().orElseThrow();
    }

    /** A clock a test moves. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void at(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
