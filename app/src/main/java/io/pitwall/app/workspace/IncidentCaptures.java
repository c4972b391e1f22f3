package io.pitwall.app.workspace;

import io.pitwall.app.AppInfo;
import io.pitwall.connectors.Errors;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.mapping.PromLabels;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.CapturePlan;
import io.pitwall.connectors.session.IncidentCapture;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.SessionInfo;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.snapshot.RedactionPattern;
import io.pitwall.connectors.snapshot.TextRedaction;
import io.pitwall.ui.capture.CaptureDialog;
import io.pitwall.ui.capture.CaptureProgressView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Capture incident" from the GUI: the dialog (window, namespaces, signals, notes, file), then the
 * capture off the FX thread with a line per signal and Cancel, then "Open the bundle". Reads the
 * live session only: a bundle is already a capture.
 */
final class IncidentCaptures {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneId.systemDefault());

    private final Supplier<Session> session;
    private final Supplier<TimeRange> window;
    private final Supplier<Optional<String>> namespace;
    private final Supplier<List<LogScope>> selection;
    private final Supplier<Collection<String>> openedTraces;
    private final Supplier<Window> owner;
    private final Consumer<Path> open;
    private final Patterns patterns;
    private final Clock clock;
    private final PromLabels labels;
    private Stage running;

    /** Reads the user's redaction patterns (redaction.json), off the FX thread, at each capture. */
    @FunctionalInterface
    interface Patterns {
        List<RedactionPattern> read() throws IOException;
    }

    IncidentCaptures(Supplier<Session> session, Supplier<TimeRange> window, Supplier<Optional<String>> namespace,
                     Supplier<List<LogScope>> selection, Supplier<Collection<String>> openedTraces, Supplier<Window> owner,
                     Consumer<Path> open, Patterns patterns, Clock clock, PromLabels labels) {
        this.labels = labels;
        this.session = session;
        this.window = window;
        this.namespace = namespace;
        this.selection = selection;
        this.openedTraces = openedTraces;
        this.owner = owner;
        this.open = open;
        this.patterns = patterns;
        this.clock = clock;
    }

    /**
     * The captures of {@code bench}'s session, its shared range, namespace filter, selection and
     * open trace, redacted with the user's {@code patterns} besides the built-in rules.
     */
    static IncidentCaptures of(Workbench bench, Patterns patterns, Clock clock) {
        return new IncidentCaptures(bench::session, () -> bench.time().range(), () -> bench.topBar().namespaceProperty().get(),
                () -> List.of(LogsPanes.scope(bench.bus().selection(), bench.topBar().namespaceProperty().get())),
                bench::openedTraces,
                () -> bench.topBar().getScene() == null ? null : bench.topBar().getScene().getWindow(),
                bench::openFile, patterns, clock, bench.mapping().mapping().prometheus());
    }

    /** Opens the dialog (or brings the capture under way to the front). */
    void start() {
        if (running != null && running.isShowing()) {
            running.toFront();
            return;
        }
        Session s = session.get();
        if (s.info().kind() != SessionInfo.Kind.LIVE) {
            Alert a = new Alert(Alert.AlertType.INFORMATION, s.info().kind() == SessionInfo.Kind.OFFLINE
                    ? "This is already a captured incident: it opens anywhere as it is. Connect a cluster to capture a new one."
                    : "Capturing reads a live cluster: choose a context in the top bar first.");
            a.setHeaderText("Nothing to capture");
            a.initOwner(owner.get());
            a.show();
            return;
        }
        TimeRange w = window.get();
        Map<Signal, String> states = new EnumMap<>(Signal.class);
        s.states().forEach((signal, state) -> states.put(signal, state.summary()));
        Optional<ClusterState> cluster = s.clusterState();
        CaptureDialog dialog = new CaptureDialog(w, namespace.get().map(List::of).orElse(List.of()), states,
                defaultFile(s.info()), typed -> chooseFile(typed), c -> estimate(c, w, cluster.orElse(null)),
                IncidentCaptures::targetProblem);
        dialog.initOwner(owner.get());
        dialog.showAndWait().ifPresent(choice -> run(s, w, choice, cluster.orElse(null)));
    }

    private void run(Session s, TimeRange w, CaptureDialog.Choice choice, ClusterState cluster) {
        IncidentCapture.Request plan = CapturePlan.of(w, choice.namespaces(), cluster, choice.note(), selection.get(),
                openedTraces.get(), labels);
        IncidentCapture.Request request = new IncidentCapture.Request(plan.window(), plan.namespaces(), choice.signals(),
                plan.note(), plan.metricQueries(), plan.step(), plan.logScopes(), plan.logQueries(), plan.openedTraces());
        CaptureProgressView view = new CaptureProgressView(choice.signals());
        Stage stage = new Stage();
        stage.setTitle("Capturing incident");
        stage.initOwner(owner.get());
        Scene scene = new Scene(view, 560, 320);
        if (owner.get() != null && owner.get().getScene() != null) {
            scene.getStylesheets().setAll(owner.get().getScene().getStylesheets());
        }
        stage.setScene(scene);
        running = stage;
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread worker = Thread.ofVirtual().name("pitwall-capture").unstarted(() -> {
            TextRedaction redaction;
            try {
                redaction = TextRedaction.of(patterns.read());
            } catch (IOException | RuntimeException e) {
                // a pattern the user relies on that cannot be read: no bundle rather than one that leaks
                IncidentCapture.Result failed = new IncidentCapture.Result(IncidentCapture.Outcome.FAILED, choice.file(),
                        List.of(), 0, Errors.firstLine(e) + "; fix or remove it to capture");
                Platform.runLater(() -> view.ended(failed));
                return;
            }
            IncidentCapture.Result r = IncidentCapture.run(s, request, choice.file(), AppInfo.load().version(), clock,
                    new IncidentCapture.Progress() {
                        @Override
                        public void started(Signal signal) {
                            Platform.runLater(() -> view.started(signal));
                        }

                        @Override
                        public void finished(IncidentCapture.Part part) {
                            Platform.runLater(() -> view.finished(part));
                        }
                    }, cancelled::get, redaction);
            Platform.runLater(() -> view.ended(r));
        });
        view.cancelButton().setOnAction(e -> {
            cancelled.set(true);
            worker.interrupt();
            view.cancelButton().setDisable(true);
        });
        stage.setOnCloseRequest(e -> {
            cancelled.set(true);
            worker.interrupt();
        });
        view.openButton().setOnAction(e -> {
            stage.close();
            open.accept(choice.file());
        });
        view.closeButton().setOnAction(e -> stage.close());
        stage.show();
        worker.start();
    }

    private Path defaultFile(SessionInfo info) {
        String name = info.context().orElse("incident").replaceAll("[^A-Za-z0-9._-]+", "-");
        return Path.of(System.getProperty("user.home"), "pitwall-" + name + "-" + STAMP.format(clock.instant()) + ".pitwall");
    }

    private Optional<Path> chooseFile(String typed) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the incident bundle");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Pitwall incident bundles (*.pitwall)", "*.pitwall"));
        try {
            Path p = Path.of(typed);
            if (p.getParent() != null && Files.isDirectory(p.getParent())) {
                chooser.setInitialDirectory(p.getParent().toFile());
            }
            if (p.getFileName() != null) {
                chooser.setInitialFileName(p.getFileName().toString());
            }
        } catch (java.nio.file.InvalidPathException ignored) {
            // the chooser starts where it likes
        }
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(java.io.File::toPath);
    }

    /** Why a bundle cannot be written at {@code p}, if it cannot. */
    static Optional<String> targetProblem(Path p) {
        Path folder = p.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.of("The folder " + folder + " does not exist.");
        }
        if (Files.isDirectory(p)) {
            return Optional.of(p + " is a folder: name the bundle file.");
        }
        if (!Files.isWritable(folder)) {
            return Optional.of("Cannot write in " + folder + ".");
        }
        return Optional.empty();
    }

    /** A rough upper bound of the bundle's size, from what the plan would ask. */
    static String estimate(CaptureDialog.Choice c, TimeRange w, ClusterState cluster) {
        IncidentCapture.Request plan = CapturePlan.of(w, c.namespaces(), cluster, "", List.of(), List.of());
        long bytes = 0;
        if (c.signals().contains(Signal.CLUSTER) && cluster != null) {
            bytes += (cluster.pods().size() + cluster.workloads().size() + cluster.services().size()) * 4_000L;
        }
        long points = Math.max(1, w.length().toSeconds() / plan.step().toSeconds());
        if (c.signals().contains(Signal.METRICS)) {
            bytes += plan.metricQueries().size() * points * 5 * 24;
        }
        if (c.signals().contains(Signal.LOGS)) {
            bytes += plan.logScopes().size() * io.pitwall.connectors.logs.LogsCapture.DEFAULT_LIMIT * 250L;
        }
        if (c.signals().contains(Signal.TRACES)) {
            bytes += io.pitwall.connectors.traces.TracesCapture.DEFAULT_LIMIT * 60_000L;
        }
        if (c.signals().contains(Signal.SECURITY)) {
            bytes += 2_000_000L;
        }
        return String.format(Locale.ROOT, "%,d graph queries at a %ds step; about %s at most.", plan.metricQueries().size(),
                plan.step().toSeconds(), bytes < 1_000_000 ? (bytes / 1000 + 1) + " KB" : String.format(Locale.ROOT, "%.0f MB",
                        bytes / 1e6));
    }
}
