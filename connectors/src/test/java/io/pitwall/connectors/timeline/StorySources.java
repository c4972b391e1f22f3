package io.pitwall.connectors.timeline;

import static io.pitwall.connectors.timeline.SockShopStory.NEW_POD;
import static io.pitwall.connectors.timeline.SockShopStory.PATCH;
import static io.pitwall.connectors.timeline.SockShopStory.START;
import static io.pitwall.connectors.timeline.SockShopStory.WINDOW;

import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogResult;
import io.pitwall.connectors.logs.StubLogsSource;
import io.pitwall.connectors.metrics.MetricsSource;
import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.connectors.security.FalcoEvents;
import io.pitwall.connectors.security.SecuritySource;
import io.pitwall.connectors.traces.TraceQuery;
import io.pitwall.connectors.traces.TraceQueryException;
import io.pitwall.connectors.traces.TracesSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The story's other signals: the ALERTS series, a Falco event, a Loki count matrix and a trace search. */
final class StorySources {

    static final Instant ALERT_FROM = PATCH.plus(Duration.ofMinutes(6));
    static final Instant FALCO_AT = PATCH.plus(Duration.ofMinutes(8));

    private StorySources() {
    }

    /** Prometheus's answer to the ALERTS query: the crash loop firing to the end, a latency alert twice. */
    static MetricsSource prometheus() {
        return new MetricsSource() {
            @Override
            public CompletableFuture<RangeResult> queryRange(String promql, TimeRange range, Duration step) {
                if (!promql.equals("ALERTS{alertstate=\"firing\"}")) {
                    return CompletableFuture.failedFuture(new IllegalStateException("unexpected query " + promql));
                }
                List<MetricSeries> series = List.of(
                        series(Map.of("__name__", "ALERTS", "alertname", "KubePodCrashLooping", "alertstate", "firing",
                                "namespace", "sock-shop", "pod", NEW_POD.name(), "severity", "warning"), range, step,
                                ALERT_FROM, range.to()),
                        series(Map.of("__name__", "ALERTS", "alertname", "CartsHighLatency", "alertstate", "firing",
                                "namespace", "sock-shop", "deployment", "carts", "severity", "critical"), range, step,
                                PATCH.plus(Duration.ofMinutes(7)), PATCH.plus(Duration.ofMinutes(9)),
                                PATCH.plus(Duration.ofMinutes(20)), PATCH.plus(Duration.ofMinutes(25))));
                return CompletableFuture.completedFuture(new RangeResult(promql, range, step, series, List.of()));
            }

            @Override
            public CompletableFuture<List<String>> metricNames() {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<List<String>> labelNames() {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<List<String>> labelValues(String label) {
                return CompletableFuture.completedFuture(List.of());
            }
        };
    }

    /** A series with a point each step inside each [from, to] pair of {@code runs}, aligned on the step. */
    static MetricSeries series(Map<String, String> labels, TimeRange range, Duration step, Instant... runs) {
        List<Long> times = new ArrayList<>();
        long s = step.toMillis();
        for (long t = range.from().toEpochMilli(); t <= range.to().toEpochMilli(); t += s) {
            for (int i = 0; i < runs.length; i += 2) {
                if (t >= runs[i].toEpochMilli() && t <= runs[i + 1].toEpochMilli()) {
                    times.add(t);
                }
            }
        }
        double[] values = new double[times.size()];
        java.util.Arrays.fill(values, 1);
        return new MetricSeries(labels, times.stream().mapToLong(Long::longValue).toArray(), values);
    }

    /** The Falco docs' terminal-shell event, moved to the story's pod and time, and a standing posture finding. */
    static SecuritySource falco() throws Exception {
        String json;
        try (InputStream in = StorySources.class.getResourceAsStream("/security/falco/event-terminal-shell-k8s-critical.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        json = json.replace("2023-05-25T13:44:05.478445995Z", FALCO_AT.toString()).replace("1685022245478445995",
                Long.toString(FALCO_AT.getEpochSecond() * 1_000_000_000L)).replace("\"default\"", "\"sock-shop\"")
                .replace("\"kubecon\"", "\"" + NEW_POD.name() + "\"");
        SecurityFinding event = FalcoEvents.event(json);
        SecurityFinding posture = new SecurityFinding("posture-1", Severity.HIGH, FindingSource.POSTURE, null,
                "pss.baseline.privileged", "Privileged container", "sock-shop", NEW_POD, "runs privileged", "", "{}");
        return new SecuritySource() {
            @Override
            public String describe() {
                return "story";
            }

            @Override
            public CompletableFuture<Result> findings(TimeRange window) {
                return CompletableFuture.completedFuture(new Result(List.of(event, posture), List.of()));
            }
        };
    }

    /**
     * Loki counting the story's lines by level in one-minute buckets, at its own 14 s step: the
     * new pod writes one error line a minute, thirty a minute from 3 to 5 minutes after the patch.
     */
    static StubLogsSource loki() {
        return new StubLogsSource("Loki http://loki:3100", true) {
            @Override
            public CompletableFuture<List<String>> labelNames(TimeRange range) {
                return CompletableFuture.completedFuture(List.of("container", "level", "namespace", "pod"));
            }

            @Override
            public CompletableFuture<LogResult> query(LogQuery q) {
                if (!q.logql().startsWith("sum by (namespace, pod, level, detected_level) (count_over_time({namespace=~")
                        || !q.logql().endsWith("} [60s]))")) {
                    return CompletableFuture.failedFuture(new IllegalStateException("unexpected LogQL " + q.logql()));
                }
                List<Long> times = new ArrayList<>();
                for (long t = q.range().from().toEpochMilli(); t <= q.range().to().toEpochMilli(); t += 14_000) {
                    times.add(t);
                }
                long[] t = times.stream().mapToLong(Long::longValue).toArray();
                double[] errors = new double[t.length];
                double[] info = new double[t.length];
                long burstFrom = PATCH.plus(Duration.ofMinutes(3)).toEpochMilli();
                long burstTo = PATCH.plus(Duration.ofMinutes(5)).toEpochMilli();
                for (int i = 0; i < t.length; i++) {
                    errors[i] = t[i] > burstFrom && t[i] <= burstTo ? 30 : 1;
                    info[i] = 400;
                }
                RangeResult m = new RangeResult(q.logql(), q.range(), Duration.ofSeconds(14), List.of(
                        new MetricSeries(Map.of("namespace", "sock-shop", "pod", NEW_POD.name(), "level", "error"), t, errors),
                        new MetricSeries(Map.of("namespace", "sock-shop", "pod", NEW_POD.name(), "level", "info"), t, info)),
                        List.of());
                return CompletableFuture.completedFuture(new LogResult(q, List.of(), Optional.of(m), false, List.of()));
            }
        };
    }

    /** A trace backend: carts answered 30 requests in 40-69 ms, one in 2.5 s, and one failed. */
    static TracesSource jaeger() {
        return new TracesSource() {
            @Override
            public String describe() {
                return "Jaeger";
            }

            @Override
            public CompletableFuture<List<String>> services(TimeRange range) {
                return CompletableFuture.completedFuture(List.of("carts", "orders"));
            }

            @Override
            public CompletableFuture<List<String>> operations(String service, TimeRange range) {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<List<TraceSummary>> search(TraceQuery q) {
                List<TraceSummary> out = new ArrayList<>();
                if (!q.service().equals("carts")) {
                    return CompletableFuture.completedFuture(out);
                }
                if (q.tags().isEmpty()) {
                    for (int i = 0; i < 30; i++) {
                        out.add(summary(String.format("%032x", i + 1), START.plus(Duration.ofMinutes(i)), 40 + i, 0));
                    }
                    out.add(summary("00000000000000000000000000000abc", PATCH.plus(Duration.ofMinutes(4)), 2500, 0));
                } else {
                    out.add(summary("00000000000000000000000000000def", PATCH.plus(Duration.ofSeconds(210)), 800, 2));
                }
                return CompletableFuture.completedFuture(out);
            }

            @Override
            public CompletableFuture<Trace> trace(String traceId) {
                return CompletableFuture.failedFuture(new TraceQueryException("not_found", "not asked here"));
            }

            @Override
            public CompletableFuture<List<DependencyLink>> dependencies(TimeRange range) {
                return CompletableFuture.completedFuture(List.of());
            }
        };
    }

    static TraceSummary summary(String id, Instant start, long millis, int errors) {
        return new TraceSummary(id, "carts", "GET /carts/{id}", start.getEpochSecond() * 1_000_000_000L + start.getNano(),
                millis * 1_000_000L, 6, errors, List.of("carts", "carts-db"));
    }
}
