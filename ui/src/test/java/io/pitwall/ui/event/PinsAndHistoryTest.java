package io.pitwall.ui.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.time.TimeCursor;
import io.pitwall.ui.workspace.PaneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A pinned pane keeps its selection and catches up when unpinned; back and forward go through selections; the cursor. */
class PinsAndHistoryTest {

    private static final KubeRef CARTS = new KubeRef("Deployment", "shop", "carts");
    private static final KubeRef ORDERS = new KubeRef("Deployment", "shop", "orders");
    private static final KubeRef POD = new KubeRef("Pod", "shop", "carts-1");

    @Test
    void aPinnedPaneHearsNoSelectionAndCatchesUpWhenUnpinned() {
        WorkspaceEvents bus = new WorkspaceEvents();
        List<String> metrics = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        bus.subscribe(PaneId.METRICS, WorkspaceEvent.Selected.class, e -> metrics.add(e.ref().name()));
        bus.subscribe(PaneId.METRICS, WorkspaceEvent.SelectionCleared.class, e -> metrics.add("-"));
        bus.subscribe(PaneId.LOGS, WorkspaceEvent.Selected.class, e -> logs.add(e.ref().name()));
        bus.publish(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, CARTS));
        bus.setPinned(PaneId.METRICS, true);
        assertThat(bus.isPinned(PaneId.METRICS)).isTrue();
        bus.publish(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, ORDERS));
        bus.publish(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, POD));
        assertThat(metrics).containsExactly("carts");
        assertThat(logs).containsExactly("carts", "orders", "carts-1");
        assertThat(bus.selectionFor(PaneId.METRICS)).contains(CARTS);
        assertThat(bus.selectionFor(PaneId.LOGS)).contains(POD);
        assertThat(bus.selection()).contains(POD);
        bus.setPinned(PaneId.METRICS, false);
        assertThat(metrics).containsExactly("carts", "carts-1");
        assertThat(bus.selectionFor(PaneId.METRICS)).contains(POD);
        // pinned while a selection is cleared: it hears the clearing once unpinned
        bus.setPinned(PaneId.METRICS, true);
        bus.publish(new WorkspaceEvent.SelectionCleared(PaneId.TOPOLOGY));
        bus.setPinned(PaneId.METRICS, false);
        assertThat(metrics).containsExactly("carts", "carts-1", "-");
        // unpinning when nothing changed tells nothing
        bus.setPinned(PaneId.METRICS, true);
        bus.setPinned(PaneId.METRICS, false);
        assertThat(metrics).hasSize(3);
    }

    @Test
    void backAndForwardGoThroughSelectionsAsABrowserDoes() {
        WorkspaceEvents bus = new WorkspaceEvents();
        SelectionHistory history = new SelectionHistory(bus);
        assertThat(history.back()).isFalse();
        bus.publish(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, CARTS));
        bus.publish(new WorkspaceEvent.Selected(PaneId.LOGS, ORDERS));
        bus.publish(new WorkspaceEvent.Selected(PaneId.TRACES, POD));
        assertThat(history.back()).isTrue();
        assertThat(bus.selection()).contains(ORDERS);
        assertThat(history.back()).isTrue();
        assertThat(bus.selection()).contains(CARTS);
        assertThat(history.canGoBack()).isFalse();
        assertThat(history.forward()).isTrue();
        assertThat(bus.selection()).contains(ORDERS);
        // a new selection after going back drops what was ahead
        bus.publish(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, new KubeRef("Pod", "shop", "carts-2")));
        assertThat(history.canGoForward()).isFalse();
        assertThat(history.back()).isTrue();
        assertThat(bus.selection()).contains(ORDERS);
        // a cleared selection is not a step; the same one twice is one step
        bus.publish(new WorkspaceEvent.SelectionCleared(PaneId.TOPOLOGY));
        bus.publish(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, ORDERS));
        assertThat(history.current()).contains(ORDERS);
        history.clear();
        assertThat(history.current()).isEqualTo(Optional.empty());
    }

    @Test
    void theHistoryKeepsItsLimit() {
        WorkspaceEvents bus = new WorkspaceEvents();
        SelectionHistory history = new SelectionHistory(bus);
        for (int i = 0; i < SelectionHistory.LIMIT + 20; i++) {
            bus.publish(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, new KubeRef("Pod", "shop", "p-" + i)));
        }
        int steps = 0;
        while (history.back()) {
            steps++;
        }
        assertThat(steps).isEqualTo(SelectionHistory.LIMIT - 1);
        assertThat(bus.selection()).contains(new KubeRef("Pod", "shop", "p-20"));
    }

    @Test
    void theCursorIsTheHoverElseTheMomentClicked() {
        TimeCursor cursor = new TimeCursor();
        Instant a = Instant.parse("2026-11-24T03:02:10Z");
        Instant b = Instant.parse("2026-11-24T03:15:00Z");
        assertThat(cursor.position()).isNull();
        cursor.choose(a);
        assertThat(cursor.position()).isEqualTo(a);
        cursor.hoverAt(b);
        assertThat(cursor.position()).isEqualTo(b);
        assertThat(cursor.chosenProperty().get()).isEqualTo(a);
        cursor.hoverAt(null);
        assertThat(cursor.position()).isEqualTo(a);
        cursor.choose(null);
        assertThat(cursor.position()).isNull();
    }
}
