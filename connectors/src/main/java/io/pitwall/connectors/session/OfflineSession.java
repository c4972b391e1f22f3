package io.pitwall.connectors.session;

import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleException;
import io.pitwall.connectors.snapshot.BundleReader;
import io.pitwall.connectors.snapshot.BundleEntry;
import io.pitwall.connectors.snapshot.BundleManifest;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A session read from an incident bundle: no network, nothing changes. A signal the bundle holds
 * is "offline"; one it lacks says so. Each signal's issue adds its typed reads from the bundle.
 */
public final class OfflineSession implements Session {

    private final Bundle bundle;
    private final SessionInfo info;
    private final Map<Signal, SourceState> states = new EnumMap<>(Signal.class);
    private final Optional<String> notes;

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
    public AutoCloseable onStateChange(BiConsumer<Signal, SourceState> listener) {
        return () -> {
        }; // a bundle never changes
    }

    @Override
    public void close() {
        bundle.close();
    }
}
