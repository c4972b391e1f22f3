package io.pitwall.app.workspace;

import io.pitwall.connectors.session.Session;
import io.pitwall.ui.workspace.PaneContent;
import io.pitwall.ui.workspace.PaneId;
import java.util.List;
import java.util.Map;

/**
 * A pane on its own, showing what its pane in the workspace shows, for {@code pitwall render
 * --pane}: small views are copied; a log view (up to millions of lines), a trace, the timeline
 * and the events list move to the copy.
 */
record PaneCopies(Session session, Map<PaneId, PaneContent> panes, ClusterPanes cluster, MetricsPanes metrics,
                  List<SignalPanes> signals, TimelinePanes timeline) {

    PaneContent of(PaneId id) {
        PaneContent copy = new PaneContent(id);
        copy.show(session.states());
        copy.showNotes(session.notes());
        switch (id) {
            case TOPOLOGY -> cluster.copyOfTopology().ifPresent(copy::setView);
            case METRICS -> {
                if (session.metrics().isPresent()) {
                    copy.setView(metrics.copyOfMetrics());
                }
            }
            case ALERTS -> {
                if (session.alerts().isPresent()) {
                    copy.setView(metrics.copyOfAlerts());
                }
            }
            case TIMELINE -> {
                if (panes.get(PaneId.TIMELINE).getChildren().contains(timeline.view())) {
                    copy.setView(timeline.view());
                }
            }
            case EVENTS -> {
                if (panes.get(PaneId.EVENTS).getChildren().contains(cluster.eventsNode())) {
                    copy.setView(cluster.eventsNode());
                }
            }
            default -> signals.stream().filter(p -> p.pane() == id).forEach(p -> p.view().ifPresent(copy::setView));
        }
        return copy;
    }
}
