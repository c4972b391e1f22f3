package io.pitwall.connectors.timeline;

import io.pitwall.connectors.kube.PodSummary;
import io.pitwall.connectors.kube.WorkloadSummary;
import io.pitwall.connectors.model.EventInfo;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.WatchEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cluster's lanes from its watch events and Kubernetes events: rollouts (a workload's image,
 * replicas or revision changed, a ReplicaSet created for a Deployment, a ConfigMap or Secret
 * modified), restarts (a pod's restart count went up, an eviction) and the other Warning events.
 */
final class ClusterItems {

    /** How close a Deployment's change and its ReplicaSet's creation or scaling event are to be one rollout. */
    static final Duration NEAR = Duration.ofMinutes(2);
    /** The event reasons that speak of a restart (or a kill that causes one): the Restarts lane's, not Warnings'. */
    static final Set<String> RESTART_REASONS = Set.of("BackOff", "OOMKilling", "Evicted", "Killing");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");
    private static final String RESTARTED = " restarted: ";
    /** A node's event about a container it killed (OOMKilling is reported on the Node). */
    private static final String ON_NODE = " killed a container: ";

    private ClusterItems() {
    }

    static List<TimelineItem> rollouts(List<WatchEvent> changes, List<EventInfo> events, TimeRange window) {
        Map<KubeRef, WorkloadSummary> last = new HashMap<>();
        List<TimelineItem> out = new ArrayList<>();
        Map<KubeRef, Integer> lastRollout = new HashMap<>();
        List<WatchEvent> newReplicaSets = new ArrayList<>();
        for (WatchEvent e : sorted(changes)) {
            KubeRef ref = e.ref();
            String kind = ref.kind();
            if ((kind.equals("ConfigMap") || kind.equals("Secret")) && e.type() == WatchEvent.Type.MODIFIED) {
                out.add(TimelineItem.at(e.at(), Lane.ROLLOUTS, Severity.LOW, ref, kind + " " + ref.name() + ": config changed",
                        "resourceVersion " + e.resourceVersion()));
                continue;
            }
            if (kind.equals("ReplicaSet") && e.type() == WatchEvent.Type.ADDED) {
                newReplicaSets.add(e);
                continue;
            }
            if (!WORKLOADS.contains(kind)) {
                continue;
            }
            Optional<WorkloadSummary> parsed = WorkloadSummary.parse(e.summary(), ref.namespace());
            WorkloadSummary before = parsed.isPresent() ? last.put(ref, parsed.get()) : last.get(ref);
            String name = ref.name();
            switch (e.type()) {
                case ADDED -> out.add(TimelineItem.at(e.at(), Lane.ROLLOUTS, Severity.LOW, ref, kind + " " + name + " created",
                        parsed.map(s -> images(s.images())).orElse("")));
                case DELETED -> out.add(TimelineItem.at(e.at(), Lane.ROLLOUTS, Severity.MEDIUM, ref,
                        kind + " " + name + " deleted", ""));
                case MODIFIED -> {
                    if (parsed.isEmpty()) {
                        continue;
                    }
                    WorkloadSummary now = parsed.get();
                    Map<String, String> replaced = new LinkedHashMap<>(now.previousImages());
                    if (replaced.isEmpty() && before != null) {
                        before.images().forEach((c, image) -> {
                            if (now.images().containsKey(c) && !now.images().get(c).equals(image)) {
                                replaced.put(c, image);
                            }
                        });
                    }
                    if (!replaced.isEmpty()) {
                        String title = name + ": image " + replaced.entrySet().stream()
                                .map(r -> r.getValue() + " -> " + now.images().get(r.getKey())).collect(Collectors.joining("; "));
                        String detail = "container " + String.join(", ", replaced.keySet())
                                + (now.revision().isEmpty() ? "" : ", revision " + now.revision());
                        lastRollout.put(ref, out.size());
                        out.add(TimelineItem.at(e.at(), Lane.ROLLOUTS, Severity.MEDIUM, ref, title, detail));
                    }
                    int fromReplicas = now.previousReplicas() >= 0 ? now.previousReplicas()
                            : before != null && before.replicas() != now.replicas() ? before.replicas() : -1;
                    if (fromReplicas >= 0 && now.replicas() >= 0) {
                        out.add(TimelineItem.at(e.at(), Lane.ROLLOUTS, Severity.LOW, ref,
                                name + ": scaled " + fromReplicas + " -> " + now.replicas(), ""));
                    }
                    if (replaced.isEmpty() && before != null && !now.revision().isEmpty()
                            && !now.revision().equals(before.revision())) {
                        Integer i = lastRollout.get(ref);
                        if (i != null && near(out.get(i).at(), e.at())) {
                            TimelineItem r = out.get(i);
                            out.set(i, new TimelineItem(r.at(), r.end(), r.lane(), r.severity(), r.ref(), r.title(),
                                    r.detail().replaceAll(", revision .*$", "") + ", revision " + now.revision(), ""));
                        } else {
                            lastRollout.put(ref, out.size());
                            out.add(TimelineItem.at(e.at(), Lane.ROLLOUTS, Severity.LOW, ref,
                                    name + ": rollout to revision " + now.revision(), images(now.images())));
                        }
                    }
                }
            }
        }
        for (WatchEvent rs : newReplicaSets) {
            Optional<WorkloadSummary> s = WorkloadSummary.parse(rs.summary(), rs.ref().namespace());
            KubeRef owner = s.flatMap(WorkloadSummary::owner).orElse(rs.ref());
            if (hasRolloutNear(out, owner, rs.at())) {
                continue;
            }
            String revision = s.map(WorkloadSummary::revision).filter(r -> !r.isEmpty()).map(r -> ", revision " + r).orElse("");
            out.add(TimelineItem.at(rs.at(), Lane.ROLLOUTS, Severity.MEDIUM, owner,
                    owner.name() + ": new ReplicaSet " + rs.ref().name() + revision, s.map(x -> images(x.images())).orElse("")));
        }
        for (EventInfo ev : events) {
            if ("ScalingReplicaSet".equals(ev.reason()) && ev.last() != null && window.contains(ev.last())
                    && !hasRolloutNear(out, ev.object(), ev.last())) {
                out.add(TimelineItem.at(ev.last(), Lane.ROLLOUTS, Severity.LOW, ev.object(),
                        ev.object().name() + ": " + ev.message(), ev.count() > 1 ? ev.count() + " times" : ""));
            }
        }
        return out;
    }

    private static boolean hasRolloutNear(List<TimelineItem> items, KubeRef ref, Instant at) {
        return items.stream().anyMatch(i -> i.ref().filter(ref::equals).isPresent() && near(i.at(), at)
                && !i.title().endsWith(" created") && !i.title().contains(": scaled "));
    }

    static List<TimelineItem> restarts(List<WatchEvent> changes, List<EventInfo> events, TimeRange window) {
        Map<KubeRef, PodSummary> last = new HashMap<>();
        List<TimelineItem> out = new ArrayList<>();
        for (WatchEvent e : sorted(changes)) {
            if (!e.ref().kind().equals("Pod")) {
                continue;
            }
            Optional<PodSummary> parsed = PodSummary.parse(e.summary());
            if (parsed.isEmpty()) {
                continue;
            }
            PodSummary now = parsed.get();
            PodSummary before = last.put(e.ref(), now);
            if (before != null && now.restarts() > before.restarts()) {
                int n = now.restarts() - before.restarts();
                String reason = now.lastTermination().or(now::reason).orElse("restart");
                out.add(TimelineItem.at(e.at(), Lane.RESTARTS, restartSeverity(reason), e.ref(),
                        e.ref().name() + RESTARTED + reason, (n > 1 ? n + " restarts since the last change; " : "") + now.text()));
            } else if (now.reason().filter("Evicted"::equals).isPresent()
                    && (before == null || before.reason().filter("Evicted"::equals).isEmpty())) {
                out.add(TimelineItem.at(e.at(), Lane.RESTARTS, Severity.HIGH, e.ref(), e.ref().name() + RESTARTED + "Evicted",
                        now.text()));
            }
        }
        Set<KubeRef> watched = out.stream().flatMap(i -> i.ref().stream()).collect(Collectors.toSet());
        // pods the watch did not follow (a bundle without changes, a pod gone): their events, one per pod and reason
        Map<List<Object>, EventInfo> latest = new LinkedHashMap<>();
        for (EventInfo ev : events) {
            if (!RESTART_REASONS.contains(ev.reason()) || ev.last() == null || !window.contains(ev.last())
                    || watched.contains(ev.object())) {
                continue;
            }
            List<Object> key = ev.object().kind().equals("Pod") ? List.of(ev.object(), ev.reason())
                    : List.of(ev.object(), ev.reason(), ev.message());
            latest.merge(key, ev, (a, b) -> a.last().isAfter(b.last()) ? a : b);
        }
        for (EventInfo ev : latest.values()) {
            String reason = switch (ev.reason()) {
                case "BackOff" -> "CrashLoopBackOff";
                case "OOMKilling" -> "OOMKilled";
                default -> ev.reason();
            };
            String marker = ev.object().kind().equals("Node") ? ON_NODE : RESTARTED;
            out.add(TimelineItem.at(ev.last(), Lane.RESTARTS, restartSeverity(reason), ev.object(),
                    (marker == ON_NODE ? "node " : "") + ev.object().name() + marker + reason, ev.message() + (ev.count() > 1 ? " (" + ev.count() + " events)" : "")));
        }
        return out;
    }

    /** The reason a Restarts item names ("OOMKilled"), or "" for another lane's item. */
    static String restartReason(TimelineItem item) {
        if (item.lane() != Lane.RESTARTS) {
            return "";
        }
        for (String marker : List.of(RESTARTED, ON_NODE)) {
            int at = item.title().indexOf(marker);
            if (at >= 0) {
                return item.title().substring(at + marker.length());
            }
        }
        return "";
    }

    static Severity restartSeverity(String reason) {
        return reason.equals("OOMKilled") || reason.equals("Evicted") ? Severity.HIGH : Severity.MEDIUM;
    }

    static List<TimelineItem> warnings(List<EventInfo> events, TimeRange window) {
        List<TimelineItem> out = new ArrayList<>();
        for (EventInfo ev : events) {
            if (ev.warning() && ev.last() != null && window.contains(ev.last()) && !RESTART_REASONS.contains(ev.reason())) {
                out.add(TimelineItem.at(ev.last(), Lane.WARNINGS, ev.count() >= 10 ? Severity.MEDIUM : Severity.LOW,
                        ev.object(), ev.reason() + " (x" + ev.count() + ")", ev.message()));
            }
        }
        return out;
    }

    private static String images(Map<String, String> images) {
        return images.isEmpty() ? "" : "image " + images.entrySet().stream().map(i -> i.getKey() + "=" + i.getValue())
                .collect(Collectors.joining(", "));
    }

    private static boolean near(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(NEAR) <= 0;
    }

    private static List<WatchEvent> sorted(List<WatchEvent> changes) {
        return changes.stream().sorted(Comparator.comparing(WatchEvent::at)).toList();
    }
}
