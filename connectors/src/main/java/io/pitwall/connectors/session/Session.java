package io.pitwall.connectors.session;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Everything the panes read: one source per signal, live or offline. Panes see this interface
 * only; whether it is backed by a cluster or an incident bundle is not theirs to know.
 *
 * <p>Each signal's issue adds its typed reads to its source; here a session says what it is and
 * where each source stands.
 */
public interface Session extends AutoCloseable {

    SessionInfo info();

    /** Each signal's current state. */
    Map<Signal, SourceState> states();

    default SourceState state(Signal signal) {
        return states().get(signal);
    }

    /**
     * Calls {@code listener} (on a connector thread) whenever a source's state changes, and for the
     * cluster whenever its objects do (then the state may read the same).
     * Returns a handle that stops the calls. A session whose states never change (a file, a
     * disconnected context) keeps this default, which never calls.
     */
    default AutoCloseable onStateChange(BiConsumer<Signal, SourceState> listener) {
        return () -> {
        };
    }

    /** The cluster's objects as last seen, once the cluster source has them. */
    default Optional<io.pitwall.connectors.model.ClusterState> clusterState() {
        return Optional.empty();
    }

    /**
     * The object's YAML as the cluster (or the bundle) has it now, secret values redacted; empty
     * when the session does not hold it. May serialize: call it off the FX thread.
     */
    default Optional<String> objectYaml(io.pitwall.connectors.model.KubeRef ref) {
        return Optional.empty();
    }

    /**
     * The names of the environment variables the cluster's pods set from Secrets
     * ({@code valueFrom.secretKeyRef}): a capture redacts their values wherever they show (a
     * Falco event's {@code proc.env}, a log line). Empty without a cluster.
     */
    default java.util.Set<String> secretEnvNames() {
        return java.util.Set.of();
    }

    /** The cluster's watch events in {@code window} (what changed, when), oldest first. */
    default java.util.List<io.pitwall.connectors.model.WatchEvent> clusterChanges(io.pitwall.connectors.model.TimeRange window) {
        return java.util.List.of();
    }

    /**
     * Writes the cluster's part of an incident bundle for {@code window}: the objects now and
     * the changes of the window ({@link io.pitwall.connectors.kube.ClusterCapture}). A session
     * without a cluster writes nothing. Blocking: call it off the FX thread.
     */
    default void captureCluster(io.pitwall.connectors.snapshot.BundleWriter writer,
                                io.pitwall.connectors.model.TimeRange window) throws java.io.IOException {
    }

    /**
     * Writes the metrics' and alerts' part of an incident bundle for {@code window}: what
     * {@code queries} return at {@code step} (the panes' queries, {@code $__rate_interval} kept),
     * and the alerts and silences now ({@link io.pitwall.connectors.prometheus.MetricsCapture}). A
     * session without those sources writes nothing of them. Blocking: call it off the FX thread.
     */
    default void captureMetrics(io.pitwall.connectors.snapshot.BundleWriter writer,
                                io.pitwall.connectors.model.TimeRange window, java.util.List<String> queries,
                                java.time.Duration step) throws java.io.IOException {
        io.pitwall.connectors.prometheus.MetricsCapture.write(writer, metrics().orElse(null), alerts().orElse(null),
                window, queries, step);
    }

    /**
     * Writes the logs' part of an incident bundle for {@code window}: the newest lines of each of
     * {@code scopes} (the selection's) and of each LogQL query in {@code queries}
     * ({@link io.pitwall.connectors.logs.LogsCapture}, {@code logs/entries.ndjson}). A session
     * without a logs source writes nothing. Blocking: call it off the FX thread.
     */
    default void captureLogs(io.pitwall.connectors.snapshot.BundleWriter writer,
                             io.pitwall.connectors.model.TimeRange window,
                             java.util.List<io.pitwall.connectors.logs.LogScope> scopes,
                             java.util.List<String> queries) throws java.io.IOException {
        io.pitwall.connectors.logs.LogsCapture.write(writer, logs().orElse(null), window, scopes, queries,
                io.pitwall.connectors.logs.LogsCapture.DEFAULT_LIMIT);
    }

    /**
     * Writes the traces' part of an incident bundle for {@code window}: the traces of
     * {@code openedIds} (those the user opened) and up to a limit of the window's, the failed and
     * the slowest first ({@link io.pitwall.connectors.traces.TracesCapture}, {@code traces/}). A
     * session without a traces source writes nothing. Blocking: call it off the FX thread.
     */
    default void captureTraces(io.pitwall.connectors.snapshot.BundleWriter writer,
                               io.pitwall.connectors.model.TimeRange window,
                               java.util.Collection<String> openedIds) throws java.io.IOException {
        io.pitwall.connectors.traces.TracesCapture.write(writer, traces().orElse(null), window, openedIds,
                io.pitwall.connectors.traces.TracesCapture.DEFAULT_LIMIT);
    }

    /**
     * Writes the security part of an incident bundle for {@code window}: the events of the window
     * and the standing findings ({@link io.pitwall.connectors.security.SecurityCapture},
     * {@code security/findings.ndjson}); the notes of the read and a failing source are problems
     * in the manifest. A session without a security source writes nothing. Blocking: call it off
     * the FX thread.
     */
    default void captureSecurity(io.pitwall.connectors.snapshot.BundleWriter writer,
                                 io.pitwall.connectors.model.TimeRange window) throws java.io.IOException {
        io.pitwall.connectors.security.SecurityCapture.write(writer, security().orElse(null), window);
    }

    /** The session's metrics, when it has a source for them (a configured endpoint, or a bundle's series). */
    default Optional<io.pitwall.connectors.metrics.MetricsSource> metrics() {
        return Optional.empty();
    }

    /** The session's alerts, when it has a source for them. */
    default Optional<io.pitwall.connectors.metrics.AlertsSource> alerts() {
        return Optional.empty();
    }

    /** The session's logs, when it has a source for them (Loki, the Kubernetes log API, or a bundle's lines). */
    default Optional<io.pitwall.connectors.logs.LogsSource> logs() {
        return Optional.empty();
    }

    /** The session's security events and findings, when it has a cluster, Falco events or a bundle with them. */
    default Optional<io.pitwall.connectors.security.SecuritySource> security() {
        return Optional.empty();
    }

    /** The session's traces, when it has a trace backend, a bundle with traces or a trace file. */
    default Optional<io.pitwall.connectors.traces.TracesSource> traces() {
        return Optional.empty();
    }

    /** The incident's notes (Markdown) written at capture, when the session has them. */
    default Optional<String> notes() {
        return Optional.empty();
    }

    /** Stops every connection and watch. Never throws. */
    @Override
    void close();
}
