package io.pitwall.ui.topology;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.ui.topology.TopologyLayout.Box;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What stands out in the picture: a node's pods and what leads to them, and badges summed up per group. */
final class Highlights {

    private Highlights() {
    }

    /** The pods running on {@code node}, wherever their groups are. */
    static Set<KubeRef> podsOn(TopologyLayout layout, String node) {
        Set<KubeRef> pods = new HashSet<>();
        for (Box b : layout.boxes().values()) {
            if (b.kind() == TopologyLayout.Kind.GROUP) {
                for (PodInfo p : b.pods()) {
                    if (p.nodeName().equals(node)) {
                        pods.add(p.ref());
                    }
                }
            }
        }
        return pods;
    }

    /**
     * The boxes that stay lit while {@code node} is selected: the node, the groups with pods on
     * it, the services that serve those groups and the ingresses that route to those services.
     */
    static Set<String> involvedWith(TopologyLayout layout, Box node) {
        Set<String> involved = new HashSet<>();
        involved.add(node.id());
        String name = node.ref().name();
        for (Box b : layout.boxes().values()) {
            if (b.kind() == TopologyLayout.Kind.GROUP) {
                for (PodInfo p : b.pods()) {
                    if (p.nodeName().equals(name)) {
                        involved.add(b.id());
                        break;
                    }
                }
            }
        }
        for (int pass = 0; pass < 2; pass++) { // services, then their ingresses
            for (TopologyLayout.Line l : layout.lines()) {
                if (involved.contains(l.to())) {
                    involved.add(l.from());
                }
            }
        }
        return involved;
    }

    /**
     * The badge each group shows: its own when it has one, else the number of its pods with a
     * badge, as loud as the loudest of them; and that number when its pods' badges are louder than
     * its own (a crash-looping pod's critical alert is not hidden by a low finding on its Deployment).
     */
    static Map<String, Badge> groupBadges(TopologyLayout layout, Map<KubeRef, Badge> badges) {
        Map<String, Badge> groups = new HashMap<>();
        if (layout == null || badges.isEmpty()) {
            return groups;
        }
        Map<String, int[]> podCounts = new HashMap<>();
        Map<String, Badge.Severity> loudest = new HashMap<>();
        badges.forEach((ref, badge) -> {
            Box own = layout.byRef().get(ref);
            TopologyLayout.PodPlace place = layout.places().get(ref);
            if (own != null && own.kind() == TopologyLayout.Kind.GROUP && own.ref().equals(ref)) {
                groups.put(own.id(), badge);
            } else if (place != null) {
                podCounts.computeIfAbsent(place.boxId(), k -> new int[1])[0]++;
                loudest.merge(place.boxId(), badge.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        });
        // a group's own badge stands, unless its pods' are louder (a critical pod in a group with a low finding)
        podCounts.forEach((id, n) -> groups.merge(id, new Badge(loudest.get(id), Integer.toString(n[0])),
                (own, pods) -> pods.severity().compareTo(own.severity()) > 0 ? pods : own));
        return groups;
    }

    /** The boxes a spotlight on {@code refs} lights: their own boxes, and the groups holding their pods. */
    static Set<String> spotlightBoxes(TopologyLayout layout, Set<KubeRef> refs) {
        Set<String> lit = new java.util.HashSet<>();
        for (KubeRef ref : refs) {
            Box own = layout.byRef().get(ref);
            if (own != null) {
                lit.add(own.id());
            }
            TopologyLayout.PodPlace place = layout.places().get(ref);
            if (place != null) {
                lit.add(place.boxId());
            }
        }
        return lit;
    }
}
