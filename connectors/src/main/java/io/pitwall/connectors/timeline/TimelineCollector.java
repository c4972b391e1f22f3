package io.pitwall.connectors.timeline;

import io.pitwall.connectors.Errors;
import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.logs.LogsSource;
import io.pitwall.connectors.logs.LokiSelectors;
import io.pitwall.connectors.metrics.AlertsSource;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.EventInfo;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.connectors.model.WatchEvent;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.traces.TraceQuery;
import io.pitwall.connectors.traces.TracesSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Reads a session's sources for a window and fills the timeline's lanes: rollouts, restarts and
 * warnings from the cluster's watch events and Kubernetes events, alerts from Prometheus's
 * {@code ALERTS} series (else the alerts firing now), security events, bursts of error logs and
 * failed or slow traces. A source that fails or is absent costs its lane a one-line problem, never
 * the timeline. Live and offline sessions alike.
 */
public final class TimelineCollector {

    /** How long one source may take before its lane is given up. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The most lines read back to find error bursts when the source cannot count them itself. */
    static final int LINE_LIMIT = 5000;
    /** The most traces asked per service and search. */
    static final int TRACE_LIMIT = 100;

    private final Executor executor;

    /** {@code executor} runs the reads of the cluster's changes and the items' making, off the caller's thread. */
    public TimelineCollector(Executor executor) {
        this.executor = executor;
    }

    /** What happened in {@code window} in {@code namespaces} (all when empty). Completes normally, problems included. */
    public CompletableFuture<Timeline> collect(Session session, TimeRange window, List<String> namespaces) {
        List<String> ns = List.copyOf(namespaces);
        List<CompletableFuture<Part>> parts = List.of(
                guard("cluster", CompletableFuture.supplyAsync(() -> cluster(session, window), executor)),
                guard("alerts", alerts(session, window)),
                guard("security", security(session, window)),
                guard("logs", logs(session, window, ns)),
                guard("traces", traces(session, window)));
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApplyAsync(v -> {
            List<TimelineItem> items = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (CompletableFuture<Part> p : parts) {
                Part part = p.join();
                part.items().stream().filter(i -> inNamespaces(i, ns)).forEach(items::add);
                problems.addAll(part.problems());
            }
            return new Timeline(window, items, problems);
        }, executor);
    }

    /** Whether the item's object is in one of {@code namespaces} (every item when empty; an item without a namespace stays). */
    static boolean inNamespaces(TimelineItem item, List<String> namespaces) {
        if (namespaces.isEmpty() || item.ref().isEmpty()) {
            return true;
        }
        String ns = namespaceOf(item.ref().get());
        return ns.isEmpty() || namespaces.contains(ns);
    }

    /** The namespace an object is in, or is (a Namespace); "" for other cluster-scoped objects. */
    static String namespaceOf(KubeRef ref) {
        return ref.kind().equals("Namespace") ? ref.name() : ref.namespace();
    }

    /** A lane's items and what kept it from being whole. */
    record Part(List<TimelineItem> items, List<String> problems) {
        static Part problem(String p) {
            return new Part(List.of(), List.of(p));
        }
    }

    private static CompletableFuture<Part> guard(String what, CompletableFuture<Part> part) {
        return part.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).exceptionally(t -> {
            String message = unwrap(t) instanceof java.util.concurrent.TimeoutException
                    ? "no answer within " + TIMEOUT.toSeconds() + " s" : why(t);
            return Part.problem(what + ": " + message);
        });
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** A failure in one line. */
    static String why(Throwable t) {
        return Errors.firstLine(unwrap(t));
    }

    private static Part cluster(Session session, TimeRange window) {
        List<WatchEvent> changes = session.clusterChanges(window);
        Optional<ClusterState> state = session.clusterState();
        if (state.isEmpty() && changes.isEmpty()) {
            return Part.problem("cluster: no objects or changes to read rollouts, restarts and warnings from");
        }
        List<EventInfo> events = state.map(ClusterState::events).orElse(List.of());
        List<TimelineItem> items = new ArrayList<>();
        items.addAll(ClusterItems.rollouts(changes, events, window));
        items.addAll(ClusterItems.restarts(changes, events, window));
        items.addAll(ClusterItems.warnings(events, window));
        List<String> problems = changes.isEmpty()
                ? List.of("cluster: no watched changes in the window; rollouts and restarts come from events only")
                : List.of();
        return new Part(items, problems);
    }

    private static CompletableFuture<Part> alerts(Session session, TimeRange window) {
        Optional<AlertsSource> now = session.alerts();
        CompletableFuture<Part> fromNow = now.isEmpty()
                ? CompletableFuture.completedFuture(Part.problem("alerts: no Prometheus or Alertmanager"))
                : null;
        if (session.metrics().isEmpty()) {
            return fromNow != null ? fromNow : alertsNow(now.get(), window, List.of());
        }
        return session.metrics().get().queryRange(SignalItems.ALERTS_QUERY, window, SignalItems.alertStep(window))
                .thenApply(r -> new Part(SignalItems.alertSpans(r, window), List.of()))
                .exceptionallyCompose(t -> {
                    String why = "alerts: the ALERTS series failed (" + why(t) + ")";
                    return now.isEmpty() ? CompletableFuture.completedFuture(Part.problem(why))
                            : alertsNow(now.get(), window, List.of(why + "; the alerts firing now are shown"));
                });
    }

