package io.pitwall.app.workspace;

import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.logs.LogsSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.Session;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.event.WorkspaceEvents;
import io.pitwall.ui.logs.LogsView;
import io.pitwall.ui.logs.LogsViewModel;
import io.pitwall.ui.time.TimeRangeModel;
import io.pitwall.ui.workspace.PaneContent;
import io.pitwall.ui.workspace.PaneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The Logs pane's wiring: a view of the session's logs (Loki, the Kubernetes log API or a
 * bundle's lines) that follows the selection, the namespace filter and the shared time range;
 * live, it tails new lines rather than asking again every tick. A trace id clicked in a line is
 * asked of the Traces pane on the bus; a drag across the histogram sets the shared range.
 */
final class LogsPanes implements SignalPanes {

    @Override
    public io.pitwall.connectors.session.Signal signal() {
        return io.pitwall.connectors.session.Signal.LOGS;
    }

    @Override
    public PaneId pane() {
        return PaneId.LOGS;
    }

    private final TimeRangeModel time;
    private final io.pitwall.ui.time.TimeCursor cursor;
    private final WorkspaceEvents bus;
    private final Supplier<Optional<String>> namespace;
    private final Supplier<Session> session;
    private final PaneContent pane;
    private final Executor background;
    private LogsView view;
    private LogsSource shown;
    private TimeRange asked;
    private java.util.function.Consumer<PaneId> focus = pane -> { };

    LogsPanes(TimeRangeModel time, io.pitwall.ui.time.TimeCursor cursor, WorkspaceEvents bus, Supplier<Session> session,
              Supplier<Optional<String>> namespace, PaneContent pane, Executor background) {
        this.time = time;
        this.cursor = cursor;
        // the shared cursor marks the histogram; a moment clicked anywhere scrolls the lines to it
        cursor.positionProperty().addListener((o, was, now) -> view().ifPresent(v -> v.histogram().showCursor(now)));
        cursor.chosenProperty().addListener((o, was, now) -> {
            if (now != null) {
                view().ifPresent(v -> v.lines().jumpTo(now));
            }
        });
        this.session = session;
        this.bus = bus;
        this.namespace = namespace;
        this.pane = pane;
        this.background = background;
        time.rangeProperty().addListener((o, was, now) -> rangeChanged(now));
        time.liveProperty().addListener((o, was, now) -> {
            if (view != null) {
                view.setLive(now);
            }
        });
        bus.subscribe(PaneId.LOGS, WorkspaceEvent.Selected.class, e -> scopeChanged());
        bus.subscribe(PaneId.LOGS, WorkspaceEvent.SelectionCleared.class, e -> scopeChanged());
        bus.subscribe(WorkspaceEvent.LogsRequested.class, this::logsOfTrace);
    }

    /** Brings a pane to the front (the Logs pane, when a trace's logs are asked for). */
    void setFocus(java.util.function.Consumer<PaneId> action) {
        focus = action;
    }

    /**
     * "Logs for this trace": the window around the trace, and only the lines that name its id
     * (the search bar's filter, which the user can clear); the pane comes to the front.
     */
    private void logsOfTrace(WorkspaceEvent.LogsRequested e) {
        time.setAbsolute(e.around());
        if (view != null) {
            view.searchBar().field().setText(e.traceId());
            view.searchBar().filterToggle().setSelected(true);
            focus.accept(PaneId.LOGS);
        }
    }

    /**
     * A new session, or a session whose logs source came, went or changed: a view of its logs,
     * or the pane's empty state when it has none. The same source again changes nothing.
     */
    @Override
    public void show(Session s) {
        Optional<LogsSource> source = s.logs();
        if (view != null && source.isPresent() && source.get() == shown) {
            return;
        }
        if (view != null) {
            view.model().close();
        }
        shown = source.orElse(null);
        if (source.isEmpty()) {
            view = null;
            pane.setView(null);
            return;
        }
        LogsViewModel model = new LogsViewModel(source, background, Platform::runLater);
        if (source.get().local()) {
            model.setLimit(io.pitwall.ui.logs.LogBuffer.DEFAULT_CAP); // a file's or a bundle's lines: all of them
        }
        view = new LogsView(model);
        view.setOnTraceLink(id -> bus.publish(new WorkspaceEvent.TraceRequested(PaneId.LOGS, id)));
        // a line's menu: its pod or namespace becomes the selection of every pane
        view.lines().setOnObjectChosen(ref -> bus.publish(new WorkspaceEvent.Selected(PaneId.LOGS, ref)));
        view.setOnRangeSelected(time::setAbsolute);
        view.histogram().setOnHover(cursor::hoverAt);
        view.histogram().setOnTimeClicked(t -> {
            view.lines().jumpTo(t);
            cursor.choose(t);
        });
        view.histogram().showCursor(cursor.position());
        asked = time.range();
        view.model().setRange(asked);
        setScope(scope(bus.selectionFor(PaneId.LOGS), namespace.get()));
        view.setLive(time.isLive());
        pane.setView(view);
    }

    /** The session is going: its view stops (its tail too) and asks nothing more. */
    @Override
    public void close() {
        if (view != null) {
            view.model().close();
            view = null;
            shown = null;
        }
    }

    /** The namespace filter changed: the scope may have. */
    void namespaceChanged() {
        scopeChanged();
    }

    private void scopeChanged() {
        if (view != null) {
            LogScope next = scope(bus.selectionFor(PaneId.LOGS), namespace.get());
            // a container chosen of the selected pod stays chosen while the pod is
            boolean samePod = next instanceof LogScope.Pod p && view.model().scope()
                    .filter(s -> s instanceof LogScope.Container c && c.pod().equals(p.ref())).isPresent();
            if (!samePod && !view.model().scope().equals(Optional.of(next))) {
                setScope(next);
            }
        }
    }

    /** Reads {@code next}; a pod's logs offer its containers, each also before its last restart. */
    private void setScope(LogScope next) {
        view.model().setScope(next);
        java.util.List<LogScope> choices = new java.util.ArrayList<>();
        KubeRef pod = next instanceof LogScope.Pod p ? p.ref() : next instanceof LogScope.Container c ? c.pod() : null;
        if (pod != null) {
            choices.add(new LogScope.Pod(pod));
            session.get().clusterState().flatMap(state -> state.pods().stream()
                    .filter(p -> p.namespace().equals(pod.namespace()) && p.name().equals(pod.name())).findFirst())
                    .ifPresent(p -> p.containers().forEach(c -> {
                        choices.add(new LogScope.Container(pod, c.name(), false));
                        choices.add(new LogScope.Container(pod, c.name(), true));
                    }));
        }
        view.setScopeChoices(choices, next, this::chosen);
    }

    private void chosen(LogScope scope) {
        if (view != null) {
            view.model().setScope(scope);
        }
    }

    /**
     * Live, the window slides every second: the tail brings what is new, so the lines are asked
     * again only when the window's length changes (another preset) or it stops following.
     */
    private void rangeChanged(TimeRange now) {
        if (view == null) {
            return;
        }
        boolean slid = time.isLive() && asked != null && asked.length().equals(now.length());
        if (!slid) {
            asked = now;
            view.model().setRange(now);
        }
    }

    /** Whose logs: the selection as logs see it, else the namespace filter, else the cluster. */
    static LogScope scope(Optional<KubeRef> selection, Optional<String> namespace) {
        if (selection.isPresent()) {
            KubeRef ref = selection.get();
            switch (ref.kind()) {
                case "Pod" -> {
                    return new LogScope.Pod(ref);
                }
                case "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet" -> {
                    return new LogScope.Workload(ref);
                }
                default -> {
                    if (!ref.namespace().isEmpty()) {
                        return new LogScope.Namespace(ref.namespace());
                    }
                }
            }
        }
        return namespace.<LogScope>map(LogScope.Namespace::new).orElseGet(LogScope.Cluster::new);
    }

    /** Completes when the lines asked last have arrived, or failed (for pictures of the pane). */
    java.util.concurrent.CompletableFuture<?> loaded() {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        if (view == null || view.model().phaseProperty().get() != LogsViewModel.Phase.LOADING) {
            done.complete(null);
            return done;
        }
        javafx.beans.value.ChangeListener<LogsViewModel.Phase> listener = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends LogsViewModel.Phase> o, LogsViewModel.Phase was,
                                LogsViewModel.Phase now) {
                if (now != LogsViewModel.Phase.LOADING) {
                    o.removeListener(this);
                    done.complete(null);
                }
            }
        };
        view.model().phaseProperty().addListener(listener);
        return done;
    }

    /** The pane's view, when the session has logs. */
    @Override
    public Optional<LogsView> view() {
        return Optional.ofNullable(view);
    }
}
