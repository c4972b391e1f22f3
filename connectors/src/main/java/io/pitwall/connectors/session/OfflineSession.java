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

    private OfflineSession(Bundle bundle) {
        this.bundle = bundle;
        BundleManifest m = bundle.manifest();
        String name = bundle.file().getFileName().toString();
        this.info = new SessionInfo(SessionInfo.Kind.OFFLINE, name, Optional.ofNullable(m.cluster()),
                Optional.ofNullable(m.context()), Optional.of(m.timeRange()), m.namespaces());
        for (Signal s : Signal.values()) {
            states.put(s, new SourceState.Offline(name, holds(m, s)));
        }
    }

    /**
     * Opens and verifies the bundle (every checksum, every limit). Blocking I/O: call it off the
     * FX thread. The message of a failure names the file and the problem, fit for the user.
     */
    public static OfflineSession open(Path file) throws BundleException {
        return new OfflineSession(BundleReader.open(file));
    }

    /** Whether the bundle has at least one entry for {@code signal}. */
    public static boolean holds(BundleManifest manifest, Signal signal) {
        String prefix = signal.bundleFolder() + "/";
        return manifest.entries().stream().map(BundleEntry::path).anyMatch(p -> p.startsWith(prefix));
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
