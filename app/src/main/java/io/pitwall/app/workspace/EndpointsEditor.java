package io.pitwall.app.workspace;

import io.pitwall.connectors.prometheus.ConnectionTest;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import io.pitwall.connectors.prometheus.PrometheusSources;
import io.pitwall.connectors.prometheus.Transports;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.SessionInfo;
import io.pitwall.ui.settings.EndpointServices;
import io.pitwall.ui.settings.EndpointsDialog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;

/**
 * "Metrics and logs endpoints for CONTEXT...": opens the endpoints dialog on the current context's
 * endpoints; OK keeps them for later connects, writes {@code endpoints.json} on the I/O executor
 * and hands them to the live session at once, so the Metrics and Alerts panes come alive without
 * reconnecting. A bundle or the demo has no endpoints to set: it says so.
 */
final class EndpointsEditor {

    private final Workbench bench;
    private final EndpointStore store;
    private final Executor background;
    private EndpointsDialog dialog;
    private String lastNotice;

    EndpointsEditor(Workbench bench, EndpointStore store, Executor background) {
        this.bench = bench;
        this.store = store;
        this.background = background;
    }

    /** The context whose endpoints the dialog would edit: the live session's. */
    private Optional<String> context() {
        SessionInfo info = bench.session().info();
        return info.kind() == SessionInfo.Kind.LIVE ? info.context() : Optional.empty();
    }

    /** The palette's wording. */
    String title() {
        return context().map(c -> "Metrics and logs endpoints for " + c + "...").orElse("Metrics and logs endpoints...");
    }

    void open() {
        Session session = bench.session();
        Optional<String> context = context();
        if (context.isEmpty()) {
            notice(session.info().kind() == SessionInfo.Kind.OFFLINE
                    ? "Metrics and logs endpoints belong to a live context. " + session.info().title()
                            + " is an incident bundle: its metrics and alerts are the ones captured in it."
                            + " Switch to a kubeconfig context (Ctrl+Shift+C) to set its endpoints."
                    : "Metrics and logs endpoints belong to a live context: choose a kubeconfig context first (Ctrl+Shift+C).");
            return;
        }
        if (dialog != null && dialog.isShowing()) {
            dialog.close();
        }
        String ctx = context.get();
        EndpointsDialog d = new EndpointsDialog(ctx, store.of(ctx), services(session));
        if (bench.topBar().getScene() != null) {
            d.initOwner(bench.topBar().getScene().getWindow());
        }
        bench.theme().apply(d.getDialogPane().getScene());
        d.setOnHidden(e -> {
            ContextEndpoints chosen = d.getResult();
            if (chosen != null) {
                apply(ctx, session, chosen);
            }
        });
        dialog = d;
        d.show();
    }

    /** Keeps, saves and applies what the dialog gave. */
    private void apply(String context, Session session, ContextEndpoints endpoints) {
        store.save(context, endpoints).whenComplete((file, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable c = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                problem("The endpoints are used now but were not saved: " + c.getMessage());
            }
        }));
        if (session instanceof LiveSession live && bench.session() == session) {
            // starting the sources reads TLS files: not on the FX thread
            CompletableFuture.runAsync(() -> live.useEndpoints(endpoints, PrometheusSources.HEALTH_INTERVAL), background);
        }
    }

    /** The dialog's calls: the live session's (in-cluster ones through its API server), else straight. */
    private EndpointServices services(Session session) {
        Supplier<CompletableFuture<List<PrometheusDiscovery.Candidate>>> discover;
        if (session instanceof LiveSession live) {
            // the Prometheus and Alertmanager Services, then Loki's, then the trace backends'
            discover = () -> live.discoverEndpoints().thenCombine(live.discoverLoki(), (found, loki) -> {
                List<PrometheusDiscovery.Candidate> all = new java.util.ArrayList<>(found);
                loki.forEach(l -> all.add(l.asCandidate()));
                return all;
            }).thenCombine(live.discoverTraces(), (all, traces) -> {
                traces.forEach(t -> all.add(t.asCandidate()));
                return all;
            });
            return new EndpointServices(e -> offFx(() -> live.testConnection(e)), a -> offFx(() -> live.testConnection(a)),
                    l -> offFx(() -> live.testConnection(l)), discover, this::checkFile, EndpointsEditor::envIsSet)
                    .withTestTraces(t -> offFx(() -> live.testConnection(t)));
        }
        String why = session.state(io.pitwall.connectors.session.Signal.CLUSTER).summary();
        discover = () -> CompletableFuture.failedFuture(new IOException("the cluster is not connected (" + why + ")"));
        Transports direct = Transports.direct(background);
        return new EndpointServices(e -> offFx(() -> ConnectionTest.prometheus(e, direct)),
                a -> offFx(() -> ConnectionTest.alertmanager(a, direct)),
                l -> offFx(() -> io.pitwall.connectors.logs.LokiSource.testConnection(l, direct)), discover, this::checkFile,
                EndpointsEditor::envIsSet)
                .withTestTraces(t -> offFx(() -> io.pitwall.connectors.traces.HttpTracesSource.testConnection(t, direct)));
    }

    /** A test reads TLS files as it starts: it starts on the background executor. */
    private <T> CompletableFuture<T> offFx(Supplier<CompletableFuture<T>> start) {
        return CompletableFuture.supplyAsync(start, background).thenCompose(f -> f);
    }

    private CompletableFuture<Optional<String>> checkFile(Path p) {
        return CompletableFuture.supplyAsync(() -> fileProblem(p), background);
    }

    static Optional<String> fileProblem(Path p) {
        if (!Files.exists(p)) {
            return Optional.of(p + " does not exist.");
        }
        if (Files.isDirectory(p)) {
            return Optional.of(p + " is a folder, not a file.");
        }
        return Files.isReadable(p) ? Optional.empty() : Optional.of(p + " cannot be read by you.");
    }

    private static boolean envIsSet(String name) {
        String v = System.getenv(name);
        return v != null && !v.isBlank();
    }

    private void notice(String text) {
        lastNotice = text;
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.setHeaderText("Metrics and logs endpoints");
        if (bench.topBar().getScene() != null) {
            alert.initOwner(bench.topBar().getScene().getWindow());
            bench.theme().apply(alert.getDialogPane().getScene());
        }
        alert.show();
    }

    private void problem(String text) {
        lastNotice = text;
        Alert alert = new Alert(Alert.AlertType.ERROR, text);
        alert.setHeaderText("Metrics and logs endpoints");
        if (bench.topBar().getScene() != null) {
            alert.initOwner(bench.topBar().getScene().getWindow());
        }
        alert.show();
    }

    /** The dialog shown last, for tests. */
    Optional<EndpointsDialog> dialog() {
        return Optional.ofNullable(dialog);
    }

    /** What was said last instead of (or after) the dialog, for tests. */
    Optional<String> lastNotice() {
        return Optional.ofNullable(lastNotice);
    }
}
