package io.pitwall.app.workspace;

import io.pitwall.connectors.kube.KubeContext;
import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.session.DisconnectedSession;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.themes.Theme;
import io.pitwall.ui.palette.Command;
import io.pitwall.ui.palette.CommandPalette;
import io.pitwall.ui.shell.ShortcutsOverlay;
import io.pitwall.ui.shell.StatusBar;
import io.pitwall.ui.shell.TopBar;
import io.pitwall.ui.time.TimeRangeModel;
import io.pitwall.ui.workspace.DockingWorkspace;
import io.pitwall.ui.workspace.LayoutState;
import io.pitwall.ui.workspace.PaneContent;
import io.pitwall.ui.workspace.PaneId;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import io.pitwall.ui.topology.TopologyView;
import io.pitwall.ui.workspace.DetailsView;
import io.pitwall.ui.workspace.EventsView;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.event.WorkspaceEvents;
import java.util.function.Function;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The main window's contents and their wiring: top bar, docking workspace, status bar, command
 * palette and shortcuts overlay, the session the panes read, the theme and the saved layout.
 */
public final class Workbench {

    private final TimeRangeModel time;
    private final TopBar topBar;
    private final StatusBar statusBar = new StatusBar();
    private final DockingWorkspace workspace;
    private final Map<PaneId, PaneContent> panes = new EnumMap<>(PaneId.class);
    private final CommandPalette palette;
    private final ShortcutsOverlay shortcuts = new ShortcutsOverlay(WorkbenchCommands.SHORTCUTS);
    private final BorderPane root = new BorderPane();
    private final UserFiles files;
    private final UserFiles.Mapping mapping;
    /** Cross-pane events: the selection one pane makes, the others follow. */
    private final WorkspaceEvents bus = new WorkspaceEvents();
    private final ClusterPanes clusterPanes;
    private final MetricsPanes metricsPanes;
    private final LogsPanes logsPanes;
    private final SecurityPanes securityPanes;
    private final TracesPanes tracesPanes;
    private final TimelinePanes timelinePanes;
    /** The time cursor, back and forward through selections, the pins. */
    private final WorkspaceLinks links;
    private final io.pitwall.ui.shell.OfflineBanner offline = new io.pitwall.ui.shell.OfflineBanner();
    /** The panes that read one signal each (logs, security, traces). */
    private final List<SignalPanes> signalPanes;
    private final IncidentCaptures captures;
    private final Executor background;
    /** Opens a live session on a usable kubeconfig context. */
    private final Function<KubeContext, Session> connect;
    private Kubeconfigs.Merged kubeconfig = Kubeconfigs.merge(List.of());
    private final Timeline ticker;
    private final WorkbenchCommands commands;
    private final EndpointsEditor endpoints;
    private Settings settings;
    private Session session = DisconnectedSession.none();
    private final WorkbenchThemes themes = new WorkbenchThemes(root, () -> settings);
    private String lastError;

