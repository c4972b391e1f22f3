package io.pitwall.connectors.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import io.pitwall.connectors.model.TimeRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * Logs from the Kubernetes pod log API ({@code GET /api/v1/namespaces/NS/pods/POD/log}), for a
 * cluster without Loki, over the context's own client: read-only, GET only. A pod's containers,
 * a workload's pods (up to {@link KubeLogTargets#MAX_PODS}) are read side by side and merged by
 * time; a namespace is refused ({@link KubeLogTargets}). Lines come with {@code timestamps=true}
 * (RFC 3339 with nanoseconds, cut from the line), from {@code sinceTime} (whole seconds: earlier
 * lines of that second are dropped here), at most {@code tailLines} (reading newest first) and
 * {@code limitBytes}. A live tail follows each container ({@code follow=true}) and reconnects after
 * a drop. Streams carry the labels {@code namespace}, {@code pod} and {@code container}.
 */
public final class KubeLogs implements LogsSource, AutoCloseable {

    /** The most bytes read of one container's log for one query. */
    static final int LIMIT_BYTES = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final Supplier<Optional<ClusterState>> state;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final LongUnaryOperator backoff;
    private final LokiJson.Interner interner = new LokiJson.Interner();

    /**
     * @param state     the cluster's objects as the session last saw them (a workload's pods, a pod's containers)
     * @param executor  where requests block and logs are read (virtual threads are fine)
     * @param scheduler where tails reconnect
     */
    public KubeLogs(KubernetesClient client, Supplier<Optional<ClusterState>> state, Executor executor,
                    ScheduledExecutorService scheduler, LongUnaryOperator backoff) {
        // the log API's 500 (no kubelet, a node gone) is an answer: fabric8 would retry it ten times
        io.fabric8.kubernetes.client.Config config = new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration())
                .withRequestRetryBackoffLimit(0).build();
        this.client = io.pitwall.connectors.kube.KubeClients.builder(config).build();
        this.state = state;
        this.executor = executor;
        this.scheduler = scheduler;
        this.backoff = backoff;
    }

    public KubeLogs(KubernetesClient client, Supplier<Optional<ClusterState>> state, Executor executor,
                    ScheduledExecutorService scheduler) {
        this(client, state, executor, scheduler, ReconnectingTail.BACKOFF);
    }

    @Override
    public String describe() {
        return "Kubernetes log API";
    }

    @Override
    public boolean speaksLogQL() {
        return false;
    }

    private static LogQueryException noLogQL() {
        return new LogQueryException("not_supported", "the Kubernetes log API does not read LogQL: pick a pod or a"
                + " workload, or set up Loki for this context to query with LogQL");
    }

    @Override
    public CompletableFuture<LogResult> query(LogQuery q) {
        KubeLogTargets.Plan plan;
        try {
            if (q.hasLogQL()) {
                throw noLogQL();
            }
            plan = KubeLogTargets.plan(q.scope(), state.get());
        } catch (LogQueryException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<CompletableFuture<Read>> reads = new ArrayList<>();
        for (KubeLogTargets.Target t : plan.targets()) {
            reads.add(CompletableFuture.supplyAsync(() -> read(t, q), executor));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture<?>[]::new)).handle((v, ignored) -> merge(q, plan, reads));
    }

    /** One container's lines in the range, or why they could not be read. */
    private record Read(List<LogEntry> entries, boolean limited, LogQueryException failure) {
    }

    private Read read(KubeLogTargets.Target t, LogQuery q) {
        Map<String, String> params = new java.util.LinkedHashMap<>(params(t, q.range().from()));
        if (q.backward()) {
            params.put("tailLines", Integer.toString(q.limit()));
        }
        params.put("limitBytes", Integer.toString(LIMIT_BYTES));
        try {
            HttpResponse<InputStream> r = get(t, params);
            try (InputStream body = r.body()) {
                if (!r.isSuccessful()) {
                    return new Read(List.of(), false, failure(t, r.code(), body));
                }
                List<LogEntry> out = new ArrayList<>();
                long from = LogEntry.nanos(q.range().from());
                long to = LogEntry.nanos(q.range().to());
                long[] bytes = {0};
                lines(body, stream(t), e -> {
                    if (e.epochNanos() >= from && e.epochNanos() < to) {
                        out.add(e);
                    }
                }, bytes);
                boolean cut = bytes[0] >= LIMIT_BYTES || q.backward() && out.size() >= q.limit();
                return new Read(out, cut, null);
            }
        } catch (IOException | RuntimeException e) {
            return new Read(List.of(), false, new LogQueryException("unreachable", "reading the log of " + t.title()
                    + " failed: " + LokiReplies.firstLine(String.valueOf(e.getMessage()))));
        }
    }

    private static LogResult merge(LogQuery q, KubeLogTargets.Plan plan, List<CompletableFuture<Read>> reads) {
        List<LogEntry> all = new ArrayList<>();
        List<String> warnings = new ArrayList<>(plan.warnings());
        boolean limited = false;
        LogQueryException first = null;
        int failed = 0;
        for (CompletableFuture<Read> f : reads) {
            Read r = f.join();
            if (r.failure() != null) {
                failed++;
                first = first == null ? r.failure() : first;
                warnings.add(r.failure().getMessage());
            } else {
                all.addAll(r.entries());
                limited |= r.limited();
            }
        }
        if (failed > 0 && failed == reads.size()) {
            throw new CompletionException(first);
        }
        all.sort(Comparator.comparingLong(LogEntry::epochNanos));
        if (all.size() > q.limit()) {
            limited = true;
            all = q.backward() ? all.subList(all.size() - q.limit(), all.size()) : all.subList(0, q.limit());
        }
        return new LogResult(q, all, Optional.empty(), limited, warnings);
    }

    /** {@code container}, {@code timestamps}, {@code sinceTime} (whole seconds) and {@code previous}. */
    static Map<String, String> params(KubeLogTargets.Target t, Instant since) {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        if (!t.container().isEmpty()) {
            p.put("container", t.container());
        }
        p.put("timestamps", "true");
        p.put("sinceTime", since.truncatedTo(ChronoUnit.SECONDS).toString());
        if (t.previous()) {
            p.put("previous", "true");
        }
        return p;
    }

    private HttpResponse<InputStream> get(KubeLogTargets.Target t, Map<String, String> params) throws IOException {
        HttpClient http = client.getHttpClient();
        HttpRequest request = http.newHttpRequestBuilder().uri(url(t, params).uri()).build();
        try {
            return http.sendAsync(request, InputStream.class).join();
        } catch (CompletionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw c instanceof IOException io ? io : new IOException(c.getMessage(), c);
        }
    }

    private HttpUrl url(KubeLogTargets.Target t, Map<String, String> params) {
        return url(client.getMasterUrl().toString(), t, params);
    }

    /** {@code MASTER/api/v1/namespaces/NS/pods/POD/log?PARAMS}. */
    static HttpUrl url(String master, KubeLogTargets.Target t, Map<String, String> params) {
        HttpUrl.Builder b = HttpUrl.get(master.endsWith("/") ? master : master + "/").newBuilder()
                .addPathSegments("api/v1/namespaces").addPathSegment(t.namespace()).addPathSegment("pods")
                .addPathSegment(t.pod()).addPathSegment("log");
        params.forEach(b::addQueryParameter);
        return b.build();
    }

    /** A failed answer in words: a 500 (no kubelet, a node gone) names the pod and what the server said. */
    static LogQueryException failure(KubeLogTargets.Target t, int code, InputStream body) {
        String said = statusMessage(body);
        String more = said.isEmpty() ? "" : ": " + said;
        return switch (code) {
            case 401 -> new LogQueryException("unauthorized", "the API server asked for credentials reading the log of "
                    + t.title() + more);
            case 403 -> new LogQueryException("forbidden", "your role may not read the logs of " + t.title()
                    + " (it needs get on pods/log)" + more);
            case 404 -> new LogQueryException("not_found", t.title() + " was not found" + more);
            case 400 -> new LogQueryException(said.contains("not found") ? "not_found" : "bad_query",
                    "the log of " + t.title() + " cannot be read" + more);
            default -> new LogQueryException(code >= 500 ? "server_error" : "http_" + code,
                    "the Kubernetes log API failed for " + t.title() + " (HTTP " + code + ")" + more);
        };
    }

    private static String statusMessage(InputStream body) {
        String text = LokiReplies.errorText(body);
        if (text.startsWith("{")) {
            try {
                JsonNode n = JSON.readTree(text);
                return LokiReplies.firstLine(n.path("message").asText(""));
            } catch (IOException e) {
                return "";
            }
        }
        return text;
    }

    private LogStream stream(KubeLogTargets.Target t) {
        return interner.of(Map.of("namespace", t.namespace(), "pod", t.pod(), "container", t.container()));
    }

    /** Reads {@code TIMESTAMP line} lines; a line without a timestamp takes the previous one's time. */
    static void lines(InputStream in, LogStream stream, java.util.function.Consumer<LogEntry> out, long[] bytes)
            throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        long last = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            bytes[0] += line.length() + 1;
            int sp = line.indexOf(' ');
            LogTimes.Found f = sp > 0 ? LogTimes.leading(line.substring(0, sp), 0) : null;
            if (f != null && f.end() == sp) {
                last = f.epochNanos();
                out.accept(new LogEntry(last, stream, line.substring(sp + 1)));
            } else {
                out.accept(new LogEntry(last, stream, line));
            }
        }
    }

    @Override
    public CompletableFuture<List<String>> labelNames(TimeRange range) {
        return CompletableFuture.completedFuture(List.of("container", "namespace", "pod"));
    }

    @Override
    public CompletableFuture<List<String>> labelValues(String label, TimeRange range) {
        TreeSet<String> values = new TreeSet<>();
        state.get().ifPresent(s -> {
            switch (label) {
                case "namespace" -> values.addAll(s.namespaces());
                case "pod" -> s.pods().forEach(p -> values.add(p.name()));
                case "container" -> s.pods().forEach(p -> p.containers().forEach(c -> values.add(c.name())));
                default -> {
                }
            }
        });
        return CompletableFuture.completedFuture(List.copyOf(values));
    }

    /** Closes this source's own client (the context's is the caller's). */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public LogTail tail(LogQuery q, LogTail.Listener listener) {
        KubeLogTargets.Plan plan;
        try {
            if (q.hasLogQL()) {
                throw noLogQL();
            }
            plan = KubeLogTargets.plan(q.scope(), state.get());
        } catch (LogQueryException e) {
            listener.state(new LogTail.TailState.Stopped(e.getMessage()));
            return () -> { };
        }
        MergedTail merged = new MergedTail(listener, plan.targets().size());
        for (KubeLogTargets.Target t : plan.targets()) {
            merged.add(ReconnectingTail.start(follow(t), merged.member(t.title()), scheduler, backoff,
                    LogEntry.nanos(q.range().from())));
        }
        return merged;
    }

    /** One container's followed log: each connection reads on the executor until the stream ends. */
    private ReconnectingTail.Connector follow(KubeLogTargets.Target t) {
        return (from, events) -> {
            Map<String, String> params = params(t, Instant.ofEpochSecond(Math.floorDiv(from, 1_000_000_000L)));
            params.put("follow", "true");
            HttpResponse<InputStream> r = get(t, params);
            InputStream body = r.body();
            if (!r.isSuccessful()) {
                LogQueryException e = failure(t, r.code(), body);
                body.close();
                events.ended(e.getMessage(), r.code() != 500 && r.code() != 503 && r.code() != 429);
                return () -> { };
            }
            events.opened();
            executor.execute(() -> {
                try (body) {
                    lines(body, stream(t), e -> events.entries(List.of(e)), new long[1]);
                    events.ended("the log of " + t.title() + " ended", false);
                } catch (IOException | RuntimeException e) {
                    events.ended("the log of " + t.title() + " was cut: " + LokiReplies.firstLine(String.valueOf(e.getMessage())),
                            false);
                }
            });
            return body;
        };
    }
}
