package io.pitwall.connectors.logs;

import io.pitwall.connectors.http.HttpTransport;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.prometheus.PromJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Loki's HTTP API, read-only, over one {@link HttpTransport} (a URL, or a Service through the API
 * server's proxy; the tenant's {@code X-Scope-OrgID} is one of the transport's headers). Every
 * future fails with a {@link LogQueryException} whose message is fit for the user.
 */
public final class LokiClient {

    private final HttpTransport transport;
    private final LokiJson.Interner interner = new LokiJson.Interner();

    public LokiClient(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    public String endpoint() {
        return transport.endpoint();
    }

    public HttpTransport transport() {
        return transport;
    }

    /** What query_range answered: its data and the warnings Loki sent along. */
    public record Answer(LokiJson.Data data, List<String> warnings) {
    }

    /** {@code /loki/api/v1/query_range}: log lines (streams) or, for a metric query, a matrix. */
    public CompletableFuture<Answer> queryRange(String logql, TimeRange range, int limit, boolean backward) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", logql);
        params.put("start", LokiJson.nanos(range.from()));
        params.put("end", LokiJson.nanos(range.to()));
        params.put("limit", Integer.toString(limit));
        params.put("direction", backward ? "backward" : "forward");
        return call("loki/api/v1/query_range", params, "the query", p -> LokiJson.data(p, interner))
                .thenApply(e -> new Answer(e.data() == null ? new LokiJson.Data("streams", List.of(), List.of()) : e.data(),
                        withSkipped(e.warnings(), e.data())));
    }

    /** The server's warnings, and one of Pitwall's when values of the answer were neither lines nor samples. */
    private static List<String> withSkipped(List<String> warnings, LokiJson.Data data) {
        if (data == null || data.skipped() == 0) {
            return warnings;
        }
        List<String> out = new java.util.ArrayList<>(warnings);
        out.add(data.skipped() == 1
                ? "1 value of the answer was neither a log line nor a sample (a time that is not nanoseconds?) and was left out"
                : data.skipped() + " values of the answer were neither log lines nor samples (a time that is not nanoseconds?)"
                        + " and were left out");
        return out;
    }

    /** {@code /loki/api/v1/labels}: the label names of the streams in {@code range}. */
    public CompletableFuture<List<String>> labels(TimeRange range) {
        return call("loki/api/v1/labels", window(range), "labels", PromJson::strings).thenApply(e -> nonNull(e.data()));
    }

    /** {@code /loki/api/v1/label/NAME/values}. */
    public CompletableFuture<List<String>> labelValues(String label, TimeRange range) {
        if (!label.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return CompletableFuture.failedFuture(new LogQueryException("bad_query", "not a label name: " + label));
        }
        return call("loki/api/v1/label/" + label + "/values", window(range), "label values", PromJson::strings)
                .thenApply(e -> nonNull(e.data()));
    }

    /** {@code /loki/api/v1/series}: the label sets of the streams matching {@code selector}. */
    public CompletableFuture<List<Map<String, String>>> series(String selector, TimeRange range) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("match[]", selector);
        params.putAll(window(range));
        return call("loki/api/v1/series", params, "series", LokiJson::series).thenApply(e -> nonNull(e.data()));
    }

    private static Map<String, String> window(TimeRange range) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("start", LokiJson.nanos(range.from()));
        params.put("end", LokiJson.nanos(range.to()));
        return params;
    }

    private <T> CompletableFuture<PromJson.Envelope<T>> call(String path, Map<String, String> params, String what,
                                                           PromJson.DataReader<T> data) {
        return transport.get(path, params, reply -> LokiReplies.read(reply, what, data))
                .exceptionallyCompose(t -> CompletableFuture.failedFuture(LokiReplies.asLogQueryException(t)));
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
