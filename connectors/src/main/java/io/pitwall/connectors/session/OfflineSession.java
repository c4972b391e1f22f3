package io.pitwall.connectors.session;

import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleException;
import io.pitwall.connectors.snapshot.BundleReader;
import io.pitwall.connectors.snapshot.BundleEntry;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.ClusterState;
import java.nio.file.Path;
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
    private final BundleSignals read;

    private OfflineSession(Bundle bundle) throws BundleException {
        this.bundle = bundle;
        BundleManifest m = bundle.manifest();
        String name = bundle.file().getFileName().toString();
        this.info = new SessionInfo(SessionInfo.Kind.OFFLINE, name, Optional.ofNullable(m.cluster()),
                Optional.ofNullable(m.context()), Optional.of(m.timeRange()), m.namespaces());
        this.read = BundleSignals.read(bundle);
        for (Signal s : Signal.values()) {
            String failing = read.failing.get(s);
            List<String> skipped = read.skipped.getOrDefault(s, List.of());
            String contents = contents(m, s) + (skipped.isEmpty() ? "" : "; not all read: " + skipped.getFirst()
                    + (skipped.size() > 1 ? " (and " + (skipped.size() - 1) + " more)" : ""));
            states.put(s, failing != null ? new SourceState.Failing(failing) : new SourceState.Offline(name, holds(m, s), contents));
        }
    }

    @Override
    public Optional<io.pitwall.connectors.security.SecuritySource> security() {
        return Optional.ofNullable(read.security);
    }

    @Override
    public Optional<io.pitwall.connectors.traces.TracesSource> traces() {
        return Optional.ofNullable(read.traces);
    }

    @Override
    public Optional<io.pitwall.connectors.logs.LogsSource> logs() {
        return Optional.ofNullable(read.logs);
    }

    @Override
    public Optional<io.pitwall.connectors.metrics.MetricsSource> metrics() {
        return read.metrics != null && read.metrics.hasMetrics() ? Optional.of(read.metrics) : Optional.empty();
    }

    @Override
    public Optional<io.pitwall.connectors.metrics.AlertsSource> alerts() {
        return read.metrics != null && holds(bundle.manifest(), Signal.ALERTS) && !read.failing.containsKey(Signal.ALERTS)
                ? Optional.of(read.metrics) : Optional.empty();
    }

    /**
     * Opens and verifies the bundle (every checksum, every limit), and reads it. Blocking I/O:
     * call it off the FX thread. The message of a failure names the file and the problem, fit for
     * the user. A bundle holding more than a quarter of the heap is refused before any of it is
     * read: its objects would not fit.
     */
    public static OfflineSession open(Path file) throws BundleException {
        long heap = Runtime.getRuntime().maxMemory();
        Bundle bundle = BundleReader.open(file, io.pitwall.connectors.snapshot.BundleLimits.DEFAULT,
                m -> checkMemory(file, m, heap));
        try {
            return new OfflineSession(bundle);
        } catch (BundleException | RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    /** Refuses a bundle whose entries add up to more than a quarter of {@code maxHeap}, before they are inflated. */
    static void checkMemory(Path file, BundleManifest manifest, long maxHeap) throws BundleException {
        long total = manifest.entries().stream().mapToLong(BundleEntry::size).sum();
        long budget = maxHeap / 4;
        if (total > budget) {
            String name = file.getFileName().toString();
            long suggest = Math.max(2, (total * 4 + (1L << 30) - 1) >> 30);
            throw new BundleException(BundleException.Reason.TOO_LARGE, file, null, name + " holds "
                    + humanSize(total) + " of data, more than this Pitwall can read into memory (a quarter of its "
                    + humanSize(maxHeap) + " heap); start it with more memory, e.g. PITWALL_JAVA_OPTS=-Xmx" + suggest + "g");
        }
    }

    @Override
    public Optional<ClusterState> clusterState() {
        return Optional.ofNullable(read.cluster);
    }

    @Override
    public List<io.pitwall.connectors.model.WatchEvent> clusterChanges(io.pitwall.connectors.model.TimeRange window) {
        return read.changes.stream().filter(e -> window.contains(e.at())).toList();
    }

    @Override
    public Optional<String> objectYaml(KubeRef ref) {
        return read.objects.yaml(ref);
    }


    /** The bundle entry with the user's notes on the incident. */
    public static final String NOTES = "notes.md";

    @Override
    public Optional<String> notes() {
        return read.notes;
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

    /**
     * The exception behind each signal that fails, for diagnostics: the bundle fuzzer checks that
     * each is a refusal in plain words, never a bug of the reader.
     */
    public Map<Signal, Throwable> failures() {
        return Map.copyOf(read.failures);
    }

    /** What was skipped of each signal's files (a line, an item, a file among others), in words. */
    public Map<Signal, List<String>> skipped() {
        return Map.copyOf(read.skipped);
    }


    @Override
    public void close() {
        bundle.close();
    }
}
