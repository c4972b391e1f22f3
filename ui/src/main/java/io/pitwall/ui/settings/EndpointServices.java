package io.pitwall.ui.settings;

import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the endpoints dialog asks of the rest of Pitwall, all of it asynchronous: the dialog only
 * waits for futures, never on the FX thread. The app gives the live session's calls; tests give
 * futures of their own.
 *
 * @param testPrometheus   "Test connection": the server's version, or a failed future whose message is the reason
 * @param testAlertmanager the same for the Alertmanager
 * @param testLoki         the same for Loki
 * @param discover         the cluster's Prometheus, Alertmanager and Loki Services, most likely first
 * @param checkFile        why a file cannot be used (missing, unreadable, a folder), empty when it can
 * @param envIsSet         whether Pitwall's environment has a variable of that name
 * @param chooseFile       asks the user for a file ("Browse…"); by default JavaFX's file chooser
 * @param testTraces       "Test connection" for a trace backend (Jaeger or Zipkin)
 */
public record EndpointServices(Function<PrometheusEndpoint, CompletableFuture<String>> testPrometheus,
                               Function<AlertmanagerEndpoint, CompletableFuture<String>> testAlertmanager,
                               Function<io.pitwall.connectors.prometheus.LokiEndpoint, CompletableFuture<String>> testLoki,
                               Supplier<CompletableFuture<List<PrometheusDiscovery.Candidate>>> discover,
                               Function<Path, CompletableFuture<Optional<String>>> checkFile,
                               Predicate<String> envIsSet,
                               FileChoice chooseFile,
                               Function<io.pitwall.connectors.prometheus.TraceEndpoint, CompletableFuture<String>> testTraces) {

    /** Asks the user for a file: the owner window, the dialog's title, the path typed so far; empty when cancelled. */
    @FunctionalInterface
    public interface FileChoice {
        Optional<Path> choose(javafx.stage.Window owner, String title, String current);
    }

    /** The services with JavaFX's own file chooser for "Browse…". */
    public EndpointServices(Function<PrometheusEndpoint, CompletableFuture<String>> testPrometheus,
                            Function<AlertmanagerEndpoint, CompletableFuture<String>> testAlertmanager,
                            Function<io.pitwall.connectors.prometheus.LokiEndpoint, CompletableFuture<String>> testLoki,
                            Supplier<CompletableFuture<List<PrometheusDiscovery.Candidate>>> discover,
                            Function<Path, CompletableFuture<Optional<String>>> checkFile,
                            Predicate<String> envIsSet) {
        this(testPrometheus, testAlertmanager, testLoki, discover, checkFile, envIsSet, EndpointServices::fileChooser);
    }

    /** The services with a file chooser of the caller's, and no test of a trace backend. */
    public EndpointServices(Function<PrometheusEndpoint, CompletableFuture<String>> testPrometheus,
                            Function<AlertmanagerEndpoint, CompletableFuture<String>> testAlertmanager,
                            Function<io.pitwall.connectors.prometheus.LokiEndpoint, CompletableFuture<String>> testLoki,
                            Supplier<CompletableFuture<List<PrometheusDiscovery.Candidate>>> discover,
                            Function<Path, CompletableFuture<Optional<String>>> checkFile,
                            Predicate<String> envIsSet, FileChoice chooseFile) {
        this(testPrometheus, testAlertmanager, testLoki, discover, checkFile, envIsSet, chooseFile,
                t -> CompletableFuture.failedFuture(new IllegalStateException("no test of a trace backend here")));
    }

    /** These services, testing trace backends with {@code test}. */
    public EndpointServices withTestTraces(Function<io.pitwall.connectors.prometheus.TraceEndpoint, CompletableFuture<String>> test) {
        return new EndpointServices(testPrometheus, testAlertmanager, testLoki, discover, checkFile, envIsSet, chooseFile, test);
    }

    /** JavaFX's file chooser, opening in the folder of the path typed so far, else the home folder. */
    static Optional<Path> fileChooser(javafx.stage.Window owner, String title, String current) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        try {
            Path typed = current.isBlank() ? null : Path.of(current.startsWith("~/")
                    ? Checks.home() + current.substring(1) : current);
            java.io.File folder = typed == null ? new java.io.File(Checks.home())
                    : typed.getParent() == null ? null : typed.getParent().toFile();
            if (folder != null && folder.isDirectory()) {
                chooser.setInitialDirectory(folder);
            }
            if (typed != null && typed.getFileName() != null) {
                chooser.setInitialFileName(typed.getFileName().toString());
            }
        } catch (java.nio.file.InvalidPathException ignored) {
            // nothing usable typed: the chooser starts where it likes
        }
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(java.io.File::toPath);
    }

    public EndpointServices {
        Objects.requireNonNull(testPrometheus, "testPrometheus");
        Objects.requireNonNull(testAlertmanager, "testAlertmanager");
        Objects.requireNonNull(testLoki, "testLoki");
        Objects.requireNonNull(discover, "discover");
        Objects.requireNonNull(checkFile, "checkFile");
        Objects.requireNonNull(envIsSet, "envIsSet");
        Objects.requireNonNull(chooseFile, "chooseFile");
        Objects.requireNonNull(testTraces, "testTraces");
    }
}
