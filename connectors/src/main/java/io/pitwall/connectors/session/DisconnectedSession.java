package io.pitwall.connectors.session;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session with nothing connected: every source says what to connect. What the workspace shows
 * before a cluster or a bundle is chosen, and for a context that cannot work (with the reason).
 */
public final class DisconnectedSession implements Session {

    private final SessionInfo info;
    private final Map<Signal, SourceState> states = new EnumMap<>(Signal.class);

    private DisconnectedSession(SessionInfo info, Optional<String> clusterProblem) {
        this.info = info;
        for (Signal s : Signal.values()) {
            states.put(s, new SourceState.NotConfigured(s.whatToConnect()));
        }
        clusterProblem.ifPresent(p -> states.put(Signal.CLUSTER, new SourceState.Failing(p)));
    }

    /** Nothing chosen yet. */
    public static DisconnectedSession none() {
        return new DisconnectedSession(new SessionInfo(SessionInfo.Kind.NONE, "No session", Optional.empty(),
                Optional.empty(), Optional.empty(), List.of()), Optional.empty());
    }

    /** A kubeconfig context that is not connected, with the reason when it cannot be. */
    public static DisconnectedSession forContext(String context, Optional<String> cluster, Optional<String> problem) {
        return new DisconnectedSession(new SessionInfo(SessionInfo.Kind.LIVE, context, cluster, Optional.of(context),
                Optional.empty(), List.of()), problem);
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
        // nothing to close
    }
}
