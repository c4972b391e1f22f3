package io.pitwall.ui.event;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.workspace.PaneId;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The workspace's one small event bus: panes publish {@link WorkspaceEvent}s and subscribe to the
 * kinds they care about. Used on the FX thread only. An event published while another is being
 * delivered waits its turn (no listener sees events out of order), and a selection of what is
 * already selected is dropped, so two panes that follow each other do not echo for ever.
 */
public final class WorkspaceEvents {

    /** A listener, of one pane (which a pin keeps out of the selection's linking) or of none. */
    private record Subscription<E extends WorkspaceEvent>(PaneId pane, Class<E> type, Consumer<? super E> listener) {
        void deliver(WorkspaceEvent e) {
            if (type.isInstance(e)) {
                listener.accept(type.cast(e));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();
    private final Queue<WorkspaceEvent> queue = new ArrayDeque<>();
    private boolean delivering;
    private KubeRef selection;
    /** The pinned panes and the selection each kept when it was pinned (null: none). */
    private final Map<PaneId, Optional<KubeRef>> pinned = new EnumMap<>(PaneId.class);

    /** Calls {@code listener} with every event of {@code type}; close the handle to stop. */
    public <E extends WorkspaceEvent> AutoCloseable subscribe(Class<E> type, Consumer<? super E> listener) {
        return subscribe(null, type, listener);
    }

    /**
     * As {@link #subscribe(Class, Consumer)}, for {@code pane}: while the pane is pinned it hears
     * no selection (it keeps the one it had), and when unpinned it hears the current one.
     */
    public <E extends WorkspaceEvent> AutoCloseable subscribe(PaneId pane, Class<E> type, Consumer<? super E> listener) {
        Subscription<E> s = new Subscription<>(pane, type, listener);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    /** Pins {@code pane} (keeps it out of the selection's linking) or unpins it (it catches up). */
    public void setPinned(PaneId pane, boolean pin) {
        if (pin == pinned.containsKey(pane)) {
            return;
        }
        if (pin) {
            pinned.put(pane, Optional.ofNullable(selection));
            return;
        }
        Optional<KubeRef> kept = pinned.remove(pane);
        if (!kept.equals(Optional.ofNullable(selection))) {
            WorkspaceEvent now = selection == null ? new WorkspaceEvent.SelectionCleared(pane)
                    : new WorkspaceEvent.Selected(pane, selection);
            subscriptions.stream().filter(s -> s.pane() == pane).forEach(s -> s.deliver(now));
        }
    }

    public boolean isPinned(PaneId pane) {
        return pinned.containsKey(pane);
    }

    /** The selection {@code pane} follows: the workspace's, or the one it kept when pinned. */
    public Optional<KubeRef> selectionFor(PaneId pane) {
        return pinned.getOrDefault(pane, Optional.ofNullable(selection));
    }

    public void publish(WorkspaceEvent event) {
        queue.add(event);
        if (delivering) {
            return;
        }
        delivering = true;
        try {
            WorkspaceEvent next;
            while ((next = queue.poll()) != null) {
                if (changesSomething(next)) {
                    boolean selection = next instanceof WorkspaceEvent.Selected || next instanceof WorkspaceEvent.SelectionCleared;
                    for (Subscription<?> s : subscriptions) {
                        if (!(selection && s.pane() != null && pinned.containsKey(s.pane()))) {
                            s.deliver(next);
                        }
                    }
                }
            }
        } finally {
            delivering = false;
        }
    }

    /** The object selected last, if any. */
    public Optional<KubeRef> selection() {
        return Optional.ofNullable(selection);
    }

    private boolean changesSomething(WorkspaceEvent e) {
        return switch (e) {
            case WorkspaceEvent.Selected s -> {
                boolean changed = !s.ref().equals(selection);
                selection = s.ref();
                yield changed;
            }
            case WorkspaceEvent.SelectionCleared c -> {
                boolean changed = selection != null;
                selection = null;
                yield changed;
            }
            case WorkspaceEvent.TraceRequested t -> true; // asking again opens it again
            case WorkspaceEvent.LogsRequested l -> true;
        };
    }
}
