package io.pitwall.connectors.session;

import io.pitwall.connectors.Errors;
import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleException;
import io.pitwall.connectors.snapshot.BundleReader;
import io.pitwall.connectors.snapshot.BundleEntry;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pitwall.connectors.kube.ClusterObjects;
import io.pitwall.connectors.kube.ClusterStates;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.ClusterState;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A session read from an incident bundle: no network, nothing changes. A signal the bundle holds
 * is "offline"; one it lacks says so. Each signal's issue adds its typed reads from the bundle.
 */
public final class OfflineSession implements Session {

    private final Bundle bundle;
    private final SessionInfo info;
    private final Map<Signal, SourceState> states = new EnumMap<>(Signal.class);
    private final Optional<String> notes;
    private final Optional<ClusterState> clusterState;
    private ClusterObjects objects = new ClusterObjects(List.of());
    private List<io.pitwall.connectors.model.WatchEvent> changes = List.of();
    private final io.pitwall.connectors.prometheus.CapturedMetrics captured;
    private final io.pitwall.connectors.logs.CapturedLogs logs;
    private final io.pitwall.connectors.traces.CapturedTraces traces;
    private final io.pitwall.connectors.security.CapturedSecurity security;

    private OfflineSession(Bundle bundle) throws BundleException {
        this.bundle = bundle;
        this.notes = bundle.has(NOTES)
                ? Optional.of(new String(bundle.read(NOTES), java.nio.charset.StandardCharsets.UTF_8))
                : Optional.empty();
        BundleManifest m = bundle.manifest();
        String name = bundle.file().getFileName().toString();
        this.info = new SessionInfo(SessionInfo.Kind.OFFLINE, name, Optional.ofNullable(m.cluster()),
                Optional.ofNullable(m.context()), Optional.of(m.timeRange()), m.namespaces());
        for (Signal s : Signal.values()) {
            states.put(s, new SourceState.Offline(name, holds(m, s), contents(m, s)));
        }
        ClusterState cluster = null;
        if (holds(m, Signal.CLUSTER)) {
            try {
                List<HasMetadata> read = readObjects(bundle, m);
                objects = new ClusterObjects(read);
                if (bundle.has(io.pitwall.connectors.kube.ClusterCapture.WATCH)) {
                    try (InputStream in = bundle.open(io.pitwall.connectors.kube.ClusterCapture.WATCH)) {
                        changes = io.pitwall.connectors.kube.ClusterCapture.readWatch(in);
                    } catch (java.io.IOException io) {
                        throw new java.io.UncheckedIOException(io);
                    }
                }
                cluster = ClusterStates.from(read, Map.of(), java.util.Set.of(), java.util.Set.of(), m.timeRange().to());
            } catch (RuntimeException e) {
                states.put(Signal.CLUSTER, new SourceState.Failing(name + ": the cluster objects cannot be read ("
                        + Errors.firstLine(e) + ")"));
            }
        }
        this.clusterState = Optional.ofNullable(cluster);
        this.captured = readMetrics(bundle, name);
        this.logs = readLogs(bundle, name);
        this.traces = readTraces(bundle, name);
        this.security = readSecurity(bundle, name);
    }

    /**
     * The bundle's security findings ({@code security/findings.ndjson} and Falco JSON lines such as
     * {@code security/falco.ndjson}), when it has any; bad lines are the source's notes, a file
     * that cannot be read makes the SECURITY signal fail.
     */
    private io.pitwall.connectors.security.CapturedSecurity readSecurity(Bundle bundle, String name) {
        if (!io.pitwall.connectors.security.CapturedSecurity.holds(bundle)) {
            return null;
        }
        try {
            return io.pitwall.connectors.security.CapturedSecurity.read(bundle, "bundle " + name);
        } catch (java.io.IOException | RuntimeException e) {
            states.put(Signal.SECURITY, new SourceState.Failing(name + ": the security findings cannot be read ("
                    + Errors.firstLine(e) + ")"));
            return null;
        }
    }

    @Override
    public Optional<io.pitwall.connectors.security.SecuritySource> security() {
        return Optional.ofNullable(security);
    }

    /** The bundle's traces ({@code traces/*.json}), when it has any; damaged ones make the TRACES signal fail. */
    private io.pitwall.connectors.traces.CapturedTraces readTraces(Bundle bundle, String name) {
        if (!io.pitwall.connectors.traces.TracesCapture.holds(bundle)) {
            return null;
        }
        try {
            return new io.pitwall.connectors.traces.CapturedTraces(io.pitwall.connectors.traces.TracesCapture.read(bundle),
                    "bundle " + name);
        } catch (java.io.IOException | RuntimeException e) {
            states.put(Signal.TRACES, new SourceState.Failing(name + ": the traces cannot be read (" + Errors.firstLine(e)
                    + ")"));
            return null;
        }
    }

    @Override
    public Optional<io.pitwall.connectors.traces.TracesSource> traces() {
        return Optional.ofNullable(traces);
    }

