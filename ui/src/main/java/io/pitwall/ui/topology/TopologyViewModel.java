package io.pitwall.ui.topology;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.Topology;
import io.pitwall.ui.fx.PulseCoalescer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Turns cluster states into layouts off the FX thread: one layout at a time, always of the newest
 * state offered, handed to the view at most once per pulse. Each layout starts from the one made
 * before, so what did not change keeps its place; the user's collapsed and expanded groups are
 * kept across cluster updates.
 */
public final class TopologyViewModel {

    private final Executor background;
    private final AtomicReference<ClusterState> pending = new AtomicReference<>();
    private final AtomicBoolean working = new AtomicBoolean();
    private final PulseCoalescer<TopologyLayout> toView;
    private final Map<String, Boolean> collapsed = new ConcurrentHashMap<>();
    /** The newest state offered, laid out again when a group is collapsed or expanded. */
    private volatile ClusterState latest;
    /** Only the worker touches it (one at a time). */
    private TopologyLayout previous;

    /**
     * @param background where layouts are computed
     * @param fx         the FX thread ({@code Platform::runLater}; same-thread in tests)
     * @param view       receives each layout on the FX thread
     */
    public TopologyViewModel(Executor background, Executor fx, Consumer<TopologyLayout> view) {
        this.background = background;
        this.toView = new PulseCoalescer<>(fx, view);
    }

    /** A new cluster state: laid out when the worker is free, older unstarted ones dropped. */
    public void offer(ClusterState state) {
        latest = state;
        pending.set(state);
        if (working.compareAndSet(false, true)) {
            background.execute(this::work);
        }
    }

    /**
     * The user collapses ({@code true}) or expands a workload group; the choice holds for later
     * states too. Lays out the newest state again.
     */
    public void setCollapsed(String groupId, boolean collapse) {
        collapsed.put(groupId, collapse);
        ClusterState state = latest;
        if (state != null) {
            offer(state);
        }
    }

    /** The user's choices so far, by group id. */
    public Map<String, Boolean> collapsedChoices() {
        return Map.copyOf(collapsed);
    }

    private void work() {
        try {
            ClusterState next;
            while ((next = pending.getAndSet(null)) != null) {
                previous = TopologyLayout.of(Topology.of(next), Map.copyOf(collapsed), previous);
                toView.offer(previous);
            }
        } finally {
            working.set(false);
            if (pending.get() != null && working.compareAndSet(false, true)) {
                background.execute(this::work);
            }
        }
    }
}
