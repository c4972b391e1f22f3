package io.pitwall.app.workspace;

import io.pitwall.connectors.model.TimeRange;
import io.pitwall.ui.event.SelectionHistory;
import io.pitwall.ui.event.WorkspaceEvents;
import io.pitwall.ui.metrics.MetricChart;
import io.pitwall.ui.metrics.MetricsView;
import io.pitwall.ui.time.TimeCursor;
import io.pitwall.ui.time.TimeRangeModel;
import io.pitwall.ui.workspace.DockingWorkspace;
import io.pitwall.ui.workspace.PaneId;
import java.time.Instant;
import javafx.collections.SetChangeListener;

/**
 * What links the panes beyond the bus's events: the one time cursor (the metrics charts report
 * hovers, clicks and dragged windows to it and draw its marker; the other panes do the same in
 * their own wiring), back and forward through selections, and the pins that keep a pane out of
 * the selection's linking.
 */
final class WorkspaceLinks {

    private final TimeCursor cursor = new TimeCursor();
    private final SelectionHistory history;

    WorkspaceLinks(WorkspaceEvents bus, DockingWorkspace workspace, TimeRangeModel time, MetricsView metrics) {
        this.history = new SelectionHistory(bus);
        workspace.pinned().addListener((SetChangeListener<PaneId>) c -> {
            if (c.wasAdded()) {
                bus.setPinned(c.getElementAdded(), true);
            }
            if (c.wasRemoved()) {
                bus.setPinned(c.getElementRemoved(), false);
            }
        });
        metrics.setTimeLinks(new MetricChart.TimeLinks() {
            @Override
            public void hover(Instant at) {
                cursor.hover(at);
            }

            @Override
            public void hoverEnded() {
                cursor.hoverEnded();
            }

            @Override
            public void clicked(Instant at) {
                cursor.choose(at);
            }

            @Override
            public void rangeDragged(TimeRange range) {
                time.setAbsolute(range);
            }
        });
        cursor.positionProperty().addListener((o, was, now) -> metrics.showCursor(now));
    }

    TimeCursor cursor() {
        return cursor;
    }

    SelectionHistory history() {
        return history;
    }
}
