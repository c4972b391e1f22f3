package io.pitwall.app.workspace;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.security.SecuritySource;
import io.pitwall.connectors.session.Session;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.event.WorkspaceEvents;
import io.pitwall.ui.fx.PulseCoalescer;
import io.pitwall.ui.security.SecurityView;
import io.pitwall.ui.security.SecurityViewModel;
import io.pitwall.ui.time.TimeRangeModel;
import io.pitwall.ui.topology.Badge;
import io.pitwall.ui.workspace.PaneContent;
import io.pitwall.ui.workspace.PaneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The Security pane's wiring: the session's findings and events of the shared window, new Falco
 * events as they arrive, and the actions that take the other panes to a finding's object (the
 * topology, its logs around the event, its metrics). Each finding's object carries a badge on
 * the topology, as loud as its worst finding.
 */
final class SecurityPanes implements SignalPanes {

    @Override
    public io.pitwall.connectors.session.Signal signal() {
        return io.pitwall.connectors.session.Signal.SECURITY;
    }

    @Override
    public PaneId pane() {
        return PaneId.SECURITY;
    }

    /** How far either side of an event "logs around this time" reaches. */
    static final Duration AROUND = Duration.ofMinutes(5);

    private final TimeRangeModel time;
    private final WorkspaceEvents bus;
    private final java.util.function.Supplier<Session> session;
    private final PaneContent pane;
    private final Executor background;
    private final Consumer<PaneId> focus;
    private Consumer<Map<KubeRef, Badge>> onBadges = badges -> { };
    private Consumer<java.util.Set<KubeRef>> onOverlay = refs -> { };
    private SecurityView view;
    private SecuritySource shown;
    private AutoCloseable following;
    private TimeRange asked;
    private CompletableFuture<?> loading = CompletableFuture.completedFuture(null);
    private long generation;

    SecurityPanes(TimeRangeModel time, WorkspaceEvents bus, java.util.function.Supplier<Session> session, PaneContent pane,
                  Executor background, Consumer<PaneId> focus) {
        this.time = time;
        this.bus = bus;
        this.session = session;
        bus.subscribe(PaneId.SECURITY, WorkspaceEvent.Selected.class, e -> followSelection());
        bus.subscribe(PaneId.SECURITY, WorkspaceEvent.SelectionCleared.class, e -> followSelection());
        this.pane = pane;
        this.background = background;
        this.focus = focus;
        time.rangeProperty().addListener((o, was, now) -> rangeChanged(now));
    }

    /** Where the badges of the findings' objects go (the topology). */
    void setOnBadges(Consumer<Map<KubeRef, Badge>> action) {
        onBadges = action;
    }

    /** Where the security overlay goes (the topology's spotlight); null removes it. */
    void setOnOverlay(Consumer<java.util.Set<KubeRef>> action) {
        onOverlay = action;
    }

    /** A new session, or one whose security source came or went. The same source again changes nothing. */
    @Override
    public void show(Session s) {
        Optional<SecuritySource> source = s.security();
        if (view != null && source.isPresent() && source.get() == shown) {
            return;
        }
        close();
        shown = source.orElse(null);
        if (source.isEmpty()) {
            pane.setView(null);
            onBadges.accept(Map.of());
            return;
        }
        SecurityViewModel model = new SecurityViewModel(background, Platform::runLater);
        view = new SecurityView(model);
        view.setOnShowInTopology(ref -> select(ref, PaneId.TOPOLOGY));
        view.setOnShowMetrics(ref -> select(ref, PaneId.METRICS));
        view.setOnShowLogs((ref, at) -> {
            time.setAbsolute(new TimeRange(at.minus(AROUND), at.plus(AROUND)));
            select(ref, PaneId.LOGS);
        });
        model.shownProperty().addListener((o, was, now) -> onBadges.accept(badges(model.all())));
        view.setOnOverlay(refs -> onOverlay.accept(refs));
        view.setOnFocusCleared(() -> bus.publish(new WorkspaceEvent.SelectionCleared(PaneId.SECURITY)));
        pane.setView(view);
        followSelection();
        load(time.range());
        PulseCoalescer<List<SecurityFinding>> arrivals = new PulseCoalescer<>(Platform::runLater, batch -> {
            if (view != null && view.model() == model) {
                model.add(batch);
            }
        });
        List<SecurityFinding> pending = new ArrayList<>();
        following = source.get().follow(batch -> {
            // batches that arrive within one pulse are added together
            synchronized (pending) {
                pending.addAll(batch);
                arrivals.offer(drain(pending));
            }
        });
    }

