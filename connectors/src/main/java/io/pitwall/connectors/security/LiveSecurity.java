package io.pitwall.connectors.security;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogResult;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.logs.LogTail;
import io.pitwall.connectors.logs.LogsSource;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.EventInfo;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.SourceState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The security source of a live session: posture checks on the cluster's objects and the
 * security reports it holds ({@link ClusterSecurityReads}, read-only lists, kept for
 * {@link #STANDING_TTL} as they do not depend on the window), the Warning events of the window
 * from the session's cluster state, and Falco's events from the session's Loki (the streams
 * falcosidekick writes, {@link FalcoEvents#LOKI_SELECTOR}), which {@link #follow} tails. What
 * cannot be read (a refused list, a CRD not installed, no Loki, a failing Loki) is a note; the
 * read fails as a whole only when the cluster answers no list at all.
 */
public final class LiveSecurity implements SecuritySource, AutoCloseable {

    /** How long posture and report findings are reused before the cluster is listed again. */
    public static final Duration STANDING_TTL = Duration.ofSeconds(30);
    /** The most Falco events read for a window (Loki's default max_entries_limit_per_query). */
    public static final int FALCO_LIMIT = 5000;
    static final String NO_LOKI = "Falco events come from Loki (falcosidekick): none configured.";

    private final ClusterSecurityReads reads;
    private final String cluster;
    private final Supplier<Optional<ClusterState>> clusterState;
    private final Supplier<Optional<LogsSource>> logs;
    private final Executor executor;
    private final Clock clock;
    private final Consumer<SourceState> onState;
    private final Set<LogTail> tails = ConcurrentHashMap.newKeySet();
    private volatile Cached cached;
    private volatile boolean closed;

    private record Cached(Instant at, CompletableFuture<ClusterSecurityReads.Standing> standing) {
    }

    /**
     * @param client        the session's client (read-only calls only)
     * @param homeNamespace the context's namespace: listed alone where every namespace is refused
     * @param cluster       the cluster's name, for {@link #describe()}
     * @param clusterState  the session's cluster state now (its events are the Warning events read)
     * @param logs          the session's logs now: Falco's events are read when it speaks LogQL (Loki)
     * @param executor      where the blocking lists run
     * @param onState       hears where the source stands after each read
     */
    public LiveSecurity(KubernetesClient client, Optional<String> homeNamespace, String cluster,
                        Supplier<Optional<ClusterState>> clusterState, Supplier<Optional<LogsSource>> logs,
                        Executor executor, Clock clock, Consumer<SourceState> onState) {
        this.reads = new ClusterSecurityReads(client, homeNamespace);
        this.cluster = cluster;
        this.clusterState = clusterState;
        this.logs = logs;
        this.executor = executor;
        this.clock = clock;
        this.onState = onState;
    }

    @Override
    public String describe() {
        return "cluster " + cluster + (loki().isPresent() ? " and Loki" : "");
    }

    /** The session's logs when they are Loki's (they speak LogQL). */
    private Optional<LogsSource> loki() {
        return logs.get().filter(LogsSource::speaksLogQL);
    }

    @Override
    public CompletableFuture<Result> findings(TimeRange window) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the session is closed"));
        }
        CompletableFuture<ClusterSecurityReads.Standing> standing = standing();
        CompletableFuture<Result> falco = falco(window);
        return standing.thenCombine(falco, (s, f) -> {
            List<SecurityFinding> findings = new ArrayList<>(s.findings());
            List<String> notes = new ArrayList<>(s.notes());
            events(window, findings, notes);
            findings.addAll(f.findings());
            notes.addAll(f.notes());
            return new Result(dedupe(findings), notes);
        }).whenComplete((r, t) -> {
            if (!closed) {
                onState.accept(t == null ? new SourceState.Connected(describe())
                        : new SourceState.Failing(message(t)));
            }
        });
    }

    /** Posture and report findings: read again once {@link #STANDING_TTL} has passed, or after a failure. */
    private synchronized CompletableFuture<ClusterSecurityReads.Standing> standing() {
        Cached c = cached;
        Instant now = clock.instant();
        if (c != null && (!c.standing().isDone()
                || !c.standing().isCompletedExceptionally() && now.isBefore(c.at().plus(STANDING_TTL)))) {
            return c.standing();
        }
        CompletableFuture<ClusterSecurityReads.Standing> posture = CompletableFuture.supplyAsync(reads::posture, executor);
        CompletableFuture<ClusterSecurityReads.Standing> reports = CompletableFuture.supplyAsync(reads::reports, executor);
        CompletableFuture<ClusterSecurityReads.Standing> both = posture.thenCombine(reports, (p, r) -> {
            List<SecurityFinding> findings = new ArrayList<>(p.findings());
            findings.addAll(r.findings());
            List<String> notes = new ArrayList<>(p.notes());
            notes.addAll(r.notes());
            return new ClusterSecurityReads.Standing(findings, notes);
        });
        cached = new Cached(now, both);
        return both;
    }

    /** The security Warning events of the window, from the cluster state the session follows. */
    private void events(TimeRange window, List<SecurityFinding> findings, List<String> notes) {
        Optional<ClusterState> state = clusterState.get();
        if (state.isEmpty()) {
            notes.add("The cluster's events are not listed yet: Warning events skipped.");
            return;
        }
        if (state.get().noAccess().contains("Event")) {
            notes.add("No permission to list Events: Warning events skipped.");
            return;
        }
        List<EventInfo> inWindow = state.get().events().stream()
                .filter(e -> e.last() != null && window.contains(e.last())).toList();
        findings.addAll(SecurityEvents.findings(inWindow));
    }

    /** Falco's events of the window from Loki; without Loki, or with a failing one, a note. */
    private CompletableFuture<Result> falco(TimeRange window) {
        Optional<LogsSource> loki = loki();
        if (loki.isEmpty()) {
            return CompletableFuture.completedFuture(new Result(List.of(), List.of(NO_LOKI)));
        }
        CompletableFuture<LogResult> query;
        try {
            query = loki.get().query(new LogQuery(new LogScope.Cluster(), FalcoEvents.LOKI_SELECTOR, window, FALCO_LIMIT, true));
        } catch (RuntimeException e) {
            query = CompletableFuture.failedFuture(e);
        }
        return query.handle((r, t) -> {
            if (t != null) {
                return new Result(List.of(), List.of("Falco events could not be read from Loki: " + message(t) + "."));
            }
            List<SecurityFinding> found = falcoFindings(r.entries());
            List<String> notes = r.limited() ? List.of("More than " + FALCO_LIMIT
                    + " Falco events in the window: the newest " + FALCO_LIMIT + " are shown.") : List.of();
            return new Result(found, notes);
        });
    }

    private static List<SecurityFinding> falcoFindings(List<LogEntry> entries) {
        List<SecurityFinding> out = new ArrayList<>(entries.size());
        for (LogEntry e : entries) {
            if (FalcoEvents.isFalcoStream(e.stream().labels())) {
                out.add(FalcoEvents.fromLoki(e));
            }
        }
        return out;
    }

    /** Tails falcosidekick's streams in Loki from now on; without Loki it never calls. */
    @Override
    public AutoCloseable follow(Consumer<List<SecurityFinding>> listener) {
        Optional<LogsSource> loki = loki();
        if (loki.isEmpty() || closed) {
            return () -> {
            };
        }
        Instant now = clock.instant();
        LogQuery query = new LogQuery(new LogScope.Cluster(), FalcoEvents.LOKI_SELECTOR,
                new TimeRange(now, now.plusMillis(1)), FALCO_LIMIT, false);
        LogTail tail = loki.get().tail(query, new LogTail.Listener() {
            @Override
            public void entries(List<LogEntry> entries) {
                List<SecurityFinding> batch = falcoFindings(entries);
                if (!batch.isEmpty() && !closed) {
                    listener.accept(batch);
                }
            }

            @Override
            public void state(LogTail.TailState state) {
                // the LOGS state says where Loki stands
            }
        });
        tails.add(tail);
        return () -> {
            tails.remove(tail);
            tail.close();
        };
    }

    private static String message(Throwable t) {
        Throwable e = t;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    private static List<SecurityFinding> dedupe(List<SecurityFinding> findings) {
        Map<String, SecurityFinding> byId = new LinkedHashMap<>();
        findings.forEach(f -> byId.putIfAbsent(f.id(), f));
        return List.copyOf(byId.values());
    }

    /** Stops every tail {@link #follow} opened. */
    @Override
    public void close() {
        closed = true;
        tails.forEach(LogTail::close);
        tails.clear();
    }
}