    private static CompletableFuture<Part> alertsNow(AlertsSource source, TimeRange window, List<String> problems) {
        return source.alerts().thenApply(a -> new Part(SignalItems.alertsNow(a, window), problems));
    }

    private static CompletableFuture<Part> security(Session session, TimeRange window) {
        if (session.security().isEmpty()) {
            return CompletableFuture.completedFuture(Part.problem("security: no security events"));
        }
        return session.security().get().findings(window).thenApply(r -> new Part(SignalItems.security(r.findings(), window),
                List.of()));
    }

    private static CompletableFuture<Part> traces(Session session, TimeRange window) {
        Optional<TracesSource> source = session.traces();
        if (source.isEmpty()) {
            return CompletableFuture.completedFuture(Part.problem("traces: no trace backend"));
        }
        TracesSource t = source.get();
        Map<String, List<KubeRef>> services = new java.util.HashMap<>();
        session.clusterState().ifPresent(s -> s.services().forEach(svc -> services
                .computeIfAbsent(svc.name(), k -> new ArrayList<>()).add(svc.ref())));
        return t.services(window).thenCompose(names -> {
            List<CompletableFuture<List<TraceSummary>>> searches = new ArrayList<>();
            List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
            List<String> wanted = t.local() ? List.of("") : names;
            for (String service : wanted) {
                for (Map<String, String> tags : List.of(Map.<String, String>of(), Map.of("error", "true"))) {
                    TraceQuery q = new TraceQuery(service, "", tags, Optional.empty(), Optional.empty(), TRACE_LIMIT, window);
                    searches.add(t.search(q).exceptionally(e -> {
                        problems.add("traces: the search of " + (service.isEmpty() ? "the traces" : service)
                                + (tags.isEmpty() ? "" : " with errors") + " failed: " + why(e));
                        return List.of();
                    }));
                }
            }
            return CompletableFuture.allOf(searches.toArray(CompletableFuture[]::new)).thenApply(v -> {
                List<TraceSummary> found = searches.stream().flatMap(f -> f.join().stream()).toList();
                List<TimelineItem> items = SignalItems.traces(found, window, name -> {
                    List<KubeRef> refs = services.getOrDefault(name, List.of());
                    return refs.size() == 1 ? Optional.of(refs.getFirst()) : Optional.empty();
                });
                return new Part(items, problems.stream().distinct().limit(3).toList());
            });
        });
    }

    private CompletableFuture<Part> logs(Session session, TimeRange window, List<String> namespaces) {
        Optional<LogsSource> source = session.logs();
        if (source.isEmpty()) {
            return CompletableFuture.completedFuture(Part.problem("error logs: no logs source"));
        }
        LogsSource logs = source.get();
        Duration bucket = LogBursts.bucket(window);
        if (logs.speaksLogQL() && !logs.local()) {
            return logs.labelNames(window).thenCompose(names -> {
                LokiSelectors.LabelSet labels = LokiSelectors.detect(names);
                String selector = LogBursts.selector(namespaces, labels);
                return metric(logs, LogBursts.byLevelQuery(selector, labels, bucket), window).thenCompose(r -> {
                    if (LogBursts.hasLevels(r)) {
                        return CompletableFuture.completedFuture(new Part(LogBursts.fromMatrix(r, window, bucket, labels, true),
                                List.of()));
                    }
                    return metric(logs, LogBursts.errorWordQuery(selector, labels, bucket), window)
                            .thenApply(w -> new Part(LogBursts.fromMatrix(w, window, bucket, labels, false), List.of()));
                });
            });
        }
        List<LogScope> scopes = namespaces.isEmpty() ? List.of(new LogScope.Cluster())
                : namespaces.stream().<LogScope>map(LogScope.Namespace::new).toList();
        List<CompletableFuture<Part>> reads = new ArrayList<>();
        for (LogScope scope : scopes) {
            reads.add(logs.query(new LogQuery(scope, "", window, LINE_LIMIT, true))
                    .thenApply(r -> new Part(LogBursts.fromEntries(r.entries(), window, bucket), r.limited()
                            ? List.of("error logs: only the newest " + LINE_LIMIT + " lines of " + scope.title() + " were counted")
                            : List.of()))
                    .exceptionally(e -> Part.problem("error logs: " + scope.title() + ": " + why(e))));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> new Part(
                reads.stream().flatMap(r -> r.join().items().stream()).toList(),
                reads.stream().flatMap(r -> r.join().problems().stream()).toList()));
    }

    private static CompletableFuture<io.pitwall.connectors.model.RangeResult> metric(LogsSource logs, String logql,
                                                                                     TimeRange window) {
        return logs.query(new LogQuery(new LogScope.Cluster(), logql, window, LINE_LIMIT, false)).thenApply(r -> r.matrix()
                .orElse(new io.pitwall.connectors.model.RangeResult(logql, window, LogBursts.bucket(window), List.of(), List.of())));
    }
}
