package io.pitwall.bench;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Pod updates as a busy cluster makes them, one at a time, deterministic: 60% a status flip
 * (running and ready <-> not ready, crash-looping or pending), 30% a restart, 5% a pod deleted,
 * 5% a pod added to the workload of another (so the count stays about the same).
 */
final class PodChurn {

    private final ClusterState base;
    private final Random random = new Random(42);
    private final List<PodInfo> pods;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> nodes = new ArrayList<>();
    private int added;

    PodChurn(ClusterState base) {
        this.base = base;
        this.pods = new ArrayList<>(base.pods());
        for (int i = 0; i < pods.size(); i++) {
            index.put(key(pods.get(i)), i);
        }
        base.nodes().forEach(n -> nodes.add(n.name()));
    }

    private static String key(PodInfo p) {
        return p.namespace() + "/" + p.name();
    }

    /** Applies one update. */
    void next() {
        int dice = random.nextInt(100);
        int i = random.nextInt(pods.size());
        PodInfo p = pods.get(i);
        if (dice < 60) {
            pods.set(i, flipped(p, random.nextInt(3)));
        } else if (dice < 90) {
            pods.set(i, with(p, p.phase(), p.ready(), p.restarts() + 1, p.reason(), p.nodeName()));
        } else if (dice < 95) {
            remove(i);
        } else {
            KubeRef owner = p.owner().orElseThrow();
            PodInfo fresh = new PodInfo(p.namespace(), owner.name() + "-x" + added++, "x" + added, p.labels(), p.owner(),
                    nodes.get(random.nextInt(nodes.size())), "Running", true, 0, Optional.empty(), List.of(), p.created());
            index.put(key(fresh), pods.size());
            pods.add(fresh);
        }
    }

    private PodInfo flipped(PodInfo p, int how) {
        boolean healthy = "Running".equals(p.phase()) && p.ready() && p.reason().isEmpty();
        if (!healthy) {
            String node = p.nodeName().isEmpty() ? nodes.get(random.nextInt(nodes.size())) : p.nodeName();
            return with(p, "Running", true, p.restarts(), Optional.empty(), node);
        }
        return switch (how) {
            case 0 -> with(p, "Running", false, p.restarts(), Optional.empty(), p.nodeName());
            case 1 -> with(p, "Running", false, p.restarts() + 1, Optional.of("CrashLoopBackOff"), p.nodeName());
            default -> with(p, "Pending", false, p.restarts(), Optional.empty(), "");
        };
    }

    private static PodInfo with(PodInfo p, String phase, boolean ready, int restarts, Optional<String> reason, String node) {
        return new PodInfo(p.namespace(), p.name(), p.uid(), p.labels(), p.owner(), node, phase, ready, restarts, reason,
                p.containers(), p.created());
    }

    private void remove(int i) {
        PodInfo gone = pods.get(i);
        PodInfo last = pods.removeLast();
        index.remove(key(gone));
        if (i < pods.size()) {
            pods.set(i, last);
            index.put(key(last), i);
        }
    }

    /** The cluster now, as the watcher would hand it over. */
    ClusterState state() {
        return new ClusterState(base.at(), base.namespaces(), base.nodes(), pods, base.workloads(), base.services(),
                base.ingresses(), base.events(), base.counts(), base.noAccess(), base.absent());
    }

    List<PodInfo> pods() {
        return pods;
    }
}
