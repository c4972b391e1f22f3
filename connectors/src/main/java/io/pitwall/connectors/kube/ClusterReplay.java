package io.pitwall.connectors.kube;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.WatchEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster as it stood at a moment of the window, from the state at the window's end and the
 * watch events within it: a pod added after the moment is not there yet, a pod deleted after it
 * is still there, and every pod stands as its last change before the moment left it (phase,
 * readiness, restarts, why it is unhealthy). Before its first change in the window a pod is taken
 * to have been running and ready. Workloads, services and nodes stay as at the end: the watch
 * keeps how pods stood, not how the rest did.
 */
public final class ClusterReplay {

    private ClusterReplay() {
    }

    /** How a pod stood, read back from a watch event's summary ("Running, not ready, 2 restarts, OOMKilled"). */
    record PodStanding(String phase, boolean ready, int restarts, Optional<String> reason) {

        static Optional<PodStanding> parse(String summary) {
            if (summary == null || summary.isBlank()) {
                return Optional.empty();
            }
            String[] parts = summary.split(", ");
            String phase = parts[0].trim();
            boolean ready = parts.length > 1 && parts[1].trim().equals("ready");
            int restarts = 0;
            Optional<String> reason = Optional.empty();
            for (int i = 2; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.matches("\\d+ restarts?")) {
                    restarts = PodSummary.count(p.substring(0, p.indexOf(' ')));
                } else if (!p.isEmpty()) {
                    reason = Optional.of(p);
                }
            }
            return Optional.of(new PodStanding(phase, ready, restarts, reason));
        }
    }

    /** The cluster at {@code moment}, given the state at the end and the window's watch events (any order). */
    public static ClusterState at(ClusterState end, List<WatchEvent> changes, Instant moment) {
        Map<KubeRef, List<WatchEvent>> byPod = new HashMap<>();
        for (WatchEvent e : changes) {
            if ("Pod".equals(e.ref().kind())) {
                byPod.computeIfAbsent(e.ref(), r -> new ArrayList<>()).add(e);
            }
        }
        byPod.values().forEach(l -> l.sort(java.util.Comparator.comparing(WatchEvent::at)));
        Map<KubeRef, PodInfo> pods = new LinkedHashMap<>();
        for (PodInfo p : end.pods()) {
            pods.put(p.ref(), p);
        }
        // pods deleted after the moment were there then: named after their owner as their siblings are
        for (Map.Entry<KubeRef, List<WatchEvent>> e : byPod.entrySet()) {
            if (!pods.containsKey(e.getKey()) && e.getValue().getLast().type() == WatchEvent.Type.DELETED) {
                pods.put(e.getKey(), ghost(e.getKey(), end));
            }
        }
        List<PodInfo> out = new ArrayList<>();
        for (PodInfo p : pods.values()) {
            List<WatchEvent> history = byPod.getOrDefault(p.ref(), List.of());
            WatchEvent last = null;
            WatchEvent next = null;
            for (WatchEvent e : history) {
                if (e.at().isAfter(moment)) {
                    next = e;
                    break;
                }
                last = e;
            }
            if (last == null && next != null && next.type() == WatchEvent.Type.ADDED) {
                continue; // not created yet
            }
            if (last != null && last.type() == WatchEvent.Type.DELETED) {
                continue; // gone already
            }
            if (last != null) {
                out.add(PodStanding.parse(last.summary()).map(s -> stood(p, s)).orElse(p));
            } else if (next != null) {
                // unchanged until its first change after the moment: running and ready then
                int restarts = PodStanding.parse(next.summary()).map(PodStanding::restarts).orElse(p.restarts());
                out.add(stood(p, new PodStanding("Running", true, restarts, Optional.empty())));
            } else {
                out.add(p);
            }
        }
        return new ClusterState(moment, end.namespaces(), end.nodes(), out, end.workloads(), end.services(),
                end.ingresses(), end.events().stream().filter(e -> !e.last().isAfter(moment)).toList(), end.counts(),
                end.noAccess(), end.absent());
    }

    private static PodInfo stood(PodInfo p, PodStanding s) {
        return new PodInfo(p.namespace(), p.name(), p.uid(), p.labels(), p.owner(), p.nodeName(), s.phase(), s.ready(),
                s.restarts(), s.reason(), p.containers(), p.created(), p.conditions());
    }

    /** A pod known only from its watch events: its owner is the sibling's owner whose pods share its name's prefix. */
    private static PodInfo ghost(KubeRef ref, ClusterState end) {
        String prefix = ref.name().contains("-") ? ref.name().substring(0, ref.name().lastIndexOf('-') + 1) : ref.name();
        Optional<KubeRef> owner = end.pods().stream()
                .filter(p -> p.namespace().equals(ref.namespace()) && p.name().startsWith(prefix) && p.owner().isPresent())
                .map(p -> p.owner().get()).findFirst()
                .or(() -> end.workloads().stream()
                        .filter(w -> w.ref().namespace().equals(ref.namespace()) && prefix.startsWith(w.ref().name() + "-"))
                        .map(w -> w.ref()).findFirst());
        return new PodInfo(ref.namespace(), ref.name(), "", Map.of(), owner, "", "Unknown", false, 0, Optional.empty(),
                List.of(), end.at());
    }
}