    /**
     * @param files    where settings and the layout are saved
     * @param settings the settings read from {@code files} (before the FX thread needs them)
     * @param layout   the saved layout, if any
     */
    public Workbench(UserFiles files, Settings settings, Optional<LayoutState> layout, Clock clock,
                     Executor background, Function<KubeContext, Session> connect) {
        this.files = files;
        this.mapping = files.readMapping();
        this.connect = connect;
        this.background = background;
        this.settings = settings;
        this.time = new TimeRangeModel(clock);
        this.topBar = new TopBar(time);
        for (PaneId p : PaneId.values()) {
            panes.put(p, new PaneContent(p));
        }
        this.workspace = new DockingWorkspace(panes::get);
        this.clusterPanes = new ClusterPanes(bus, () -> session, () -> topBar.namespaceProperty().get(), panes, background,
                topBar::setNamespaces);
        this.metricsPanes = new MetricsPanes(time, clock, bus, () -> session, () -> topBar.namespaceProperty().get(),
                panes.get(PaneId.METRICS), panes.get(PaneId.ALERTS), mapping.mapping().prometheus());
        this.links = new WorkspaceLinks(bus, workspace, time, metricsPanes.metricsView());
        this.logsPanes = new LogsPanes(time, links.cursor(), bus, () -> session, () -> topBar.namespaceProperty().get(),
                panes.get(PaneId.LOGS), background);
        this.securityPanes = new SecurityPanes(time, bus, () -> session, panes.get(PaneId.SECURITY), background, workspace::focus);
        this.tracesPanes = new TracesPanes(time, links.cursor(), bus, panes.get(PaneId.TRACES), background, workspace::focus,
                mapping.mapping().traces());
        this.timelinePanes = new TimelinePanes(time, links.cursor(), bus, () -> session, () -> topBar.namespaceProperty().get(),
                panes.get(PaneId.TIMELINE), background);
        timelinePanes.setOnReplay(moment -> clusterPanes.replay(moment, time.range()));
        this.signalPanes = List.of(logsPanes, securityPanes, tracesPanes);
        tracesPanes.setOnCalls(links -> clusterPanes.topologyView().setCalls(links));
        logsPanes.setFocus(workspace::focus);
        // firing alerts and security findings mark the objects they name
        BadgeLayers badges = new BadgeLayers(b -> clusterPanes.topologyView().setBadges(b));
        metricsPanes.setOnAlerts(alerts -> badges.set(BadgeLayers.Layer.ALERTS, AlertBadges.of(alerts)));
        securityPanes.setOnBadges(b -> badges.set(BadgeLayers.Layer.SECURITY, b));
        securityPanes.setOnOverlay(refs -> clusterPanes.topologyView().setSpotlight(refs));
        this.endpoints = new EndpointsEditor(this, files.endpoints(), background);
        metricsPanes.setConfigure(endpoints::open);
        this.captures = IncidentCaptures.of(this, files::readRedaction, clock);
        this.commands = new WorkbenchCommands(this);
        this.palette = new CommandPalette(commands::all);

        StackPane center = new StackPane(workspace.node(), palette, shortcuts);
        root.setTop(new javafx.scene.layout.VBox(topBar, offline));
        FileDrops.install(root, this::openFile);
        root.setCenter(center);
        root.setBottom(statusBar);
        root.setId("pitwall-root");

        topBar.namespaceProperty().addListener((o, was, now) -> namespaceChosen(now));
        topBar.paletteButton().setOnAction(e -> palette.show());
        topBar.openButton().setOnAction(e -> chooseAndOpenFile());
        topBar.captureButton().setOnAction(e -> captureIncident());
        topBar.contextSwitcher().valueProperty().addListener((o, was, now) -> {
            if (now != null && (was == null || !now.name().equals(was.name()))) {
                useContext(now);
            }
        });
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> time.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);

