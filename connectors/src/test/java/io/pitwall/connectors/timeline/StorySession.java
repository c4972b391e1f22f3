package io.pitwall.connectors.timeline;

import io.pitwall.connectors.logs.LogsSource;
import io.pitwall.connectors.metrics.AlertsSource;
import io.pitwall.connectors.metrics.MetricsSource;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.WatchEvent;
import io.pitwall.connectors.security.SecuritySource;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.SessionInfo;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.connectors.traces.TracesSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A session whose sources a test sets, each absent until set (as a bundle without that signal). */
final class StorySession implements Session {

    List<WatchEvent> changes = List.of();
    ClusterState state;
    MetricsSource metrics;
    AlertsSource alerts;
    LogsSource logs;
    SecuritySource security;
    TracesSource traces;

    @Override
    public SessionInfo info() {
        return new SessionInfo(SessionInfo.Kind.OFFLINE, "story", Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    @Override
    public Map<Signal, SourceState> states() {
        return Map.of();
    }

    @Override
    public Optional<ClusterState> clusterState() {
        return Optional.ofNullable(state);
    }

    @Override
    public List<WatchEvent> clusterChanges(TimeRange window) {
        return changes.stream().filter(e -> window.contains(e.at())).toList();
    }

    @Override
    public Optional<MetricsSource> metrics() {
        return Optional.ofNullable(metrics);
    }

    @Override
    public Optional<AlertsSource> alerts() {
        return Optional.ofNullable(alerts);
    }

    @Override
    public Optional<LogsSource> logs() {
        return Optional.ofNullable(logs);
    }

    @Override
    public Optional<SecuritySource> security() {
        return Optional.ofNullable(security);
    }

    @Override
    public Optional<TracesSource> traces() {
        return Optional.ofNullable(traces);
    }

    @Override
    public void close() {
    }
}
