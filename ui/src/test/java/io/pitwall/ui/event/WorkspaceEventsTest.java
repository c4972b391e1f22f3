package io.pitwall.ui.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.workspace.PaneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceEventsTest {

    private static final KubeRef POD = new KubeRef("Pod", "shop", "web-1");
    private static final KubeRef SVC = new KubeRef("Service", "shop", "web");

    @Test
    void subscribersGetTheKindsTheyAskFor() throws Exception {
        WorkspaceEvents bus = new WorkspaceEvents();
        List<WorkspaceEvent> all = new ArrayList<>();
        List<KubeRef> selected = new ArrayList<>();
        bus.subscribe(WorkspaceEvent.class, all::add);
        AutoCloseable handle = bus.subscribe(WorkspaceEvent.Selected.class, s -> selected.add(s.ref()));
        bus.publish(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, POD));
        bus.publish(new WorkspaceEvent.SelectionCleared(PaneId.TIMELINE));
        handle.close();
        bus.publish(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, SVC));
        assertThat(all).hasSize(3);
        assertThat(selected).containsExactly(POD);
        assertThat(bus.selection()).contains(SVC);
    }

    @Test
    void twoPanesFollowingEachOtherDoNotEcho() {
        WorkspaceEvents bus = new WorkspaceEvents();
        List<WorkspaceEvent> seenByTopology = new ArrayList<>();
        List<WorkspaceEvent> seenByEvents = new ArrayList<>();
        // each pane re-publishes what it is told, as a view whose selection property fires would
        bus.subscribe(WorkspaceEvent.Selected.class, s -> {
            seenByTopology.add(s);
            bus.publish(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, s.ref()));
        });
        bus.subscribe(WorkspaceEvent.Selected.class, s -> {
            seenByEvents.add(s);
            bus.publish(new WorkspaceEvent.Selected(PaneId.TIMELINE, s.ref()));
        });
        bus.publish(new WorkspaceEvent.Selected(PaneId.DETAILS, POD));
        assertThat(seenByTopology).containsExactly(new WorkspaceEvent.Selected(PaneId.DETAILS, POD));
        assertThat(seenByEvents).containsExactly(new WorkspaceEvent.Selected(PaneId.DETAILS, POD));
    }

    @Test
    void eventsPublishedDuringDeliveryArriveAfterInOrder() {
        WorkspaceEvents bus = new WorkspaceEvents();
        List<String> order = new ArrayList<>();
        bus.subscribe(WorkspaceEvent.Selected.class, s -> {
            order.add("a:" + s.ref().name());
            if (s.ref().equals(POD)) {
                bus.publish(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, SVC));
            }
        });
        bus.subscribe(WorkspaceEvent.Selected.class, s -> order.add("b:" + s.ref().name()));
        bus.publish(new WorkspaceEvent.Selected(PaneId.DETAILS, POD));
        assertThat(order).containsExactly("a:web-1", "b:web-1", "a:web", "b:web");
    }

    @Test
    void clearingWhatIsNotSelectedSaysNothing() {
        WorkspaceEvents bus = new WorkspaceEvents();
        List<WorkspaceEvent> seen = new ArrayList<>();
        bus.subscribe(WorkspaceEvent.class, seen::add);
        bus.publish(new WorkspaceEvent.SelectionCleared(PaneId.TOPOLOGY));
        assertThat(seen).isEmpty();
        assertThat(bus.selection()).isEmpty();
    }

    @Test
    void logsForATraceAreAskedForEachTime() {
        WorkspaceEvents bus = new WorkspaceEvents();
        List<WorkspaceEvent.LogsRequested> asked = new ArrayList<>();
        bus.subscribe(WorkspaceEvent.LogsRequested.class, asked::add);
        io.pitwall.connectors.model.TimeRange around = io.pitwall.connectors.model.TimeRange.ending(
                java.time.Instant.parse("2026-01-01T12:00:00Z"), java.time.Duration.ofMinutes(2));
        WorkspaceEvent.LogsRequested e = new WorkspaceEvent.LogsRequested(PaneId.TRACES, "4bf92f3577b34da6", around);
        bus.publish(e);
        bus.publish(e);
        assertThat(asked).containsExactly(e, e);
        assertThat(bus.selection()).isEmpty();
    }
}
