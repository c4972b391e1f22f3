package io.pitwall.connectors.timeline;

import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The Alerts, Security and Traces lanes from their sources' answers. */
final class SignalItems {

    /** The query whose series are the alerts' firing spans. */
    static final String ALERTS_QUERY = io.pitwall.connectors.metrics.AlertsSource.FIRING_SERIES;
    /** The most slow traces and the most failed traces drawn. */
    static final int MAX_TRACES = 20;

    private SignalItems() {
    }

    /** The step of the alerts' range query: a 300th of the window, at least 15 s. */
    static Duration alertStep(TimeRange window) {
        long seconds = Math.max(15, (window.length().toSeconds() + 299) / 300);
        return Duration.ofSeconds(seconds);
    }

    /** critical CRITICAL, warning MEDIUM, info INFO, anything else (or none) HIGH. */
    static Severity alertSeverity(String label) {
        return switch (label == null ? "" : label.strip().toLowerCase(Locale.ROOT)) {
            case "critical" -> Severity.CRITICAL;
            case "warning" -> Severity.MEDIUM;
            case "info" -> Severity.INFO;
            default -> Severity.HIGH;
        };
    }

    /**
     * Each series' runs of points, firing to resolved: a gap of more than two steps ends a run.
     * A run that reaches the window's last step is still firing.
     */
    static List<TimelineItem> alertSpans(RangeResult result, TimeRange window) {
        long step = Math.max(1, result.step().toMillis());
        List<TimelineItem> out = new ArrayList<>();
        for (MetricSeries s : result.series()) {
            long[] t = java.util.stream.IntStream.range(0, s.size()).filter(i -> !Double.isNaN(s.values()[i]))
                    .mapToLong(i -> s.timesMillis()[i]).toArray();
            int start = 0;
            for (int i = 1; i <= t.length; i++) {
                if (i == t.length || t[i] - t[i - 1] > 2 * step) {
                    out.add(alertSpan(s.labels(), t[start], t[i - 1], window, step));
                    start = i;
                }
            }
        }
        return out;
    }

    private static TimelineItem alertSpan(Map<String, String> labels, long from, long to, TimeRange window, long step) {
        Instant at = Instant.ofEpochMilli(from);
        Instant end = Instant.ofEpochMilli(to);
        boolean firing = window.to().toEpochMilli() - to <= 2 * step;
        at = at.isBefore(window.from()) ? window.from() : at;
        String name = labels.getOrDefault("alertname", "alert");
        Optional<KubeRef> ref = alertRef(labels);
        return new TimelineItem(at, end, Lane.ALERTS, alertSeverity(labels.get("severity")), ref,
                name + ref.map(r -> " on " + r.name()).orElse(""), firing ? "still firing" : "resolved by " + end, "");
    }

    /** Alertmanager's or Prometheus's alerts now, each firing from its start to the window's end. */
    static List<TimelineItem> alertsNow(List<Alert> alerts, TimeRange window) {
        List<TimelineItem> out = new ArrayList<>();
        for (Alert a : alerts) {
            if (a.state() == Alert.State.PENDING || a.since().isEmpty() || !a.since().get().isBefore(window.to())) {
                continue;
            }
            Instant at = a.since().get().isBefore(window.from()) ? window.from() : a.since().get();
            Optional<KubeRef> ref = a.target();
            out.add(new TimelineItem(at, window.to(), Lane.ALERTS, alertSeverity(a.severity()), ref,
                    a.name() + ref.map(r -> " on " + r.name()).orElse(""), "firing since " + a.since().get()
                    + (a.state() == Alert.State.SUPPRESSED ? " (silenced)" : ""), ""));
        }
        return out;
    }

    private static Optional<KubeRef> alertRef(Map<String, String> labels) {
        return new Alert(labels.getOrDefault("alertname", ""), Alert.State.FIRING, labels.get("severity"), labels, Map.of(),
                Optional.empty(), Optional.empty(), "", "prometheus").target();
    }

    /** The findings that happened in the window (Falco's events); standing findings have no time and are left out. */
    static List<TimelineItem> security(List<SecurityFinding> findings, TimeRange window) {
        List<TimelineItem> out = new ArrayList<>();
        for (SecurityFinding f : findings) {
            if (f.time() != null && window.contains(f.time())) {
                Optional<KubeRef> ref = f.about().or(() -> f.namespace().isEmpty() ? Optional.empty()
                        : Optional.of(new KubeRef("Namespace", "", f.namespace())));
                out.add(new TimelineItem(f.time(), f.time(), Lane.SECURITY, f.severity(), ref, f.title(), f.message(), ""));
            }
        }
        return out;
    }

    /**
     * The failed traces (newest first, at most {@value #MAX_TRACES}) and the slow ones: longer
     * than the 95th percentile of the search's durations, the slowest {@value #MAX_TRACES}.
     * {@code service} names the Service a trace's root service is, when the cluster has it.
     */
    static List<TimelineItem> traces(List<TraceSummary> found, TimeRange window, Function<String, Optional<KubeRef>> service) {
        Map<String, TraceSummary> byId = new LinkedHashMap<>();
        for (TraceSummary s : found) {
            Instant start = Instant.ofEpochSecond(0, s.startNanos());
            if (window.contains(start)) {
                byId.putIfAbsent(s.traceId(), s);
            }
        }
        List<TraceSummary> all = List.copyOf(byId.values());
        List<TimelineItem> out = new ArrayList<>();
        all.stream().filter(s -> s.errorCount() > 0).sorted(Comparator.comparingLong(TraceSummary::startNanos).reversed())
                .limit(MAX_TRACES).forEach(s -> out.add(trace(s, Severity.HIGH, "failed: ",
                        s.errorCount() + (s.errorCount() == 1 ? " error span" : " error spans") + " of " + s.spanCount(), service)));
        long[] durations = all.stream().mapToLong(TraceSummary::durationNanos).sorted().toArray();
        if (durations.length >= 2) {
            long p95 = durations[(int) Math.min(durations.length - 1, Math.ceil(0.95 * durations.length) - 1)];
            all.stream().filter(s -> s.errorCount() == 0 && s.durationNanos() > p95)
                    .sorted(Comparator.comparingLong(TraceSummary::durationNanos).reversed()).limit(MAX_TRACES)
                    .forEach(s -> out.add(trace(s, Severity.LOW, "slow: ", "longer than 95% of the window's "
                            + durations.length + " traces (" + millis(p95) + ")", service)));
        }
        return out;
    }

    private static TimelineItem trace(TraceSummary s, Severity severity, String prefix, String detail,
                                      Function<String, Optional<KubeRef>> service) {
        Instant at = Instant.ofEpochSecond(0, s.startNanos());
        return new TimelineItem(at, at.plusNanos(s.durationNanos()), Lane.TRACES, severity, service.apply(s.rootService()),
                prefix + s.rootService() + " " + s.rootOperation() + " " + millis(s.durationNanos()), detail, s.traceId());
    }

    static String millis(long nanos) {
        double ms = nanos / 1e6;
        return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
