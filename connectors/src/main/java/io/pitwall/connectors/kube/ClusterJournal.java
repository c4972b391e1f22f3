package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.WatchEvent;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The watch events of the last while, kept in memory for the timeline and for capture: at most
 * {@code capacity} of them, the oldest dropped first, so a busy cluster costs a bounded amount.
 * Thread-safe (informers deliver on their own threads).
 */
public final class ClusterJournal {

    /** Enough for 500 changes a second over more than three minutes, or a quiet cluster's day. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Clock clock;
    private final int capacity;
    private final Deque<WatchEvent> events = new ArrayDeque<>();
    private long dropped;

    public ClusterJournal(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    public void record(WatchEvent.Type type, HasMetadata object) {
        record(type, null, object);
    }

    /**
     * Records a change of {@code object}; {@code before} is how it stood before a modification
     * (null when unknown), so that a workload's summary names the images and replicas it replaced.
     */
    public void record(WatchEvent.Type type, HasMetadata before, HasMetadata object) {
        if (object == null || object.getMetadata() == null || object.getMetadata().getName() == null) {
            return;
        }
        WatchEvent e = new WatchEvent(clock.instant(), type, ObjectYaml.ref(object),
                object.getMetadata().getResourceVersion(), summary(before, object));
        synchronized (events) {
            events.addLast(e);
            while (events.size() > capacity) {
                events.removeFirst();
                dropped++;
            }
        }
    }

    /** The events in {@code window}, oldest first. */
    public List<WatchEvent> in(TimeRange window) {
        synchronized (events) {
            return events.stream().filter(e -> window.contains(e.at())).toList();
        }
    }

    /** How many events were dropped because the journal was full. */
    public long dropped() {
        synchronized (events) {
            return dropped;
        }
    }

    /**
     * How the object stood after the change: a pod's state in a few words ("Running, ready, 3
     * restarts, CrashLoopBackOff", {@link PodSummary}), a workload's replicas, revision and images
     * and what the change replaced ({@link WorkloadSummary}); "" for other kinds.
     */
    static String summary(HasMetadata before, HasMetadata object) {
        if (object instanceof Pod pod) {
            return PodSummary.of(KubeMapping.pod(pod)).text();
        }
        return WorkloadSummary.of(before, object).map(WorkloadSummary::text).orElse("");
    }
}
