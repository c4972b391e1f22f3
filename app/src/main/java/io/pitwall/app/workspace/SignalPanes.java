package io.pitwall.app.workspace;

import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.Signal;
import io.pitwall.ui.workspace.PaneId;
import java.util.Optional;

/**
 * A pane's wiring that reads one signal of the session (logs, traces, security): shown again when
 * the session or that signal's source changes, closed when the session goes.
 */
interface SignalPanes {

    /** The signal whose source it reads. */
    Signal signal();

    /** The pane it fills. */
    PaneId pane();

    /** A new session, or its source came, went or changed. */
    void show(Session session);

    /** The session is going: stop what runs, ask nothing more. */
    void close();

    /** The pane's view, when the session has the signal's source (a render's copy takes it over). */
    Optional<? extends javafx.scene.Node> view();
}
