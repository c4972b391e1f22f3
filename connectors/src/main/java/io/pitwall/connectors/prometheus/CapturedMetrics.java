package io.pitwall.connectors.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.pitwall.connectors.metrics.AlertsSource;
import io.pitwall.connectors.metrics.MetricsSource;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.Silence;
import io.pitwall.connectors.model.TimeRange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Metrics and alerts as a bundle (or a file) holds them, served with no network: the captured
 * queries' series (a query that was not captured fails with "not_captured"), Prometheus's alerts
 * with their expressions, Alertmanager's alerts and silences. Read with the live parsers.
 */
public final class CapturedMetrics implements MetricsSource, AlertsSource {

    private final Map<String, List<RangeResult>> byQuery;
    private final List<Alert> alerts;
    private final List<Silence> silences;
    private final String where;

    /**
     * @param where what holds them, for messages ("bundle incident.pitwall")
     */
    public CapturedMetrics(List<RangeResult> results, List<Alert> alerts, List<Silence> silences, String where) {
        Map<String, List<RangeResult>> m = new LinkedHashMap<>();
        results.forEach(r -> m.computeIfAbsent(normalize(r.query()), k -> new ArrayList<>()).add(r));
        this.byQuery = m;
        this.alerts = List.copyOf(alerts);
        this.silences = List.copyOf(silences);
        this.where = where;
    }

    /** Reads a bundle's metrics and alerts entries (any of them may be absent: {@code null}). */
    public static CapturedMetrics read(InputStream queryRange, InputStream rules, InputStream alertmanagerAlerts,
                                       InputStream silences, String where) throws IOException {
        List<RangeResult> results = queryRange == null ? List.of() : readQueryRange(queryRange);
        AlertsRead a = readAlerts(rules, alertmanagerAlerts, silences);
        if (a.failed() > 0 && a.failed() == a.files()) {
            throw new IOException(a.notes().getFirst());
        }
        return new CapturedMetrics(results, a.alerts(), a.silences(), where);
    }

    /**
     * Prometheus's and Alertmanager's alerts and silences of a bundle, and the files that could not
     * be read ({@code files} of them present, {@code failed} not read, each said in {@code notes}).
     */
    public record AlertsRead(List<Alert> alerts, List<Silence> silences, List<String> notes, int files, int failed) {
    }

    /** Reads {@code alerts/rules.json}, {@code alerts/alerts.json} and {@code alerts/silences.json} (each may be null). */
    public static AlertsRead readAlerts(InputStream rules, InputStream alertmanagerAlerts, InputStream silences) {
        List<Alert> prom = new ArrayList<>();
        List<AlertRule> ruleList = new ArrayList<>();
        List<Alert> am = new ArrayList<>();
        List<Silence> sil = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int files = 0;
        int failed = 0;
        if (rules != null) {
            files++;
            try {
                PromJson.Envelope<com.fasterxml.jackson.databind.JsonNode> e = PromJson.envelope(rules, PromJson::tree);
                ruleList.addAll(PromAlerts.rules(e.data()));
                ruleList.forEach(r -> prom.addAll(r.alerts()));
            } catch (IOException e) {
                failed++;
                notes.add(MetricsCapture.RULES + ": " + PromJson.why(e));
            }
        }
        if (alertmanagerAlerts != null) {
            files++;
            try {
                am.addAll(PromAlerts.alertmanagerAlerts(PromJson.MAPPER.readTree(alertmanagerAlerts)));
            } catch (IOException e) {
                failed++;
                notes.add(MetricsCapture.ALERTS + ": " + PromJson.why(e));
            }
        }
        if (silences != null) {
            files++;
            try {
                sil.addAll(PromAlerts.silences(PromJson.MAPPER.readTree(silences)));
            } catch (IOException e) {
                failed++;
                notes.add(MetricsCapture.SILENCES + ": " + PromJson.why(e));
            }
        }
        return new AlertsRead(AlertsJoin.join(prom, ruleList, am), sil, notes, files, failed);
    }

    /** {@code [{query, start, end, step, response}]}, streamed. */
    public static List<RangeResult> readQueryRange(InputStream in) throws IOException {
        return readQueryRange(in, new ArrayList<>());
    }

