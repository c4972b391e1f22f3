package io.pitwall.connectors.session;

import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.WorkloadInfo;
import io.pitwall.connectors.prometheus.ResourcePanels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a capture asks of each source when the user does not say more: the resource graphs of the
 * cluster, of each namespace in scope, of its top-level workloads and of its troubled pods
 * (restarting, not ready, failed) at a step of about {@value #POINTS} points over the window; the
 * logs of each namespace in scope (or the cluster's); every signal. Pure: give it the cluster as
 * last seen.
 */
public final class CapturePlan {

    /** About how many points a captured series has over the window. */
    static final int POINTS = 240;
    /** Workloads and pods whose own graphs are kept, at most (the rest still count in their namespace's). */
    static final int MAX_WORKLOADS = 200;
    static final int MAX_PODS = 100;
    private static final Set<String> TOP_LEVEL = Set.of("Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job");

    private CapturePlan() {
    }

    /**
     * The default request for {@code window} and {@code namespaces} (empty: all the cluster's).
     *
     * @param state        the cluster as last seen, if the session has one
     * @param selection    log scopes the user is looking at (the selection), kept besides the namespaces'
     * @param openedTraces traces the user opened
     */
    public static IncidentCapture.Request of(TimeRange window, List<String> namespaces, ClusterState state, String note,
                                             List<LogScope> selection, Collection<String> openedTraces) {
        return of(window, namespaces, state, note, selection, openedTraces, io.pitwall.connectors.mapping.PromLabels.DEFAULTS);
    }

    /** The plan, its metric queries in {@code labels}' names (the user's mapping). */
    public static IncidentCapture.Request of(TimeRange window, List<String> namespaces, ClusterState state, String note,
                                             List<LogScope> selection, Collection<String> openedTraces,
                                             io.pitwall.connectors.mapping.PromLabels labels) {
        List<String> queries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        addPanels(seen, labels, new MetricScope.Cluster());
        List<String> scoped = namespaces.isEmpty() && state != null ? state.namespaces() : namespaces;
        for (String ns : scoped) {
            addPanels(seen, labels, new MetricScope.Namespace(ns));
        }
        if (state != null) {
            state.workloads().stream()
                    .filter(w -> TOP_LEVEL.contains(w.kind()) && w.owner().isEmpty() && inScope(namespaces, w.namespace()))
                    .sorted(Comparator.comparing((WorkloadInfo w) -> w.ready() >= w.desired()).thenComparing(WorkloadInfo::namespace)
                            .thenComparing(WorkloadInfo::name))
                    .limit(MAX_WORKLOADS)
                    .forEach(w -> addPanels(seen, labels, new MetricScope.Workload(w.ref())));
            state.pods().stream().filter(p -> inScope(namespaces, p.namespace()) && troubled(p))
                    .sorted(Comparator.comparingInt(PodInfo::restarts).reversed().thenComparing(PodInfo::namespace)
                            .thenComparing(PodInfo::name))
                    .limit(MAX_PODS)
                    .forEach(p -> addPanels(seen, labels, new MetricScope.Pod(p.ref())));
        }
        // the alerts' firing history, for the timeline's Alerts lane when the bundle is opened
        seen.add(io.pitwall.connectors.metrics.AlertsSource.FIRING_SERIES);
        queries.addAll(seen);
        List<LogScope> logs = new ArrayList<>();
        if (namespaces.isEmpty()) {
            logs.add(new LogScope.Cluster());
        } else {
            namespaces.forEach(ns -> logs.add(new LogScope.Namespace(ns)));
        }
        selection.stream().filter(s -> !logs.contains(s)).forEach(logs::add);
        return new IncidentCapture.Request(window, namespaces, Set.of(Signal.values()), note, queries, step(window), logs,
                List.of(), openedTraces);
    }

    /** About {@value #POINTS} points over the window, in whole seconds, at least 15 s. */
    public static Duration step(TimeRange window) {
        long seconds = Math.max(15, (long) Math.ceil(window.length().toSeconds() / (double) POINTS));
        return Duration.ofSeconds(seconds);
    }

    private static void addPanels(Set<String> into, io.pitwall.connectors.mapping.PromLabels labels, MetricScope scope) {
        for (PanelSpec panel : ResourcePanels.of(scope, labels)) {
            panel.queries().forEach(q -> into.add(q.promql()));
        }
    }

    private static boolean inScope(List<String> namespaces, String ns) {
        return namespaces.isEmpty() || namespaces.contains(ns);
    }

    private static boolean troubled(PodInfo p) {
        return p.restarts() > 0 || !p.ready() && !"Succeeded".equals(p.phase()) || "Failed".equals(p.phase());
    }
}
