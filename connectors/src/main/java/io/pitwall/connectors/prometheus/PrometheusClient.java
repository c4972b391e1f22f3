package io.pitwall.connectors.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.pitwall.connectors.http.HttpTransport;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus HTTP API (also served by Thanos, Mimir and VictoriaMetrics), read-only, over
 * one {@link HttpTransport}. Every future fails with a {@link QueryException} whose message is
 * fit for the user: Prometheus's own error, or why the endpoint could not be reached.
 */
public final class PrometheusClient {

    private static final Pattern SCRAPE_INTERVAL = Pattern.compile("^\\s+scrape_interval:\\s*['\"]?([0-9a-z]+)");

    private final HttpTransport transport;

    public PrometheusClient(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    public String endpoint() {
        return transport.endpoint();
    }

    public HttpTransport transport() {
        return transport;
    }

    /** {@code /api/v1/query_range}. */
    public CompletableFuture<RangeResult> queryRange(String promql, TimeRange range, Duration step) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", promql);
        params.put("start", seconds(range.from()));
        params.put("end", seconds(range.to()));
        params.put("step", seconds(step));
        return call("api/v1/query_range", params, "query_range", promql, PromJson::result)
                .thenApply(e -> new RangeResult(promql, range, step, nonNull(e.data()), e.warnings()));
    }

    /** {@code /api/v1/query}: each series with its one sample at {@code at}. */
    public CompletableFuture<List<MetricSeries>> query(String promql, Instant at) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", promql);
        params.put("time", seconds(at));
        return call("api/v1/query", params, "query", promql, PromJson::result).thenApply(e -> nonNull(e.data()));
    }

    /** {@code /api/v1/labels}. */
    public CompletableFuture<List<String>> labelNames() {
        return call("api/v1/labels", Map.of(), "labels", null, PromJson::strings).thenApply(e -> nonNull(e.data()));
    }

    /** {@code /api/v1/label/NAME/values}. */
    public CompletableFuture<List<String>> labelValues(String label) {
        return call("api/v1/label/" + label + "/values", Map.of(), "label values", null, PromJson::strings)
                .thenApply(e -> nonNull(e.data()));
    }

    /** The values of {@code __name__}: every metric name. */
    public CompletableFuture<List<String>> metricNames() {
        return labelValues("__name__");
    }

    /** {@code /api/v1/alerts}: the firing and pending alerts. */
    public CompletableFuture<List<Alert>> alerts() {
        return call("api/v1/alerts", Map.of(), "alerts", null, PromJson::tree)
                .thenApply(e -> PromAlerts.alerts(e.data() == null ? null : e.data().path("alerts"), "prometheus", ""));
    }

    /** {@code /api/v1/rules?type=alert}: the alerting rules, with their expressions and alerts. */
    public CompletableFuture<List<AlertRule>> rules() {
        return call("api/v1/rules", Map.of("type", "alert"), "rules", null, PromJson::tree)
                .thenApply(e -> PromAlerts.rules(e.data()));
    }

    /** {@code /api/v1/status/buildinfo}: what "test connection" shows. */
    public CompletableFuture<BuildInfo> buildInfo() {
        return call("api/v1/status/buildinfo", Map.of(), "buildinfo", null, PromJson::tree).thenApply(e -> {
            JsonNode d = e.data() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : e.data();
            return new BuildInfo(d.path("version").asText(""), d.path("revision").asText(""),
                    d.path("branch").asText(""), d.path("buildDate").asText(""), d.path("goVersion").asText(""));
        });
    }

    /**
     * The global scrape interval from {@code /api/v1/status/config}, when the server serves its
     * configuration (Prometheus does; Thanos and Mimir do not).
     */
    public CompletableFuture<Optional<Duration>> scrapeInterval() {
        return call("api/v1/status/config", Map.of(), "config", null, PromJson::tree)
                .thenApply(e -> e.data() == null ? Optional.<Duration>empty()
                        : scrapeIntervalOf(e.data().path("yaml").asText("")));
    }

    /** The {@code global.scrape_interval} of a Prometheus configuration (YAML as Prometheus prints it). */
    static Optional<Duration> scrapeIntervalOf(String yaml) {
        boolean inGlobal = false;
        for (String line : yaml.split("\n")) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                inGlobal = line.startsWith("global:");
            } else if (inGlobal) {
                Matcher m = SCRAPE_INTERVAL.matcher(line);
                if (m.find()) {
                    return PromDurations.parse(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private <T> CompletableFuture<PromJson.Envelope<T>> call(String path, Map<String, String> params, String what,
                                                           String query, PromJson.DataReader<T> data) {
        return transport.get(path, params, reply -> PromReplies.read(reply, what, query, data))
                .exceptionallyCompose(t -> CompletableFuture.failedFuture(PromReplies.asQueryException(t)));
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Epoch seconds with milliseconds, as Prometheus reads them ("1435781430.781"). */
    static String seconds(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /** A duration in seconds ("15", "0.5"). */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /** An unreachable-endpoint failure for callers that build one. */
    static QueryException unreachable(String message) {
        return new QueryException("unreachable", message, OptionalInt.empty());
    }

    /** Collects what several futures returned. */
    static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> futures) {
        return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
            List<T> out = new ArrayList<>();
            futures.forEach(f -> out.add(f.join()));
            return out;
        });
    }
}
