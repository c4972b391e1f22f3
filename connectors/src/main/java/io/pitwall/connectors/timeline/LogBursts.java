package io.pitwall.connectors.timeline;

import io.pitwall.connectors.logs.LokiSelectors;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Bursts of error logs: the window cut into buckets, each pod's (or stream's) error lines counted
 * per bucket, and a bucket is a burst when its count is at least {@value #MIN_LINES} and
 * {@value #FACTOR} times the median bucket's; adjacent bursts are one span.
 */
final class LogBursts {

    static final int MIN_LINES = 5;
    static final int FACTOR = 3;
    /** The buckets a window is cut into (at least 10 s each). */
    static final int BUCKETS = 60;
    /** The level words (a {@code level} or Loki's {@code detected_level} label's value) that are errors. */
    static final Set<String> ERROR_LEVELS = Set.of("error", "err", "fatal", "critical", "crit", "panic", "emerg", "alert");
    /** A line filter for servers without level labels: an error word near the start of the line. */
    static final String ERROR_LINE_FILTER = "(?i)\\b(error|err|fatal|panic|critical)\\b";

    private static final Pattern LEVEL_FIELD = Pattern.compile(
            "(?i)\"?(?:level|lvl|severity|log\\.level|levelname)\"?\\s*[:=]\\s*\"?([a-z]+)");
    private static final Pattern KLOG = Pattern.compile("^\\s*[EF]\\d{4} \\d{2}:");
    private static final Pattern WORD = Pattern.compile("(?i)(?:^|[\\s\\[(|])(error|err|fatal|panic|critical|crit)(?:$|[\\s\\]):|])");

    private LogBursts() {
    }

    /** The bucket for {@code window}: a {@value #BUCKETS}th of it in whole seconds, at least 10 s. */
    static Duration bucket(TimeRange window) {
        return Duration.ofSeconds(Math.max(10, (window.length().toSeconds() + BUCKETS - 1) / BUCKETS));
    }

    /** The LogQL metric query of the window's lines by namespace, pod and level, in buckets of {@code bucket}. */
    static String byLevelQuery(String selector, LokiSelectors.LabelSet labels, Duration bucket) {
        return "sum by (" + labels.namespace() + ", " + labels.pod() + ", level, detected_level) (count_over_time("
                + selector + " [" + bucket.toSeconds() + "s]))";
    }

    /** The LogQL metric query of the lines with an error word, for a server whose streams carry no level. */
    static String errorWordQuery(String selector, LokiSelectors.LabelSet labels, Duration bucket) {
        return "sum by (" + labels.namespace() + ", " + labels.pod() + ") (count_over_time(" + selector + " |~ "
                + LokiSelectors.quote(ERROR_LINE_FILTER) + " [" + bucket.toSeconds() + "s]))";
    }

    /** The stream selector of {@code namespaces} (every namespace when empty). */
    static String selector(List<String> namespaces, LokiSelectors.LabelSet labels) {
        if (namespaces.isEmpty()) {
            return "{" + labels.namespace() + "=~\".+\"}";
        }
        return "{" + labels.namespace() + "=~" + LokiSelectors.quote(namespaces.stream().map(LokiSelectors::escapeRegex)
                .collect(Collectors.joining("|"))) + "}";
    }

    /** Whether any series of {@code result} says its level. */
    static boolean hasLevels(RangeResult result) {
        return result.series().stream().anyMatch(s -> !s.labels().getOrDefault("level", "").isEmpty()
                || !s.labels().getOrDefault("detected_level", "").isEmpty());
    }

    /**
     * The bursts in a count matrix. With {@code byLevel}, only the series whose level is an error
     * count; else every series is a count of error lines. A point counts the bucket before it
     * (Loki picks its own step, so points may overlap: a bucket takes its largest).
     */
    static List<TimelineItem> fromMatrix(RangeResult result, TimeRange window, Duration bucket,
                                         LokiSelectors.LabelSet labels, boolean byLevel) {
        Map<KubeRef, long[]> counts = new LinkedHashMap<>();
        int n = buckets(window, bucket);
        for (MetricSeries s : result.series()) {
            String level = s.labels().getOrDefault("level", s.labels().getOrDefault("detected_level", ""));
            if (level.isEmpty()) {
                level = s.labels().getOrDefault("detected_level", "");
            }
            if (byLevel && !ERROR_LEVELS.contains(level.toLowerCase(Locale.ROOT))) {
                continue;
            }
            long[] c = counts.computeIfAbsent(ref(s.labels(), labels), k -> new long[n]);
            // per series the largest point of a bucket, then summed over the ref's series (levels)
            long[] mine = new long[n];
            for (int i = 0; i < s.size(); i++) {
                double v = s.values()[i];
                int b = index(Instant.ofEpochMilli(s.timesMillis()[i]).minusMillis(1), window, bucket);
                if (b >= 0 && b < n && !Double.isNaN(v)) {
                    mine[b] = Math.max(mine[b], Math.round(v));
                }
            }
            for (int b = 0; b < n; b++) {
                c[b] += mine[b];
            }
        }
        return bursts(counts, window, bucket);
    }

    /** The bursts in lines read back (a source without LogQL metrics): each error line counted in its bucket. */
    static List<TimelineItem> fromEntries(List<LogEntry> entries, TimeRange window, Duration bucket) {
        Map<KubeRef, long[]> counts = new LinkedHashMap<>();
        int n = buckets(window, bucket);
        for (LogEntry e : entries) {
            if (!isError(e.line())) {
                continue;
            }
            int b = index(e.time(), window, bucket);
            if (b >= 0 && b < n) {
                KubeRef ref = ref(e.stream().labels(), LokiSelectors.detect(e.stream().labels().keySet()));
                counts.computeIfAbsent(ref, k -> new long[n])[b]++;
            }
        }
        return bursts(counts, window, bucket);
    }

    /** Whether a line says it is an error: a level field, a klog E or F header, or an error word. */
    static boolean isError(String line) {
        String head = line.length() > 200 ? line.substring(0, 200) : line;
        var m = LEVEL_FIELD.matcher(head);
        if (m.find()) {
            return ERROR_LEVELS.contains(m.group(1).toLowerCase(Locale.ROOT));
        }
        if (KLOG.matcher(head).find()) {
            return true;
        }
        return WORD.matcher(head.length() > 64 ? head.substring(0, 64) : head).find();
    }

    private static List<TimelineItem> bursts(Map<KubeRef, long[]> counts, TimeRange window, Duration bucket) {
        List<TimelineItem> out = new ArrayList<>();
        counts.forEach((ref, c) -> {
            long[] sorted = c.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
            double threshold = Math.max(MIN_LINES, FACTOR * median);
            for (int b = 0; b < c.length; b++) {
                if (c[b] < threshold) {
                    continue;
                }
                int first = b;
                long total = 0;
                long peak = 0;
                while (b < c.length && c[b] >= threshold) {
                    total += c[b];
                    peak = Math.max(peak, c[b]);
                    b++;
                }
                Instant at = window.from().plus(bucket.multipliedBy(first));
                Instant end = window.from().plus(bucket.multipliedBy(b));
                end = end.isAfter(window.to()) ? window.to() : end;
                String where = ref.kind().equals("Namespace") ? "namespace " + ref.name()
                        : ref.kind().equals("Pod") ? ref.name() : "";
                out.add(new TimelineItem(at, end, Lane.ERROR_LOGS, total >= 100 ? Severity.HIGH : Severity.MEDIUM,
                        ref.kind().equals("Stream") ? Optional.empty() : Optional.of(ref),
                        total + " error lines" + (where.isEmpty() ? "" : " in " + where),
                        "up to " + peak + " per " + bucket.toSeconds() + " s, median " + (long) Math.ceil(median), ""));
            }
        });
        return out;
    }

    private static KubeRef ref(Map<String, String> streamLabels, LokiSelectors.LabelSet labels) {
        String ns = streamLabels.getOrDefault(labels.namespace(), "");
        String pod = streamLabels.getOrDefault(labels.pod(), "");
        if (!pod.isEmpty()) {
            return new KubeRef("Pod", ns, pod);
        }
        return ns.isEmpty() ? new KubeRef("Stream", "", "all") : new KubeRef("Namespace", "", ns);
    }

    private static int buckets(TimeRange window, Duration bucket) {
        return (int) Math.max(1, (window.length().toMillis() + bucket.toMillis() - 1) / bucket.toMillis());
    }

    private static int index(Instant t, TimeRange window, Duration bucket) {
        long ms = t.toEpochMilli() - window.from().toEpochMilli();
        return ms < 0 ? -1 : (int) (ms / bucket.toMillis());
    }
}
