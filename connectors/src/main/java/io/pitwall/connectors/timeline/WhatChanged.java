package io.pitwall.connectors.timeline;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Related;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "What changed?" for a selection and a window: the rollouts, image and config changes and
 * scalings of the selection's objects, and its first restart, first alert and first error burst,
 * at most {@value #MAX} of them. A change shortly before the first trouble (a restart, an alert,
 * an error burst) comes first ("3 min before the first OOMKilled restart"), then the others by
 * severity and time. Each links to its evidence, the timeline's item.
 */
public final class WhatChanged {

    /** The most changes listed. */
    public static final int MAX = 10;
    /** How long before the first trouble a change counts as "shortly before". */
    public static final Duration LEAD = Duration.ofMinutes(30);

    /**
     * One change and why it is listed.
     *
     * @param item its evidence on the timeline
     * @param why  a few words: "3 min before the first OOMKilled restart", "the first alert"
     */
    public record Change(TimelineItem item, String why) {
        public Change {
            Objects.requireNonNull(item, "item");
            why = why == null ? "" : why;
        }
    }

    private WhatChanged() {
    }

    /**
     * The changes of {@code timeline} that concern {@code focus} (every item when empty): a
     * namespace's objects; a workload, its ReplicaSets and pods; a pod and its workload; a node's
     * pods and their workloads; a service's pods and their workloads. The relations come from
     * {@code state}; without it only the object itself (a namespace: its objects) is matched.
     */
    public static List<Change> rank(Timeline timeline, Optional<KubeRef> focus, Optional<ClusterState> state) {
        Set<KubeRef> scope = focus.map(f -> scope(f, state)).orElse(Set.of());
        List<TimelineItem> items = timeline.items().stream()
                .filter(i -> focus.isEmpty() || i.ref().filter(r -> concerns(r, focus.get(), scope)).isPresent()).toList();
        Optional<TimelineItem> firstRestart = first(items, Lane.RESTARTS);
        Optional<TimelineItem> firstAlert = first(items, Lane.ALERTS);
        Optional<TimelineItem> firstBurst = first(items, Lane.ERROR_LOGS);
        Optional<TimelineItem> trouble = java.util.stream.Stream.of(firstRestart, firstAlert, firstBurst)
                .flatMap(Optional::stream).min(Timeline.ORDER);

        List<Ranked> ranked = new ArrayList<>();
        for (TimelineItem i : items) {
            if (i.lane() != Lane.ROLLOUTS) {
                continue;
            }
            if (trouble.isPresent() && !i.at().isAfter(trouble.get().at())
                    && Duration.between(i.at(), trouble.get().at()).compareTo(LEAD) <= 0) {
                ranked.add(new Ranked(i, 0, ago(Duration.between(i.at(), trouble.get().at())) + " before "
                        + describe(trouble.get()), trouble.get().at()));
            } else if (trouble.isPresent()) {
                boolean after = i.at().isAfter(trouble.get().at());
                ranked.add(new Ranked(i, 1, ago(Duration.between(i.at(), trouble.get().at()).abs())
                        + (after ? " after " : " before ") + describe(trouble.get()), trouble.get().at()));
            } else {
                ranked.add(new Ranked(i, 1, kindOf(i), i.at()));
            }
        }
        for (Optional<TimelineItem> f : List.of(firstRestart, firstAlert, firstBurst)) {
            f.ifPresent(t -> ranked.add(new Ranked(t, 1, describe(t)
                    + (trouble.filter(t::equals).isPresent() ? ", the first trouble in the window" : ""), t.at())));
        }
        ranked.sort(Comparator.comparingInt(Ranked::group).thenComparing(r -> r.item().severity())
                .thenComparing(r -> Duration.between(r.item().at(), r.anchor()).abs())
                .thenComparing(r -> r.item().at()));
        return ranked.stream().limit(MAX).map(r -> new Change(r.item(), r.why())).toList();
    }

    private record Ranked(TimelineItem item, int group, String why, Instant anchor) {
    }

    private static Optional<TimelineItem> first(List<TimelineItem> items, Lane lane) {
        return items.stream().filter(i -> i.lane() == lane).min(Timeline.ORDER);
    }

    /** "the first OOMKilled restart", "the first alert (KubePodCrashLooping)", "the first error burst". */
    static String describe(TimelineItem trouble) {
        return switch (trouble.lane()) {
            case RESTARTS -> {
                String reason = ClusterItems.restartReason(trouble);
                yield "the first " + (reason.isEmpty() || reason.equals("restart") ? "" : reason + " ") + "restart";
            }
            case ALERTS -> "the first alert (" + trouble.title() + ")";
            case ERROR_LOGS -> "the first error burst (" + trouble.title() + ")";
            default -> "the first trouble";
        };
    }

    private static String kindOf(TimelineItem i) {
        String t = i.title();
        if (t.contains(": image ")) {
            return "image change";
        }
        if (t.endsWith("config changed")) {
            return "config change";
        }
        if (t.contains(": scaled ") || t.contains("Scaled ")) {
            return "scaling";
        }
        return "rollout";
    }

    /** "45 s", "3 min", "2 h". */
    static String ago(Duration d) {
        long s = d.abs().toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 2 * 3600) {
            return (s / 60) + " min";
        }
        return (s / 3600) + " h";
    }

    private static boolean concerns(KubeRef ref, KubeRef focus, Set<KubeRef> scope) {
        if (focus.kind().equals("Namespace")) {
            return TimelineCollector.namespaceOf(ref).equals(focus.name());
        }
        return scope.contains(ref);
    }

    /** The objects a selection covers, both ways: down (a workload's pods) and up (a pod's workload). */
    static Set<KubeRef> scope(KubeRef focus, Optional<ClusterState> state) {
        Set<KubeRef> out = new LinkedHashSet<>();
        out.add(focus);
        if (state.isEmpty()) {
            return out;
        }
        ClusterState s = state.get();
        out.addAll(Related.to(focus, s));
        Map<KubeRef, Optional<KubeRef>> owners = new HashMap<>();
        s.workloads().forEach(w -> owners.put(w.ref(), w.owner()));
        s.pods().forEach(p -> owners.put(p.ref(), p.owner()));
        for (KubeRef r : List.copyOf(out)) {
            Optional<KubeRef> owner = owners.getOrDefault(r, Optional.empty());
            for (int hops = 0; hops < 4 && owner.isPresent(); hops++) {
                out.add(owner.get());
                owner = owners.getOrDefault(owner.get(), Optional.empty());
            }
        }
        return out;
    }
}
