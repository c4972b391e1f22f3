package io.pitwall.ui.event;

import io.pitwall.connectors.model.KubeRef;
import java.util.ArrayDeque;
import java.util.List;
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

    private record Subscription<E extends WorkspaceEvent>(Class<E> type, Consumer<? super E> listener) {
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

    /** Calls {@code listener} with every event of {@code type}; close the handle to stop. */
    public <E extends WorkspaceEvent> AutoCloseable subscribe(Class<E> type, Consumer<? super E> listener) {
        Subscription<E> s = new Subscription<>(type, listener);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
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
                    for (Subscription<?> s : subscriptions) {
                        s.deliver(next);
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
