package io.pitwall.app.workspace;

import io.pitwall.connectors.kube.ClusterReplay;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Related;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.WatchEvent;
import io.pitwall.connectors.session.Session;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.event.WorkspaceEvents;
import io.pitwall.ui.topology.TopologyView;
import io.pitwall.ui.topology.TopologyViewModel;
import io.pitwall.ui.workspace.AccessBanner;
import io.pitwall.ui.workspace.DetailsView;
import io.pitwall.ui.workspace.EventsView;
import io.pitwall.ui.workspace.PaneContent;
import io.pitwall.ui.workspace.PaneId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The panes that show the cluster's objects: the topology, the Details pane and the events list
 * (in the Timeline pane until its lanes exist). The selection travels between them on the bus;
 * each follows the namespace filter; what the user may not list is said in a banner.
 */
final class ClusterPanes {

    private final WorkspaceEvents bus;
    private final Supplier<Session> session;
    private final Supplier<Optional<String>> namespace;
    private final Map<PaneId, PaneContent> panes;
    private final Consumer<List<String>> namespacesSeen;
    private final TopologyView topologyView = new TopologyView();
    private final TopologyViewModel topology;
    private final DetailsView details = new DetailsView();
    private final EventsView events = new EventsView();
    private final AccessBanner topologyAccess;
    private final AccessBanner eventsAccess;
    private final Executor background;
    private Instant replaying;
    private TimeRange replayWindow;
    private long replays;

