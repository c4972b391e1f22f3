package io.pitwall.app.workspace;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Related;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.SessionInfo;
import io.pitwall.connectors.timeline.Timeline;
import io.pitwall.connectors.timeline.TimelineCollector;
import io.pitwall.connectors.timeline.TimelineItem;
import io.pitwall.connectors.timeline.WhatChanged;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.event.WorkspaceEvents;
import io.pitwall.ui.time.TimeCursor;
import io.pitwall.ui.time.TimeRangeModel;
import io.pitwall.ui.timeline.TimelineView;
import io.pitwall.ui.workspace.PaneContent;
import io.pitwall.ui.workspace.PaneId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The Timeline pane's wiring: the lanes of the session's window (collected off the FX thread,
 * again when the window, the namespace filter or a source changes; live, at most every
 * {@link #LIVE_REFRESH}), dimmed to the selection with its "What changed?"; an item chosen selects
 * its object and moves the time cursor to it (a trace's item opens the trace); replay puts the
 * topology back at the slider's moment.
 */
final class TimelinePanes {

    /** How often a live window's lanes are collected again while it slides. */
    static final Duration LIVE_REFRESH = Duration.ofSeconds(30);

    private final TimeRangeModel time;
    private final TimeCursor cursor;
    private final WorkspaceEvents bus;
    private final Supplier<Session> session;
    private final Supplier<Optional<String>> namespace;
    private final PaneContent pane;
    private final Executor background;
    private final TimelineView view = new TimelineView();
    private final TimelineCollector collector;
    private Consumer<Instant> onReplay = t -> { };
    private CompletableFuture<?> loading = CompletableFuture.completedFuture(null);
    private Instant collectedAt = Instant.EPOCH;
    private TimeRange asked;
    private long generation;

    TimelinePanes(TimeRangeModel time, TimeCursor cursor, WorkspaceEvents bus, Supplier<Session> session,
                  Supplier<Optional<String>> namespace, PaneContent pane, Executor background) {
        this.time = time;
        this.cursor = cursor;
        this.bus = bus;
        this.session = session;
        this.namespace = namespace;
        this.pane = pane;
        this.background = background;
        this.collector = new TimelineCollector(background);
        view.setOnItemChosen(this::chosen);
        view.setOnFocusCleared(() -> bus.publish(new WorkspaceEvent.SelectionCleared(PaneId.TIMELINE)));
        view.canvas().setOnHover(cursor::hoverAt);
        view.canvas().setOnTimeClicked(cursor::choose);
        view.canvas().setOnRangeSelected(time::setAbsolute);
        view.replay().setOnMoment(t -> {
            if (t != null) {
                cursor.choose(t);
            }
            onReplay.accept(t);
        });
        cursor.positionProperty().addListener((o, was, now) -> view.showCursor(now));
        time.rangeProperty().addListener((o, was, now) -> rangeChanged(now));
        bus.subscribe(PaneId.TIMELINE, WorkspaceEvent.Selected.class, e -> focus());
        bus.subscribe(PaneId.TIMELINE, WorkspaceEvent.SelectionCleared.class, e -> focus());
    }

    /** Where replayed moments go (the topology): an instant while replaying, null when it stops. */
    void setOnReplay(Consumer<Instant> action) {
        onReplay = action == null ? t -> { } : action;
    }

    /** A new session, or one of its sources came, went or changed: the lanes are collected again. */
    void show(Session s) {
        if (s.info().kind() == SessionInfo.Kind.NONE && s.clusterState().isEmpty()) {
            generation++;
            pane.setView(null);
            return;
        }
        pane.setView(view);
        collect(time.range());
    }

    /** A new session: replay stops, the last one's lanes go. */
    void sessionChanged() {
        view.replay().stop();
        view.show(null);
        cursor.choose(null);
    }

    void namespaceChanged() {
        collect(time.range());
    }

    private void rangeChanged(TimeRange now) {
        view.setWindow(now);
        boolean slid = time.isLive() && asked != null && asked.length().equals(now.length());
        if (!slid || Duration.between(collectedAt, now.to()).compareTo(LIVE_REFRESH) >= 0) {
            collect(now);
        }
    }

    private void collect(TimeRange range) {
        Session s = session.get();
        if (pane.getChildren().stream().noneMatch(n -> n == view)) {
            return;
        }
        asked = range;
        collectedAt = range.to();
        long mine = ++generation;
        List<String> namespaces = namespace.get().map(List::of).orElse(List.of());
        loading = CompletableFuture.supplyAsync(() -> collector.collect(s, range, namespaces), background)
                .thenCompose(f -> f)
                .whenComplete((timeline, error) -> Platform.runLater(() -> {
                    if (mine != generation) {
                        return;
                    }
                    if (error != null) {
                        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        view.show(new Timeline(range, List.of(), List.of("The timeline could not be read: " + cause.getMessage())));
                    } else {
                        view.show(timeline);
                    }
                    view.setWindow(time.range());
                    focus();
                }));
    }

    /** The selection dims the other objects' items and ranks what changed around it. */
    private void focus() {
        Optional<KubeRef> selected = bus.selectionFor(PaneId.TIMELINE);
        Optional<ClusterState> state = session.get().clusterState();
        if (selected.isPresent()) {
            Set<KubeRef> related = state.map(st -> Related.to(selected.get(), st)).orElse(Set.of(selected.get()));
            boolean namespace = "Namespace".equals(selected.get().kind());
            view.setFocus(selected.get().kind() + " " + selected.get().name(),
                    ref -> related.contains(ref) || namespace && ref.namespace().equals(selected.get().name()));
        } else {
            view.setFocus(null, null);
        }
        Timeline t = view.timeline();
        if (t == null) {
            view.showChanges("What changed?", List.of());
            return;
        }
        List<TimelineView.Change> rows = WhatChanged.rank(t, selected, state).stream()
                .map(c -> new TimelineView.Change(c.item(), c.why())).toList();
        view.showChanges(selected.map(r -> "What changed? " + r.kind() + " " + r.name()).orElse("What changed?"), rows);
    }

    private void chosen(TimelineItem item) {
        cursor.choose(item.at());
        item.ref().ifPresent(ref -> bus.publish(new WorkspaceEvent.Selected(PaneId.TIMELINE, ref)));
        if (!item.traceId().isBlank()) {
            bus.publish(new WorkspaceEvent.TraceRequested(PaneId.TIMELINE, item.traceId()));
        }
    }

    /** Completes when the lanes asked last have arrived or failed (for pictures and tests). */
    CompletableFuture<?> loaded() {
        return loading.handle((r, e) -> null);
    }

    TimelineView view() {
        return view;
    }
}
