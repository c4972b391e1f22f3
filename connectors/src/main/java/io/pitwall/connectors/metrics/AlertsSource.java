package io.pitwall.connectors.metrics;

import io.pitwall.connectors.model.Alert;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A session's alerts: Prometheus's (with their rules' expressions) and Alertmanager's, read-only. */
public interface AlertsSource {

    /**
     * The PromQL whose series are the alerts' firing spans over time (Prometheus's {@code ALERTS}
     * series): the timeline draws them, and a capture keeps them so a bundle has the history too.
     */
    String FIRING_SERIES = "ALERTS{alertstate=\"firing\"}";

    /** The firing and pending alerts now (or at capture time). */
    CompletableFuture<List<Alert>> alerts();

    /** Alertmanager's silences, read-only; none when there is no Alertmanager. */
    default CompletableFuture<List<io.pitwall.connectors.model.Silence>> silences() {
        return CompletableFuture.completedFuture(List.of());
    }
}
