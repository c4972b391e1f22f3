package io.pitwall.ui.topology;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.Topology;
import io.pitwall.ui.fx.PulseCoalescer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Turns cluster states into layouts off the FX thread: one layout at a time, always of the newest
 * state offered, handed to the view at most once per pulse.
 */
public final class TopologyViewModel {

    private final Executor background;
    private final AtomicReference<ClusterState> pending = new AtomicReference<>();
    private final AtomicBoolean working = new AtomicBoolean();
    private final PulseCoalescer<TopologyLayout> toView;

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
        pending.set(state);
        if (working.compareAndSet(false, true)) {
            background.execute(this::work);
        }
    }

    private void work() {
        try {
            ClusterState next;
            while ((next = pending.getAndSet(null)) != null) {
                toView.offer(TopologyLayout.of(Topology.of(next)));
            }
        } finally {
            working.set(false);
            if (pending.get() != null && working.compareAndSet(false, true)) {
                background.execute(this::work);
            }
        }
    }
}
