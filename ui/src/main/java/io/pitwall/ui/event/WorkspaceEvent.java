package io.pitwall.ui.event;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.workspace.PaneId;

/**
 * What one pane tells the others, on the workspace's {@link WorkspaceEvents} bus. Each event
 * names the pane it came from, so that a pane can tell its own echo.
 */
public sealed interface WorkspaceEvent {

    PaneId from();

    /** The user selected an object: the other panes focus on it. */
    record Selected(PaneId from, KubeRef ref) implements WorkspaceEvent {
    }

    /** The user cleared the selection: the other panes show everything again. */
    record SelectionCleared(PaneId from) implements WorkspaceEvent {
    }

    /** The user asked for a trace by its id (a link in a log line): the Traces pane opens it. */
    record TraceRequested(PaneId from, String traceId) implements WorkspaceEvent {
    }
}
