package io.pitwall.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.WatchEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterReplayTest {

    private static final Instant END = Instant.parse("2026-11-24T03:30:00Z");
    private static final KubeRef RS = new KubeRef("ReplicaSet", "shop", "carts-7d4b9c");
    private static final KubeRef CARTS = new KubeRef("Pod", "shop", "carts-7d4b9c-x2x9z");
    private static final KubeRef NEW = new KubeRef("Pod", "shop", "carts-7d4b9c-k8p4w");
    private static final KubeRef OLD = new KubeRef("Pod", "shop", "carts-7d4b9c-q7bnm");

    /** Carts: OOMKilled at 03:02:10, crash-looping a second later, ready again at 03:02:22; a new pod at 03:20; an old one deleted at 03:10. */
    private static final List<WatchEvent> CHANGES = List.of(
            event("03:02:10", WatchEvent.Type.MODIFIED, CARTS, "Running, not ready, 0 restarts, OOMKilled"),
            event("03:02:11", WatchEvent.Type.MODIFIED, CARTS, "Running, not ready, 1 restart, CrashLoopBackOff"),
            event("03:02:22", WatchEvent.Type.MODIFIED, CARTS, "Running, ready, 1 restart"),
            event("03:20:00", WatchEvent.Type.ADDED, NEW, "Pending, not ready"),
            event("03:20:30", WatchEvent.Type.MODIFIED, NEW, "Running, ready"),
            event("03:05:00", WatchEvent.Type.MODIFIED, OLD, "Running, not ready, Terminating"),
            event("03:10:00", WatchEvent.Type.DELETED, OLD, "Running, not ready"));

    @ParameterizedTest(name = "at {0}: {1} pods, carts {2} ready={3} restarts={4} reason={5}")
    @CsvSource({
        // before anything: the old pod is there, the new one is not; carts ran, ready
        "03:00:00, 2, Running, true, 0, ''",
        "03:02:10, 2, Running, false, 0, OOMKilled",
        "03:02:15, 2, Running, false, 1, CrashLoopBackOff",
        "03:05:00, 2, Running, true, 1, ''",
        // the old pod deleted, the new not yet added
        "03:15:00, 1, Running, true, 1, ''",
        "03:25:00, 2, Running, true, 1, ''",
    })
    void podsStandAsTheirLastChangeBeforeTheMomentLeftThem(String at, int pods, String phase, boolean ready, int restarts,
                                                           String reason) {
        ClusterState then = ClusterReplay.at(end(), CHANGES, time(at));
        assertThat(then.pods()).hasSize(pods);
        assertThat(then.at()).isEqualTo(time(at));
        PodInfo carts = then.pods().stream().filter(p -> p.ref().equals(CARTS)).findFirst().orElseThrow();
        assertThat(carts.phase()).isEqualTo(phase);
        assertThat(carts.ready()).isEqualTo(ready);
        assertThat(carts.restarts()).isEqualTo(restarts);
        assertThat(carts.reason().orElse("")).isEqualTo(reason);
    }

    @Test
    void aPodDeletedLaterIsThereBeforeWithItsSiblingsOwner() {
        ClusterState then = ClusterReplay.at(end(), CHANGES, time("03:06:00"));
        PodInfo old = then.pods().stream().filter(p -> p.ref().equals(OLD)).findFirst().orElseThrow();
        assertThat(old.owner()).contains(RS);
        assertThat(old.ready()).isFalse();
        assertThat(old.reason()).contains("Terminating");
        assertThat(ClusterReplay.at(end(), CHANGES, time("03:00:00")).pods()).extracting(PodInfo::ref)
                .containsExactlyInAnyOrder(CARTS, OLD);
    }

    @Test
    void eventsAfterTheMomentAreNotSeenYet() {
        ClusterState end = end();
        assertThat(ClusterReplay.at(end, CHANGES, time("03:01:00")).events()).isEmpty();
        assertThat(ClusterReplay.at(end, CHANGES, END).events()).hasSize(1);
    }

    @Test
    void anUnreadableSummaryLeavesThePodAsAtTheEnd() {
        List<WatchEvent> odd = List.of(event("03:02:10", WatchEvent.Type.MODIFIED, CARTS, ""));
        PodInfo carts = ClusterReplay.at(end(), odd, time("03:10:00")).pods().getFirst();
        assertThat(carts).isEqualTo(end().pods().stream().filter(p -> p.ref().equals(CARTS)).findFirst().orElseThrow());
    }

    private static ClusterState end() {
        PodInfo carts = pod(CARTS, true, 1);
        PodInfo fresh = pod(NEW, true, 0);
        var event = new io.pitwall.connectors.model.EventInfo(CARTS, "Warning", "BackOff", "Back-off restarting", time("03:02:12"), 1);
        return new ClusterState(END, List.of("shop"), List.of(), List.of(carts, fresh), List.of(), List.of(), List.of(),
                List.of(event), Map.of(), Set.of(), Set.of());
    }

    private static PodInfo pod(KubeRef ref, boolean ready, int restarts) {
        return new PodInfo(ref.namespace(), ref.name(), ref.name() + "-uid", Map.of("app", "carts"), Optional.of(RS), "node-1",
                "Running", ready, restarts, Optional.empty(), List.of(), time("01:00:00"));
    }

    private static WatchEvent event(String at, WatchEvent.Type type, KubeRef ref, String summary) {
        return new WatchEvent(time(at), type, ref, "", summary);
    }

    private static Instant time(String hms) {
        return Instant.parse("2026-11-24T" + hms + "Z");
    }
}
