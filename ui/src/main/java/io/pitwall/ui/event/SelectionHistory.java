package io.pitwall.ui.event;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.workspace.PaneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Back and forward through the workspace's selections (Alt+Left and Alt+Right), as a browser
 * goes through pages: a new selection after going back drops what was ahead. At most
 * {@link #LIMIT} kept. FX thread only, like the bus it listens to.
 */
public final class SelectionHistory {

    public static final int LIMIT = 100;

    private final WorkspaceEvents bus;
    private final List<KubeRef> visited = new ArrayList<>();
    private int at = -1;
    private boolean moving;

    public SelectionHistory(WorkspaceEvents bus) {
        this.bus = bus;
        bus.subscribe(WorkspaceEvent.Selected.class, e -> {
            if (!moving) {
                visit(e.ref());
            }
        });
    }

    private void visit(KubeRef ref) {
        if (at >= 0 && visited.get(at).equals(ref)) {
            return;
        }
        visited.subList(at + 1, visited.size()).clear();
        visited.add(ref);
        if (visited.size() > LIMIT) {
            visited.removeFirst();
        }
        at = visited.size() - 1;
    }

    /** Selects the selection before the current one, if any; says whether it moved. */
    public boolean back() {
        return go(at - 1);
    }

    /** Selects the selection after the current one (after going back), if any. */
    public boolean forward() {
        return go(at + 1);
    }

    public boolean canGoBack() {
        return at > 0;
    }

    public boolean canGoForward() {
        return at + 1 < visited.size();
    }

    /** The selection the history stands at. */
    public Optional<KubeRef> current() {
        return at < 0 ? Optional.empty() : Optional.of(visited.get(at));
    }

    /** A new session: its selections start a new history. */
    public void clear() {
        visited.clear();
        at = -1;
    }

    private boolean go(int index) {
        if (index < 0 || index >= visited.size()) {
            return false;
        }
        at = index;
        moving = true;
        try {
            bus.publish(new WorkspaceEvent.Selected(PaneId.DETAILS, visited.get(index)));
        } finally {
            moving = false;
        }
        return true;
    }
}