    private static List<SecurityFinding> drain(List<SecurityFinding> pending) {
        List<SecurityFinding> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    /** The session is going: the view stops following and asks nothing more. */
    @Override
    public void close() {
        generation++;
        if (following != null) {
            try {
                following.close();
            } catch (Exception e) {
                // nothing to undo
            }
            following = null;
        }
        if (view != null) {
            onOverlay.accept(null);
        }
        view = null;
        shown = null;
    }

    /** The window moved: findings are asked again, except while it only slides with the clock. */
    private void rangeChanged(TimeRange now) {
        if (view == null) {
            return;
        }
        boolean slid = time.isLive() && asked != null && asked.length().equals(now.length());
        if (!slid) {
            load(now);
        }
    }

    private void load(TimeRange range) {
        asked = range;
        long mine = ++generation;
        SecurityView v = view;
        v.model().setStatus("Reading security events and findings from " + shown.describe() + "…");
        loading = shown.findings(range).whenComplete((result, error) -> Platform.runLater(() -> {
            if (mine != generation || view != v) {
                return;
            }
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                v.model().setStatus("Could not read security findings: " + cause.getMessage());
                return;
            }
            v.model().setFindings(result.findings());
            v.model().setStatus(String.join(" ", result.notes()));
        }));
    }

    /** The selection narrows the list to the findings of what it covers (a workload: its pods too). */
    private void followSelection() {
        if (view == null) {
            return;
        }
        Optional<KubeRef> selected = bus.selectionFor(PaneId.SECURITY);
        if (selected.isEmpty()) {
            view.setFocus(null, java.util.Set.of());
            return;
        }
        KubeRef ref = selected.get();
        java.util.Set<KubeRef> covered = session.get().clusterState()
                .map(state -> io.pitwall.connectors.model.Related.to(ref, state)).orElse(java.util.Set.of(ref));
        view.setFocus(ref.kind() + " " + ref.name(), covered);
    }

    private void select(KubeRef ref, PaneId target) {
        bus.publish(new WorkspaceEvent.Selected(PaneId.SECURITY, ref));
        focus.accept(target);
    }

    /** Completes when the findings asked last have arrived or failed (for pictures of the pane). */
    CompletableFuture<?> loaded() {
        return loading.handle((r, e) -> null);
    }

    @Override
    public Optional<SecurityView> view() {
        return Optional.ofNullable(view);
    }

    /** One badge per object the findings name, as loud as the worst of them. */
    static Map<KubeRef, Badge> badges(List<SecurityFinding> findings) {
        Map<KubeRef, Severity> worst = new HashMap<>();
        Map<KubeRef, Integer> counts = new HashMap<>();
        for (SecurityFinding f : findings) {
            if (f.object() == null) {
                continue;
            }
            worst.merge(f.object(), f.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            counts.merge(f.object(), 1, Integer::sum);
        }
        Map<KubeRef, Badge> out = new HashMap<>();
        worst.forEach((ref, s) -> {
            Badge.Severity level = switch (s) {
                case CRITICAL, HIGH -> Badge.Severity.CRITICAL;
                case MEDIUM -> Badge.Severity.WARNING;
                case LOW, INFO -> Badge.Severity.INFO;
            };
            int n = counts.get(ref);
            out.put(ref, new Badge(level, n == 1 ? s.label() : n + " findings"));
        });
        return out;
    }
}