        layout.ifPresent(workspace::apply);
        showSession(session);
    }

    /**
     * The merged kubeconfig, read off the FX thread after start-up: fills the cluster switcher
     * and selects the last used context, else the kubeconfig's current one.
     */
    public void setKubeconfig(Kubeconfigs.Merged merged) {
        setKubeconfig(merged, Optional.empty());
    }

    /**
     * As {@link #setKubeconfig(Kubeconfigs.Merged)}, selecting {@code requested} (the
     * {@code --context} of the command line) instead; a context the kubeconfig lacks is said.
     */
    public void setKubeconfig(Kubeconfigs.Merged merged, Optional<String> requested) {
        kubeconfig = merged;
        topBar.setContexts(contexts(), Optional.empty());
        if (requested.isPresent()) {
            Optional<KubeContext> asked = requested.flatMap(merged::context);
            if (asked.isPresent()) {
                topBar.contextSwitcher().setValue(asked.get());
            } else {
                showProblem("No context " + requested.get(), "The kubeconfig has no context named '"
                        + requested.get() + "' (" + merged.contexts().size() + " contexts in "
                        + merged.files().size() + " files).");
            }
            return;
        }
        Optional.ofNullable(settings.lastContext()).flatMap(merged::context)
                .or(() -> merged.currentContext().flatMap(merged::context))
                .ifPresent(topBar.contextSwitcher()::setValue);
    }

    public WorkspaceEvents bus() {
        return bus;
    }

    /** A namespace chosen in the top bar: every pane shows it alone; a live context remembers it. */
    private void namespaceChosen(Optional<String> ns) {
        if (session.info().kind() == io.pitwall.connectors.session.SessionInfo.Kind.LIVE) {
            session.info().context().ifPresent(ctx -> {
                if (!settings.namespace(ctx).equals(ns)) {
                    saveSettings(settings.withNamespace(ctx, ns));
                }
            });
        }
        clusterPanes.show(session);
        metricsPanes.refreshGraphs();
        logsPanes.namespaceChanged();
        timelinePanes.namespaceChanged();
    }

    /** How the signals name objects (the user's mapping.json), and why it is the defaults if the file is bad. */
    public UserFiles.Mapping mapping() {
        return mapping;
    }

    /** A problem the user must hear of, in a dialog over the window. */
    public void showProblem(String header, String message) {
        lastError = message;
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        alert.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        alert.show();
    }

    /** The scene of the main window, themed and with its shortcuts. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        WorkbenchCommands.installShortcuts(scene, this);
        themes.start();
        ticker.play();
        return scene;
    }

    // --- what the commands do -------------------------------------------------------------------

    public TimeRangeModel time() {
        return time;
    }

    public DockingWorkspace workspace() {
        return workspace;
    }

    public CommandPalette palette() {
        return palette;
    }

    public ShortcutsOverlay shortcuts() {
        return shortcuts;
    }

    public TopBar topBar() {
        return topBar;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public PaneContent pane(PaneId id) {
        return panes.get(id);
    }

    /** A new node for {@code id} that shows what its pane in the workspace shows (for rendering). */
    public PaneContent detachedPane(PaneId id) {
        return new PaneCopies(session, panes, clusterPanes, metricsPanes, signalPanes, timelinePanes).of(id);
    }

    /** The kubeconfig's contexts, the recently used ones first (newest first), then the rest in order. */
    public List<KubeContext> contexts() {
        List<KubeContext> ordered = new java.util.ArrayList<>();
        settings.recentContexts().forEach(name -> kubeconfig.context(name).ifPresent(ordered::add));
        kubeconfig.contexts().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        return ordered;
    }

    public List<Command> commands() {
        return commands.all();
    }

    public Theme theme() {
        return themes.current();
    }

    /** The current context's metrics endpoints: the palette's "Metrics and logs endpoints for ..." and the empty panes' button. */
    EndpointsEditor endpoints() {
        return endpoints;
    }

    /** Switches to {@code context}: closes the old session's connections, opens the new ones. */
    public void useContext(KubeContext context) {
        if (!context.equals(topBar.contextSwitcher().getValue())) {
            topBar.contextSwitcher().setValue(context); // the listener calls back here
            return;
        }
        showSession(context.usable()
                ? connect.apply(context)
                : DisconnectedSession.forContext(context.name(), Optional.ofNullable(context.cluster()), context.problem()));
        saveSettings(settings.withContextUsed(context.name()));
    }

    /** Makes {@code next} the session every pane reads. */
    public void showSession(Session next) {
        Session previous = session;
        session = next;
        if (previous != next) {
            signalPanes.forEach(SignalPanes::close);
            previous.close();
            timelinePanes.sessionChanged();
            links.history().clear();
        }
        Map<Signal, SourceState> states = next.states();
        panes.values().forEach(p -> p.show(states));
        bus.publish(new WorkspaceEvent.SelectionCleared(PaneId.TOPOLOGY)); // a selection belongs to its session
        panes.get(PaneId.DETAILS).showNotes(next.notes());
        statusBar.show(states, next.info().title());
        offline.show(next.info());
        // a bundle shows the window it captured; its namespaces fill the filter
        next.info().captured().ifPresent(time::setAbsolute);
        topBar.setNamespaces(next.info().namespaces());
        // a context opens on the namespace last used with it; a file on all of them
        topBar.selectNamespace(next.info().kind() == io.pitwall.connectors.session.SessionInfo.Kind.LIVE
                ? next.info().context().flatMap(settings::namespace) : Optional.empty());
        clusterPanes.show(next);
        metricsPanes.show(next);
        signalPanes.forEach(p -> p.show(next));
        timelinePanes.show(next);
        next.onStateChange((signal, state) -> Platform.runLater(() -> {
            if (session == next) {
                Map<Signal, SourceState> now = next.states();
                panes.values().forEach(p -> p.show(now));
                statusBar.show(now, next.info().title());
                if (signal == Signal.CLUSTER) {
                    clusterPanes.show(next);
                } else if (signal == Signal.METRICS || signal == Signal.ALERTS) {
                    metricsPanes.show(next); // a source that came (back) shows at once
                } else {
                    // logs, traces or security that came, went or changed
                    signalPanes.stream().filter(p -> p.signal() == signal).forEach(p -> p.show(next));
                }
                timelinePanes.show(next); // every lane may have come or gone
            }
        }));
    }

    public Session session() {
        return session;
    }

    /** Completes when the metrics and alerts asked last have arrived (for pictures of the panes). */
    public CompletableFuture<?> metricsLoaded() {
        return metricsPanes.loading();
    }

    /** Completes when the log lines asked last have arrived or failed (for pictures of the pane). */
    public CompletableFuture<?> logsLoaded() {
        return logsPanes.loaded();
    }

    /** Completes when the security findings, the traces and the timeline asked last have arrived or failed (for pictures). */
    public CompletableFuture<?> securityTracesAndTimelineLoaded() {
        return CompletableFuture.allOf(securityPanes.loaded(), tracesPanes.loaded(), timelinePanes.loaded());
    }

    /** The traces the user opened in this session (a capture keeps them whatever their rank). */
    public List<String> openedTraces() {
        return tracesPanes.opened();
    }

    /** The Traces pane's view, when the session has traces. */
    public Optional<io.pitwall.ui.traces.TracesView> tracesView() {
        return tracesPanes.view();
    }

    /** The Security pane's view, when the session has a security source. */
    public Optional<io.pitwall.ui.security.SecurityView> securityView() {
        return securityPanes.view();
    }

    /** The Logs pane's view, when the session has logs. */
    public Optional<io.pitwall.ui.logs.LogsView> logsView() {
        return logsPanes.view();
    }

    public io.pitwall.ui.metrics.MetricsView metricsView() {
        return metricsPanes.metricsView();
    }

    public io.pitwall.ui.alerts.AlertsView alertsView() {
        return metricsPanes.alertsView();
    }

    /** The Timeline pane's view. */
    public io.pitwall.ui.timeline.TimelineView timelineView() {
        return timelinePanes.view();
    }

    public io.pitwall.ui.time.TimeCursor cursor() {
        return links.cursor();
    }

    public io.pitwall.ui.event.SelectionHistory selections() {
        return links.history();
    }

    public io.pitwall.ui.shell.OfflineBanner offlineBanner() {
        return offline;
    }

    public EventsView events() {
        return clusterPanes.events();
    }

    public DetailsView details() {
        return clusterPanes.details();
    }

    public TopologyView topologyView() {
        return clusterPanes.topologyView();
    }

    /** "Capture incident": the dialog, then the capture with its progress (a live session only). */
    public void captureIncident() {
        captures.start();
    }

    public void chooseAndOpenFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an incident bundle");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Pitwall incident bundles (*.pitwall)", "*.pitwall"),
                new FileChooser.ExtensionFilter("All files", "*"));
        java.io.File chosen = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (chosen != null) {
            openFile(chosen.toPath());
        }
    }

    /**
     * Opens {@code file} in the background (it is verified entry by entry) and shows it in every
     * pane; a file that is not a good bundle leaves the current session and says why.
     */
    public CompletableFuture<Session> openFile(Path file) {
        statusBar.show(session.states(), "Opening " + file.getFileName() + "...");
        return SessionFiles.open(file, background).whenCompleteAsync((opened, error) -> {
            if (error == null) {
                showSession(opened);
            } else {
                statusBar.show(session.states(), session.info().title());
                showProblem("Could not open " + file.getFileName(), SessionFiles.cause(error).getMessage());
            }
        }, Platform::runLater);
    }

    /** Opens the demo incident that ships with Pitwall. */
    public CompletableFuture<Session> openDemo() {
        return SessionFiles.extractDemo(background).whenCompleteAsync((file, error) -> {
            if (error != null) {
                lastError = SessionFiles.cause(error).getMessage();
            }
        }, Platform::runLater).thenComposeAsync(this::openFile, Platform::runLater);
    }

    /** The last problem shown to the user, for tests. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Applies {@code t} to every Pitwall window and remembers the choice. */
    public void chooseTheme(Theme t) {
        themes.apply(t);
        saveSettings(settings.withTheme(t.id()));
    }

    /** Follows the OS's light or dark preference again. */
    public void followSystemTheme() {
        saveSettings(settings.withTheme(Settings.SYSTEM_THEME));
        themes.apply(WorkbenchThemes.system());
    }

    /** Saves the layout; called when the main window closes. */
    public void saveLayout() {
        files.saveLayoutNow(workspace.capture());
    }

    public void resetLayout() {
        workspace.reset();
    }

    public void stop() {
        ticker.stop();
        signalPanes.forEach(SignalPanes::close);
        session.close();
    }

    private void saveSettings(Settings next) {
        settings = next;
        files.saveSettingsLater(next);
    }
}
