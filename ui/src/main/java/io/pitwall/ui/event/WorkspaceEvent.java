package io.pitwall.ui.event;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.TimeRange;
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

    /**
     * The user asked for the logs of a trace (a span's "Logs for this trace"): the Logs pane
     * filters on the trace id, over the time {@code around} the trace.
     */
    record LogsRequested(PaneId from, String traceId, TimeRange around) implements WorkspaceEvent {
    }
}
