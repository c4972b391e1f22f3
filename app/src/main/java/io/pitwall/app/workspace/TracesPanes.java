package io.pitwall.app.workspace;

import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.traces.TraceQuery;
import io.pitwall.connectors.traces.TracesSource;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.event.WorkspaceEvents;
import io.pitwall.ui.time.TimeRangeModel;
import io.pitwall.ui.traces.TracesView;
import io.pitwall.ui.traces.TracesViewModel;
import io.pitwall.ui.workspace.PaneContent;
import io.pitwall.ui.workspace.PaneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The Traces pane's wiring: a search over the session's traces (a Jaeger or Zipkin backend, a
 * bundle's or a file's traces) on the shared time range, the selection pre-filling the service, a
 * trace id asked for by another pane opening that trace; and the service dependency graph of the
 * window handed to the topology as call edges. A bundle or a file lists its traces at once and
 * opens the first (failed, then slowest).
 */
final class TracesPanes implements SignalPanes {

    @Override
    public io.pitwall.connectors.session.Signal signal() {
        return io.pitwall.connectors.session.Signal.TRACES;
    }

    @Override
    public PaneId pane() {
        return PaneId.TRACES;
    }

    /** How many traces a bundle's or a file's list shows. */
    static final int LOCAL_LIMIT = 500;

    private final TimeRangeModel time;
    private final io.pitwall.ui.time.TimeCursor cursor;
    private final WorkspaceEvents bus;
    private final PaneContent pane;
    private final Executor background;
    private final Consumer<PaneId> focus;
    private final io.pitwall.connectors.mapping.TraceAttributes attributes;
    private Consumer<List<DependencyLink>> onCalls = links -> { };
    private TracesView view;
    private TracesSource shown;
    private TimeRange asked;
    private long generation;
    private CompletableFuture<?> loading = CompletableFuture.completedFuture(null);
    private CompletableFuture<?> calls = CompletableFuture.completedFuture(null);
    /** Every trace the user opened in this session, oldest first: a capture keeps them all. */
    private final java.util.Set<String> opened = new java.util.LinkedHashSet<>();

    TracesPanes(TimeRangeModel time, io.pitwall.ui.time.TimeCursor cursor, WorkspaceEvents bus, PaneContent pane,
                Executor background, Consumer<PaneId> focus, io.pitwall.connectors.mapping.TraceAttributes attributes) {
        this.attributes = attributes;
        this.time = time;
        this.cursor = cursor;
        cursor.positionProperty().addListener((o, was, now) -> view().ifPresent(v -> v.waterfall().showCursor(now)));
        this.bus = bus;
        this.pane = pane;
        this.background = background;
        this.focus = focus;
        time.rangeProperty().addListener((o, was, now) -> rangeChanged(now));
        bus.subscribe(PaneId.TRACES, WorkspaceEvent.Selected.class, this::forward);
        bus.subscribe(PaneId.TRACES, WorkspaceEvent.SelectionCleared.class, this::forward);
        bus.subscribe(WorkspaceEvent.TraceRequested.class, e -> {
            forward(e);
            if (view != null) {
                focus.accept(PaneId.TRACES);
            }
        });
    }

    /** Where the window's service calls go (the topology's overlay). */
    void setOnCalls(Consumer<List<DependencyLink>> action) {
        onCalls = action;
    }

    /** A new session, or one whose traces came or went. The same source again changes nothing. */
    @Override
    public void show(Session s) {
        Optional<TracesSource> source = s.traces();
        if (view != null && source.isPresent() && source.get() == shown) {
            return;
        }
        generation++;
        shown = source.orElse(null);
        if (source.isEmpty()) {
            view = null;
            pane.setView(null);
            onCalls.accept(List.of());
            return;
        }
        TracesViewModel model = new TracesViewModel(source, background, Platform::runLater);
        model.setPublisher(bus::publish);
        opened.clear();
        model.traceProperty().addListener((o, was, now) -> {
            if (now != null) {
                opened.add(now.trace().traceId());
            }
        });
        view = new TracesView(model);
        view.setSpanAttributes(attributes);
        view.waterfall().setOnCursorHover(cursor::hoverAt);
        view.waterfall().showCursor(cursor.position());
        asked = time.range();
        model.setRange(asked);
        bus.selectionFor(PaneId.TRACES).ifPresent(ref -> model.accept(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, ref)));
        pane.setView(view);
        loadCalls(asked);
        if (source.get().local()) {
            // a file or a bundle: its traces at once, the first opened
            listLocal(model, asked);
        }
    }

    @Override
    public void close() {
        generation++;
        if (view != null) {
            view.viewModel().cancelLoad();
        }
        view = null;
        shown = null;
    }

    private void forward(WorkspaceEvent e) {
        if (view != null) {
            view.viewModel().accept(e);
        }
    }

    /** Live, the window slides every second: asked again only when it changes otherwise. */
    private void rangeChanged(TimeRange now) {
        if (view == null) {
            return;
        }
        boolean slid = time.isLive() && asked != null && asked.length().equals(now.length());
        if (!slid) {
            asked = now;
            view.viewModel().setRange(now);
            loadCalls(now);
        }
    }

    private void listLocal(TracesViewModel model, TimeRange range) {
        model.search(new TraceQuery("", "", java.util.Map.of(), Optional.empty(), Optional.empty(), LOCAL_LIMIT, range));
        long mine = generation;
        TracesView v = view;
        CompletableFuture<Void> opened = new CompletableFuture<>();
        loading = opened;
        model.phaseProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends TracesViewModel.Phase> o,
                                TracesViewModel.Phase was, TracesViewModel.Phase now) {
                if (now == TracesViewModel.Phase.SEARCHING) {
                    return;
                }
                o.removeListener(this);
                if (mine == generation && view == v && now == TracesViewModel.Phase.RESULTS && !model.results().isEmpty()) {
                    model.open(model.results().getFirst().traceId());
                    v.loaded().whenComplete((x, e) -> opened.complete(null));
                } else {
                    opened.complete(null);
                }
            }
        });
    }

    /** The window's service dependency graph, for the topology. */
    private void loadCalls(TimeRange range) {
        long mine = generation;
        TracesSource source = shown;
        CompletableFuture<Void> handed = new CompletableFuture<>();
        calls = handed;
        CompletableFuture.supplyAsync(() -> source.dependencies(range), background).thenCompose(f -> f)
                .whenComplete((links, error) -> Platform.runLater(() -> {
                    if (mine == generation) {
                        onCalls.accept(error == null ? links : List.of());
                    }
                    handed.complete(null);
                }));
    }

    /** Completes when the list and the first trace of a file or bundle are shown (for pictures of the pane). */
    CompletableFuture<?> loaded() {
        return CompletableFuture.allOf(loading, calls).handle((r, e) -> null);
    }

    /** The traces opened in this session's pane, oldest first. */
    List<String> opened() {
        return List.copyOf(opened);
    }

    @Override
    public Optional<TracesView> view() {
        return Optional.ofNullable(view);
    }
}
