package io.pitwall.connectors.session;

import io.fabric8.kubernetes.client.Config;
import io.pitwall.connectors.kube.ClusterProbe;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A session on a live cluster, assembled from a kubeconfig context. It reaches the API server
 * (read-only) on the given executor and reports the cluster source's state; the metrics, logs,
 * traces, security and alerts sources are not configured until their endpoints are.
 */
public final class LiveSession implements Session {

    private final SessionInfo info;
    private final Map<Signal, SourceState> states = new EnumMap<>(Signal.class);
    private final List<BiConsumer<Signal, SourceState>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private LiveSession(String context, Optional<String> cluster) {
        this.info = new SessionInfo(SessionInfo.Kind.LIVE, context, cluster, Optional.of(context), Optional.empty(),
                List.of());
        for (Signal s : Signal.values()) {
            states.put(s, new SourceState.NotConfigured(s.whatToConnect()));
        }
        states.put(Signal.CLUSTER, new SourceState.Connecting(context));
    }

    /**
     * Opens a session on {@code context}; {@code config} makes the context's client configuration
     * (from the user's kubeconfig; it may run a credential plugin, so it runs on {@code executor}).
     */
    public static LiveSession connect(String context, Optional<String> cluster, Supplier<Config> config,
                                      Executor executor) {
        LiveSession session = new LiveSession(context, cluster);
        CompletableFuture.supplyAsync(() -> ClusterProbe.probe(context, config), executor)
                .thenAccept(state -> session.update(Signal.CLUSTER, state));
        return session;
    }

    /** The configuration of {@code context} in the user's kubeconfig (KUBECONFIG, else ~/.kube/config). */
    public static Supplier<Config> fromUserKubeconfig(String context) {
        return () -> Config.autoConfigure(context);
    }

    private void update(Signal signal, SourceState state) {
        if (closed) {
            return;
        }
        synchronized (states) {
            states.put(signal, state);
        }
        listeners.forEach(l -> l.accept(signal, state));
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    @Override
    public Map<Signal, SourceState> states() {
        synchronized (states) {
            return Map.copyOf(states);
        }
    }

    @Override
    public AutoCloseable onStateChange(BiConsumer<Signal, SourceState> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
        listeners.clear();
    }
}