    /**
     * {@code [{query, start, end, step, response}]}, streamed. An item whose values do not make
     * sense (a time that is not one, a sample that is not a number, a step out of range) is
     * skipped and said in {@code notes}; JSON that is not well formed fails the whole file.
     */
    public static List<RangeResult> readQueryRange(InputStream in, List<String> notes) throws IOException {
        List<RangeResult> out = new ArrayList<>();
        int item = 0;
        int skipped = 0;
        try (JsonParser p = PromJson.FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "metrics/query_range.json is not a JSON array");
            }
            var array = p.getParsingContext();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                item++;
                try {
                    RangeResult r = item(p);
                    if (r != null) {
                        out.add(r);
                    }
                } catch (PromJson.BadValue | com.fasterxml.jackson.core.exc.InputCoercionException | NumberFormatException
                         | java.time.DateTimeException | ArithmeticException e) {
                    if (++skipped <= 5) {
                        notes.add(MetricsCapture.QUERY_RANGE + " item " + item + " skipped: " + PromJson.why(e));
                    }
                    PromJson.skipTo(p, array);
                }
            }
        }
        if (skipped > 5) {
            notes.add(MetricsCapture.QUERY_RANGE + ": " + (skipped - 5) + " more items skipped");
        }
        return out;
    }

    /** One captured query; the parser is on its START_OBJECT and ends on its END_OBJECT. */
    private static RangeResult item(JsonParser p) throws IOException {
        String query = "";
        Instant start = null;
        Instant end = null;
        Duration step = Duration.ZERO;
        PromJson.Envelope<List<MetricSeries>> response = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "query" -> query = t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
                case "start" -> start = instant(p);
                case "end" -> end = instant(p);
                case "step" -> step = Duration.ofMillis(PromJson.millis(p));
                case "response" -> response = PromJson.envelope(p, PromJson::result);
                default -> p.skipChildren();
            }
        }
        if (response == null || response.isError() || response.data() == null) {
            return null;
        }
        List<MetricSeries> series = response.data();
        TimeRange range = start != null && end != null && end.isAfter(start) ? new TimeRange(start, end) : extent(series);
        return new RangeResult(query, range, step.isZero() || step.isNegative() ? guessStep(series) : step, series,
                response.warnings());
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return "";
    }

    private static Instant instant(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            String s = p.getText();
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                return Instant.ofEpochMilli(PromJson.millis(p));
            }
        }
        return Instant.ofEpochMilli(PromJson.millis(p));
    }

    /** The window the series cover (one second wide at least). */
    public static TimeRange extent(List<MetricSeries> series) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (MetricSeries s : series) {
            if (s.size() > 0) {
                min = Math.min(min, s.timesMillis()[0]);
                max = Math.max(max, s.timesMillis()[s.size() - 1]);
            }
        }
        if (min == Long.MAX_VALUE) {
            Instant now = Instant.EPOCH;
            return new TimeRange(now, now.plusSeconds(1));
        }
        return new TimeRange(Instant.ofEpochMilli(min), Instant.ofEpochMilli(Math.max(max, min + 1000)));
    }

    /** The most common spacing of the first series' samples, or a minute. */
    public static Duration guessStep(List<MetricSeries> series) {
        for (MetricSeries s : series) {
            if (s.size() > 1) {
                long[] d = new long[s.size() - 1];
                for (int i = 1; i < s.size(); i++) {
                    d[i - 1] = s.timesMillis()[i] - s.timesMillis()[i - 1];
                }
                Arrays.sort(d);
                return Duration.ofMillis(Math.max(1, d[d.length / 2]));
            }
        }
        return Duration.ofMinutes(1);
    }

    static String normalize(String q) {
        return q == null ? "" : q.strip().replaceAll("\\s+", " ");
    }

    @Override
    public CompletableFuture<RangeResult> queryRange(String promql, TimeRange range, Duration step) {
        List<RangeResult> found = byQuery.get(normalize(promql));
        if (found == null) {
            found = byQuery.get(normalize(ResourcePanels.withoutPodPrefilter(promql)));
        }
        if (found == null) {
            return CompletableFuture.failedFuture(new QueryException("not_captured", "this query was not captured in "
                    + where + " (it holds " + byQuery.size() + " queries): " + promql, OptionalInt.empty()));
        }
        RangeResult best = found.stream().max(java.util.Comparator.comparingLong(r -> overlap(r.range(), range))).orElseThrow();
        List<MetricSeries> within = new ArrayList<>();
        long from = range.from().toEpochMilli();
        long to = range.to().toEpochMilli();
        for (MetricSeries s : best.series()) {
            int a = 0;
            while (a < s.size() && s.timesMillis()[a] < from) {
                a++;
            }
            int b = a;
            while (b < s.size() && s.timesMillis()[b] <= to) {
                b++;
            }
            within.add(a == 0 && b == s.size() ? s : new MetricSeries(s.labels(),
                    Arrays.copyOfRange(s.timesMillis(), a, b), Arrays.copyOfRange(s.values(), a, b)));
        }
        return CompletableFuture.completedFuture(new RangeResult(promql, range, best.step(), within, best.warnings()));
    }

    private static long overlap(TimeRange a, TimeRange b) {
        long from = Math.max(a.from().toEpochMilli(), b.from().toEpochMilli());
        long to = Math.min(a.to().toEpochMilli(), b.to().toEpochMilli());
        return to - from;
    }

    @Override
    public CompletableFuture<List<String>> metricNames() {
        return labelValues("__name__");
    }

    @Override
    public CompletableFuture<List<String>> labelNames() {
        TreeSet<String> names = new TreeSet<>();
        byQuery.values().forEach(l -> l.forEach(r -> r.series().forEach(s -> names.addAll(s.labels().keySet()))));
        return CompletableFuture.completedFuture(List.copyOf(names));
    }

    @Override
    public CompletableFuture<List<String>> labelValues(String label) {
        TreeSet<String> values = new TreeSet<>();
        byQuery.values().forEach(l -> l.forEach(r -> r.series().forEach(s -> {
            String v = s.labels().get(label);
            if (v != null) {
                values.add(v);
            }
        })));
        return CompletableFuture.completedFuture(List.copyOf(values));
    }

    /** The finest step captured: the scrape interval can be no coarser for these series. */
    @Override
    public Optional<Duration> scrapeInterval() {
        return byQuery.values().stream().flatMap(List::stream).map(RangeResult::step).filter(d -> !d.isZero())
                .min(Duration::compareTo);
    }

    @Override
    public CompletableFuture<List<RangeResult>> captured() {
        return CompletableFuture.completedFuture(byQuery.values().stream().flatMap(List::stream).toList());
    }

    public boolean hasMetrics() {
        return !byQuery.isEmpty();
    }

    @Override
    public CompletableFuture<List<Alert>> alerts() {
        return CompletableFuture.completedFuture(alerts);
    }

    @Override
    public CompletableFuture<List<Silence>> silences() {
        return CompletableFuture.completedFuture(silences);
    }
}