    /** The bundle's log lines ({@code logs/entries.ndjson}, or a Loki {@code logs/query_range.json}), when it has any. */
    private io.pitwall.connectors.logs.CapturedLogs readLogs(Bundle bundle, String name) {
        boolean ndjson = bundle.has(io.pitwall.connectors.logs.LogsCapture.ENTRIES);
        boolean loki = bundle.has(io.pitwall.connectors.logs.LogsCapture.QUERY_RANGE);
        if (!ndjson && !loki) {
            return null;
        }
        List<io.pitwall.connectors.model.LogEntry> entries = new ArrayList<>();
        try {
            if (ndjson) {
                try (InputStream in = bundle.open(io.pitwall.connectors.logs.LogsCapture.ENTRIES)) {
                    entries.addAll(io.pitwall.connectors.logs.LogsCapture.readEntries(in).entries());
                }
            }
            if (loki) {
                try (InputStream in = bundle.open(io.pitwall.connectors.logs.LogsCapture.QUERY_RANGE)) {
                    var e = io.pitwall.connectors.logs.LokiJson.response(in, new io.pitwall.connectors.logs.LokiJson.Interner());
                    if (e.data() != null) {
                        entries.addAll(e.data().entries());
                    }
                }
            }
            return new io.pitwall.connectors.logs.CapturedLogs(entries, "bundle " + name);
        } catch (java.io.IOException | RuntimeException e) {
            states.put(Signal.LOGS, new SourceState.Failing(name + ": the logs cannot be read (" + Errors.firstLine(e) + ")"));
            return null;
        }
    }

    @Override
    public Optional<io.pitwall.connectors.logs.LogsSource> logs() {
        return Optional.ofNullable(logs);
    }

    /** The bundle's metrics and alerts entries, when it has any; a damaged one makes its signals fail. */
    private io.pitwall.connectors.prometheus.CapturedMetrics readMetrics(Bundle bundle, String name) {
        boolean metrics = bundle.has(io.pitwall.connectors.prometheus.MetricsCapture.QUERY_RANGE);
        boolean alerts = bundle.has(io.pitwall.connectors.prometheus.MetricsCapture.RULES)
                || bundle.has(io.pitwall.connectors.prometheus.MetricsCapture.ALERTS);
        if (!metrics && !alerts) {
            return null;
        }
        try (InputStream q = open(bundle, io.pitwall.connectors.prometheus.MetricsCapture.QUERY_RANGE);
             InputStream r = open(bundle, io.pitwall.connectors.prometheus.MetricsCapture.RULES);
             InputStream a = open(bundle, io.pitwall.connectors.prometheus.MetricsCapture.ALERTS);
             InputStream s = open(bundle, io.pitwall.connectors.prometheus.MetricsCapture.SILENCES)) {
            return io.pitwall.connectors.prometheus.CapturedMetrics.read(q, r, a, s, "bundle " + name);
        } catch (java.io.IOException | RuntimeException e) {
            String why = name + ": the metrics and alerts cannot be read (" + Errors.firstLine(e) + ")";
            states.put(Signal.METRICS, new SourceState.Failing(why));
            states.put(Signal.ALERTS, new SourceState.Failing(why));
            return null;
        }
    }

    private static InputStream open(Bundle bundle, String path) throws BundleException {
        return bundle.has(path) ? bundle.open(path) : null;
    }

    @Override
    public Optional<io.pitwall.connectors.metrics.MetricsSource> metrics() {
        return captured != null && captured.hasMetrics() ? Optional.of(captured) : Optional.empty();
    }

    @Override
    public Optional<io.pitwall.connectors.metrics.AlertsSource> alerts() {
        return captured != null && holds(bundle.manifest(), Signal.ALERTS) ? Optional.of(captured) : Optional.empty();
    }

    /**
     * Opens and verifies the bundle (every checksum, every limit). Blocking I/O: call it off the
     * FX thread. The message of a failure names the file and the problem, fit for the user.
     */
    public static OfflineSession open(Path file) throws BundleException {
        Bundle bundle = BundleReader.open(file);
        try {
            return new OfflineSession(bundle);
        } catch (BundleException | RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    /** The Kubernetes objects of {@code cluster/*.json}: v1 Lists (objects, events) as the API serves them. */
    private static List<HasMetadata> readObjects(Bundle bundle, BundleManifest m) throws BundleException {
        List<HasMetadata> objects = new ArrayList<>();
        for (BundleEntry e : m.entries()) {
            if (e.path().startsWith(Signal.CLUSTER.bundleFolder() + "/") && e.path().endsWith(".json")) {
                try (InputStream in = bundle.open(e.path())) {
                    Object parsed = Serialization.unmarshal(in);
                    if (parsed instanceof KubernetesResourceList<?> list) {
                        list.getItems().forEach(o -> objects.add((HasMetadata) o));
                    } else if (parsed instanceof HasMetadata one) {
                        objects.add(one);
                    }
                } catch (java.io.IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
            }
        }
        return objects;
    }

    @Override
    public Optional<ClusterState> clusterState() {
        return clusterState;
    }

    @Override
    public List<io.pitwall.connectors.model.WatchEvent> clusterChanges(io.pitwall.connectors.model.TimeRange window) {
        return changes.stream().filter(e -> window.contains(e.at())).toList();
    }

    @Override
    public Optional<String> objectYaml(KubeRef ref) {
        return objects.yaml(ref);
    }


    /** The bundle entry with the user's notes on the incident. */
    public static final String NOTES = "notes.md";

    @Override
    public Optional<String> notes() {
        return notes;
    }

    /** Whether the bundle has at least one entry for {@code signal}. */
    public static boolean holds(BundleManifest manifest, Signal signal) {
        String prefix = signal.bundleFolder() + "/";
        return manifest.entries().stream().map(BundleEntry::path).anyMatch(p -> p.startsWith(prefix));
    }

    /** The entries of {@code signal} with their sizes, for people. */
    static String contents(BundleManifest manifest, Signal signal) {
        String prefix = signal.bundleFolder() + "/";
        return manifest.entries().stream().filter(e -> e.path().startsWith(prefix))
                .map(e -> e.path() + " (" + humanSize(e.size()) + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    public Bundle bundle() {
        return bundle;
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    @Override
    public Map<Signal, SourceState> states() {
        return Map.copyOf(states);
    }


    @Override
    public void close() {
        bundle.close();
    }
}
