package io.pitwall.connectors.security;

import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.TimeRange;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A session's security events and findings: from a cluster (posture checks on the live objects,
 * Trivy and policy reports, Gatekeeper violations, Warning events) and its Falco events (in Loki),
 * or what a bundle or a Falco file holds. Calls complete on a connector thread; a source that
 * fails as a whole completes exceptionally with a message fit for the user, a part that is
 * missing (a CRD not installed, a 403 on one kind) is a note in the result.
 */
public interface SecuritySource {

    /** Who answers, for the pane's header: "cluster prod and Loki", "bundle incident.pitwall". */
    String describe();

    /** The standing findings now and the events of {@code window}. */
    CompletableFuture<Result> findings(TimeRange window);

    /**
     * Follows new events (Falco's, as they arrive) and hands them over in batches, on a connector
     * thread; a source that cannot follow (a bundle) never calls. Closing the handle stops it.
     */
    default AutoCloseable follow(Consumer<List<SecurityFinding>> listener) {
        return () -> {
        };
    }

    /**
     * What a read found, and notes on what it could not read and why ("Trivy Operator is not
     * installed: no vulnerability reports"), for the status bar and the pane.
     */
    record Result(List<SecurityFinding> findings, List<String> notes) {

        public Result {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }
    }
}
