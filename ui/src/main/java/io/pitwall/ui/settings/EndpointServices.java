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
 * @param discover         the cluster's Prometheus and Alertmanager Services, most likely first
 * @param checkFile        why a file cannot be used (missing, unreadable, a folder), empty when it can
 * @param envIsSet         whether Pitwall's environment has a variable of that name
 */
public record EndpointServices(Function<PrometheusEndpoint, CompletableFuture<String>> testPrometheus,
                               Function<AlertmanagerEndpoint, CompletableFuture<String>> testAlertmanager,
                               Supplier<CompletableFuture<List<PrometheusDiscovery.Candidate>>> discover,
                               Function<Path, CompletableFuture<Optional<String>>> checkFile,
                               Predicate<String> envIsSet) {

    public EndpointServices {
        Objects.requireNonNull(testPrometheus, "testPrometheus");
        Objects.requireNonNull(testAlertmanager, "testAlertmanager");
        Objects.requireNonNull(discover, "discover");
        Objects.requireNonNull(checkFile, "checkFile");
        Objects.requireNonNull(envIsSet, "envIsSet");
    }
}