    /**
     * @param namespacesSeen told every namespace the cluster (and the session) knows, for the filter
     */
    ClusterPanes(WorkspaceEvents bus, Supplier<Session> session, Supplier<Optional<String>> namespace,
                 Map<PaneId, PaneContent> panes, Executor background, Consumer<List<String>> namespacesSeen) {
        this.bus = bus;
        this.session = session;
        this.namespace = namespace;
        this.panes = panes;
        this.namespacesSeen = namespacesSeen;
        this.background = background;
        this.topology = new TopologyViewModel(background, Platform::runLater, topologyView::setLayout);
        this.topologyAccess = new AccessBanner(topologyView, List.of("Pod", "Node", "Service", "Ingress", "Deployment",
                "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "Namespace"));
        this.eventsAccess = new AccessBanner(events, List.of("Event"));
        topologyView.setCollapseHandler(topology::setCollapsed);
        details.setYamlSource(ref -> {
            Session s = session.get();
            return CompletableFuture.supplyAsync(() -> s.objectYaml(ref), background);
        });
        wireSelection();
    }

    /**
     * The selection travels on the bus: the topology and the events list publish what the user
     * picks; the topology, the Details pane and the events list follow what any pane publishes.
     */
    private void wireSelection() {
        topologyView.selectedProperty().addListener((o, was, now) -> bus.publish(now == null
                ? new WorkspaceEvent.SelectionCleared(PaneId.TOPOLOGY) : new WorkspaceEvent.Selected(PaneId.TOPOLOGY, now)));
        events.setOnObjectChosen(ref -> bus.publish(new WorkspaceEvent.Selected(PaneId.EVENTS, ref)));
        bus.subscribe(PaneId.TOPOLOGY, WorkspaceEvent.Selected.class, e -> {
            if (e.from() != PaneId.TOPOLOGY) {
                topologyView.selectedProperty().set(e.ref());
                topologyView.reveal(e.ref(), true); // what another pane picked comes into view
            }
            showDetails();
        });
        bus.subscribe(PaneId.TOPOLOGY, WorkspaceEvent.SelectionCleared.class, e -> {
            topologyView.selectedProperty().set(null);
            showDetails();
        });
        bus.subscribe(PaneId.EVENTS, WorkspaceEvent.Selected.class, e -> focusEvents());
        bus.subscribe(PaneId.EVENTS, WorkspaceEvent.SelectionCleared.class, e -> events.clearFocus());
    }

    /** The topology pane draws the session's cluster state, once it has one. */
    void show(Session s) {
        Optional<ClusterState> state = s.clusterState();
        if (state.isEmpty()) {
            panes.get(PaneId.TOPOLOGY).setView(null);
            panes.get(PaneId.EVENTS).setView(null);
            return;
        }
        panes.get(PaneId.TOPOLOGY).setView(topologyAccess);
        panes.get(PaneId.EVENTS).setView(eventsAccess);
        topologyAccess.show(state.get().noAccess());
        eventsAccess.show(state.get().noAccess());
        ClusterState shown = state.get().inNamespace(namespace.get());
        events.setEvents(shown.events());
        if (replaying == null) {
            topology.offer(shown);
        } else {
            replay(replaying, replayWindow);
        }
        if (bus.selectionFor(PaneId.TOPOLOGY).isPresent()) {
            showDetails(); // the selected object as it is now
        }
        if (bus.selectionFor(PaneId.EVENTS).isPresent()) {
            focusEvents();
        }
        Set<String> namespaces = new java.util.TreeSet<>(state.get().namespaces());
        namespaces.addAll(s.info().namespaces());
        namespacesSeen.accept(List.copyOf(namespaces));
    }

    /**
     * Replay: the topology as it stood at {@code moment} of {@code window} (worked out off the FX
     * thread from the state at the end and the window's watch events); null shows it as it is.
     */
    void replay(Instant moment, TimeRange window) {
        replaying = moment;
        replayWindow = window;
        long mine = ++replays;
        Session s = session.get();
        Optional<ClusterState> state = s.clusterState();
        if (state.isEmpty()) {
            return;
        }
        if (moment == null) {
            topology.offer(state.get().inNamespace(namespace.get()));
            return;
        }
        Optional<String> ns = namespace.get();
        CompletableFuture.supplyAsync(() -> {
            Instant end = state.get().at().isAfter(window.to()) ? state.get().at() : window.to();
            List<WatchEvent> changes = s.clusterChanges(new TimeRange(window.from(), end));
            return ClusterReplay.at(state.get(), changes, moment).inNamespace(ns);
        }, background).thenAcceptAsync(then -> {
            if (mine == replays) {
                topology.offer(then);
            }
        }, Platform::runLater);
    }

    /** The Events pane's view: the events list under its access banner. */
    javafx.scene.Node eventsNode() {
        return eventsAccess;
    }

    /** The events list shows what the selection covers (a workload: its pods too). */
    private void focusEvents() {
        Optional<KubeRef> selected = bus.selectionFor(PaneId.EVENTS);
        Optional<ClusterState> state = session.get().clusterState();
        if (selected.isEmpty() || state.isEmpty()) {
            events.clearFocus();
            return;
        }
        Set<KubeRef> related = Related.to(selected.get(), state.get());
        events.focus(selected.get().kind() + " " + selected.get().name(), related::contains);
    }

    /** The Details pane: the selected object, else the session's notes, else what to select. */
    private void showDetails() {
        KubeRef selected = bus.selectionFor(PaneId.TOPOLOGY).orElse(null);
        Optional<ClusterState> state = session.get().clusterState();
        if (selected == null || state.isEmpty()) {
            panes.get(PaneId.DETAILS).setView(null);
            panes.get(PaneId.DETAILS).showNotes(session.get().notes());
            return;
        }
        details.show(selected, state.get());
        panes.get(PaneId.DETAILS).setView(details);
    }

    /** A copy of the topology as drawn now (for rendering one pane), if it has been drawn. */
    Optional<TopologyView> copyOfTopology() {
        if (topologyView.layoutShown() == null) {
            return Optional.empty();
        }
        TopologyView view = new TopologyView();
        view.setLayout(topologyView.layoutShown());
        view.setBadges(topologyView.badges());
        view.setCalls(topologyView.callLinks());
        view.setSpotlight(topologyView.spotlight());
        return Optional.of(view);
    }

    TopologyView topologyView() {
        return topologyView;
    }

    EventsView events() {
        return events;
    }

    DetailsView details() {
        return details;
    }
}
