package io.pitwall.connectors.prometheus;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pitwall.connectors.metrics.AlertsSource;
import io.pitwall.connectors.metrics.MetricsSource;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.Silence;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.snapshot.BundleProblem;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The metrics' and alerts' part of an incident bundle, in the servers' own formats so that an
 * offline session reads them with the live parsers (docs/bundle-format.md):
 * <ul>
 *   <li>{@value #QUERY_RANGE}: {@code [{query, start, end, step, response}]}, one item per query,
 *       {@code response} a Prometheus {@code /api/v1/query_range} response; {@code query} is the
 *       query as the panes ask it ({@code $__rate_interval} kept), times are RFC 3339, the step in
 *       seconds;</li>
 *   <li>{@value #RULES}: Prometheus's alerts with their rules' expressions, as a
 *       {@code /api/v1/rules} response (one group, "captured");</li>
 *   <li>{@value #ALERTS}: Alertmanager's alerts, as {@code /api/v2/alerts} answers;</li>
 *   <li>{@value #SILENCES}: Alertmanager's silences, as {@code /api/v2/silences} answers.</li>
 * </ul>
 * A query or a source that fails is listed in the manifest's problems; the rest is written.
 */
public final class MetricsCapture {

    public static final String QUERY_RANGE = "metrics/query_range.json";
    public static final String RULES = "alerts/rules.json";
    public static final String ALERTS = "alerts/alerts.json";
    public static final String SILENCES = "alerts/silences.json";

    /** How long one query may take during a capture. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** How many range queries a capture has in flight at once (Prometheus runs 20 at once by default). */
    static final int IN_FLIGHT = 6;

    private MetricsCapture() {
    }

    /**
     * Runs {@code queries} over {@code window} and writes what they return; then the alerts and
     * silences, when there is an alerts source. Blocking: call it off the FX thread.
     */
    public static void write(BundleWriter writer, MetricsSource metrics, AlertsSource alerts, TimeRange window,
                             List<String> queries, Duration step) throws IOException {
        if (metrics != null && !queries.isEmpty()) {
            List<RangeResult> results = new ArrayList<>();
            List<String> distinct = List.copyOf(new LinkedHashSet<>(queries));
            // a few queries in flight at once, answers taken in order: a thousand queries one after another
            // (a namespace of a thousand troubled pods) took most of a capture's 30 s
            java.util.ArrayDeque<CompletableFuture<RangeResult>> inFlight = new java.util.ArrayDeque<>();
            int asked = 0;
            for (String q : distinct) {
                while (asked < distinct.size() && inFlight.size() < IN_FLIGHT) {
                    inFlight.add(metrics.queryRange(distinct.get(asked++), window, step));
                }
                try {
                    results.add(redact(await(inFlight.poll()), writer));
                } catch (QueryException e) {
                    writer.addProblem(new BundleProblem("metrics", "query " + q + " failed: " + e.getMessage()));
                }
            }
            writer.add(QUERY_RANGE, "application/json", out -> writeQueryRange(out, results));
        }
        if (alerts != null) {
            try {
                List<Alert> all = await(alerts.alerts()).stream().map(a -> redact(a, writer)).toList();
                List<Alert> prom = all.stream().filter(a -> a.source().contains("prometheus")).toList();
                List<Alert> am = all.stream().filter(a -> a.source().contains("alertmanager")).toList();
                writer.add(RULES, "application/json", out -> writeRules(out, prom));
                writer.add(ALERTS, "application/json", out -> writeAlertmanagerAlerts(out, am));
            } catch (QueryException e) {
                writer.addProblem(new BundleProblem("alerts", "the alerts could not be read: " + e.getMessage()));
            }
            try {
                List<Silence> silences = await(alerts.silences()).stream().map(x -> redact(x, writer)).toList();
                writer.add(SILENCES, "application/json", out -> writeSilences(out, silences));
            } catch (QueryException e) {
                writer.addProblem(new BundleProblem("alerts", "the silences could not be read: " + e.getMessage()));
            }
        }
    }

    /**
     * The alert with its labels' and annotations' values redacted by the writer's rules (a
     * description that quotes a URL with its password, a runbook link with a token), whole where
     * the key names a secret.
     */
    static Alert redact(Alert a, BundleWriter writer) {
        Map<String, String> labels = redact(a.labels(), writer);
        Map<String, String> annotations = redact(a.annotations(), writer);
        return labels == a.labels() && annotations == a.annotations() ? a
                : new Alert(a.name(), a.state(), a.severity(), labels, annotations, a.since(), a.value(), a.expression(),
                        a.source());
    }

    /** The silence with its comment, author and matchers' values redacted. */
    static Silence redact(Silence s, BundleWriter writer) {
        List<Silence.Matcher> matchers = s.matchers().stream().map(m -> {
            String v = writer.redact(m.name(), m.value());
            return v == m.value() ? m : new Silence.Matcher(m.name(), v, m.isRegex(), m.isEqual());
        }).toList();
        return new Silence(s.id(), matchers, s.startsAt(), s.endsAt(), writer.redact(s.createdBy()),
                writer.redact(s.comment()), s.state());
    }

    /** The result with its series' label values redacted (a probe's target URL with its password). */
    static RangeResult redact(RangeResult r, BundleWriter writer) {
        List<MetricSeries> series = new ArrayList<>(r.series().size());
        boolean changed = false;
        for (MetricSeries s : r.series()) {
            Map<String, String> labels = redact(s.labels(), writer);
            changed |= labels != s.labels();
            series.add(labels == s.labels() ? s : new MetricSeries(labels, s.timesMillis(), s.values()));
        }
        return changed ? new RangeResult(r.query(), r.range(), r.step(), series, r.warnings()) : r;
    }

    private static Map<String, String> redact(Map<String, String> map, BundleWriter writer) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, String> e : map.entrySet()) {
            String v = writer.redact(e.getKey(), e.getValue());
            changed |= v != e.getValue();
            out.put(e.getKey(), v);
        }
        return changed ? out : map;
    }

    private static <T> T await(CompletableFuture<T> f) throws QueryException {
        try {
            return f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw PromReplies.asQueryException(e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new QueryException("timeout", "no answer within " + TIMEOUT.toSeconds() + " s", java.util.OptionalInt.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryException("canceled", "the capture was interrupted", java.util.OptionalInt.empty());
        }
    }

    /** {@code [{query, start, end, step, response}]}. */
    public static void writeQueryRange(OutputStream out, List<RangeResult> results) throws IOException {
        try (JsonGenerator g = PromJson.FACTORY.createGenerator(out)) {
            g.writeStartArray();
            for (RangeResult r : results) {
                g.writeStartObject();
                g.writeStringField("query", r.query());
                g.writeStringField("start", r.range().from().toString());
                g.writeStringField("end", r.range().to().toString());
                g.writeNumberField("step", r.step().toMillis() / 1000.0);
                g.writeFieldName("response");
                writeResponse(g, r);
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.writeEndArray();
        }
    }

    /** A Prometheus query_range response of {@code r}'s series (values as Prometheus writes them). */
    static void writeResponse(JsonGenerator g, RangeResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("status", "success");
        g.writeObjectFieldStart("data");
        g.writeStringField("resultType", "matrix");
        g.writeArrayFieldStart("result");
        for (MetricSeries s : r.series()) {
            g.writeStartObject();
            g.writeObjectFieldStart("metric");
            for (Map.Entry<String, String> l : new java.util.TreeMap<>(s.labels()).entrySet()) {
                g.writeStringField(l.getKey(), l.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("values");
            long[] t = s.timesMillis();
            double[] v = s.values();
            for (int i = 0; i < t.length; i++) {
                g.writeStartArray();
                g.writeNumber(java.math.BigDecimal.valueOf(t[i]).movePointLeft(3));
                g.writeString(PromJson.formatValue(v[i]));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        if (!r.warnings().isEmpty()) {
            g.writeArrayFieldStart("warnings");
            for (String w : r.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Prometheus's alerts as a {@code /api/v1/rules} response: one rule per alert name and expression. */
    static void writeRules(OutputStream out, List<Alert> alerts) throws IOException {
        Map<String, List<Alert>> byRule = new java.util.LinkedHashMap<>();
        alerts.forEach(a -> byRule.computeIfAbsent(a.name() + "\u0000" + a.expression(), k -> new ArrayList<>()).add(a));
        try (JsonGenerator g = PromJson.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("status", "success");
            g.writeObjectFieldStart("data");
            g.writeArrayFieldStart("groups");
            g.writeStartObject();
            g.writeStringField("name", "captured");
            g.writeArrayFieldStart("rules");
            for (List<Alert> rule : byRule.values()) {
                g.writeStartObject();
                g.writeStringField("type", "alerting");
                g.writeStringField("name", rule.getFirst().name());
                g.writeStringField("query", rule.getFirst().expression());
                g.writeStringField("health", "ok");
                g.writeArrayFieldStart("alerts");
                for (Alert a : rule) {
                    g.writeStartObject();
                    strings(g, "labels", a.labels());
                    strings(g, "annotations", a.annotations());
                    g.writeStringField("state", a.state() == Alert.State.PENDING ? "pending" : "firing");
                    if (a.since().isPresent()) {
                        g.writeStringField("activeAt", a.since().get().toString());
                    }
                    if (a.value().isPresent()) {
                        g.writeStringField("value", a.value().get());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** Alertmanager's {@code /api/v2/alerts} shape. */
    static void writeAlertmanagerAlerts(OutputStream out, List<Alert> alerts) throws IOException {
        try (JsonGenerator g = PromJson.FACTORY.createGenerator(out)) {
            g.writeStartArray();
            for (Alert a : alerts) {
                g.writeStartObject();
                strings(g, "labels", a.labels());
                strings(g, "annotations", a.annotations());
                if (a.since().isPresent()) {
                    g.writeStringField("startsAt", a.since().get().toString());
                }
                g.writeObjectFieldStart("status");
                g.writeStringField("state", a.state() == Alert.State.SUPPRESSED ? "suppressed" : "active");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    static void writeSilences(OutputStream out, List<Silence> silences) throws IOException {
        try (JsonGenerator g = PromJson.FACTORY.createGenerator(out)) {
            g.writeStartArray();
            for (Silence s : silences) {
                g.writeStartObject();
                g.writeStringField("id", s.id());
                g.writeArrayFieldStart("matchers");
                for (Silence.Matcher m : s.matchers()) {
                    g.writeStartObject();
                    g.writeStringField("name", m.name());
                    g.writeStringField("value", m.value());
                    g.writeBooleanField("isRegex", m.isRegex());
                    g.writeBooleanField("isEqual", m.isEqual());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("startsAt", s.startsAt().toString());
                g.writeStringField("endsAt", s.endsAt().toString());
                g.writeStringField("createdBy", s.createdBy());
                g.writeStringField("comment", s.comment());
                g.writeObjectFieldStart("status");
                g.writeStringField("state", s.state());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static void strings(JsonGenerator g, String field, Map<String, String> m) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(m).entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
