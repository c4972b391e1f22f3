package io.pitwall.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pitwall.connectors.kube.ClusterCapture;
import io.pitwall.connectors.kube.ClusterFiles;
import io.pitwall.connectors.logs.CapturedLogs;
import io.pitwall.connectors.logs.LogsCapture;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.WatchEvent;
import io.pitwall.connectors.prometheus.CapturedMetrics;
import io.pitwall.connectors.prometheus.MetricsCapture;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleReader;
import io.pitwall.connectors.snapshot.BundleWriter;
import io.pitwall.connectors.traces.TraceGenerator;
import io.pitwall.connectors.traces.TracesCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long {@code pitwall FILE} takes to open a large incident bundle: 1,200 pods with their
 * workloads, services and nodes, 500,000 log lines, 20 MB of metrics and a 20,000-span trace
 * (about 200 MB inside, what the budget names), written once with the capture code and
 * opened with {@link OfflineSession#open} (verification of every entry, then every signal read).
 * Prints the median of a few opens against the budget of 3 s, and where the time goes: the
 * verification, then each signal's reading on its own.
 */
final class BundleOpenBenchmark {

    static final double BUDGET_MS = 3000;
    static final int PODS = 1200;
    static final int LINES = 500_000;
    private static final Instant END = Instant.parse("2026-11-24T03:00:00Z");
    private static final TimeRange WINDOW = TimeRange.ending(END, Duration.ofHours(1));

    record Figures(long bundleBytes, long contentBytes, double openMillis, Map<String, Double> phases) {
    }

    private BundleOpenBenchmark() {
    }

    static Figures run() throws IOException {
        Path dir = Files.createTempDirectory("bundle-open");
        try {
            Path file = write(dir.resolve("large.pitwall"));
            long content;
            try (Bundle b = BundleReader.open(file)) {
                content = b.entries().stream().mapToLong(e -> e.size()).sum();
            }
            for (int i = 0; i < 2; i++) {
                OfflineSession.open(file).close(); // warm up
            }
            double[] opens = new double[5];
            for (int i = 0; i < opens.length; i++) {
                long t = System.nanoTime();
                OfflineSession.open(file).close();
                opens[i] = (System.nanoTime() - t) / 1e6;
            }
            return new Figures(Files.size(file), content, FxBench.quantile(opens, 0.5), phases(file));
        } finally {
            try (var all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The bundle, as a capture writes it. */
    static Path write(Path file) throws IOException {
        List<HasMetadata> objects = GeneratedCluster.objects(PODS, 120, 120, 20);
        List<WatchEvent> journal = new ArrayList<>();
        List<LogEntry> lines = new GeneratedLogs(42, WINDOW.from().getEpochSecond() * 1_000_000_000L)
                .next(LINES, WINDOW.length().toNanos() / LINES);
        BundleManifest header = BundleManifest.header("bench", END, "bench", "bench", WINDOW, List.of());
        try (BundleWriter w = BundleWriter.create(file, header)) {
            ClusterCapture.write(w, objects, journal, WINDOW);
            w.add(LogsCapture.ENTRIES, "application/x-ndjson", out -> LogsCapture.writeEntries(out, lines));
            byte[] response = GeneratedQueryRange.ofSize(20_000_000, 240);
            w.add(MetricsCapture.QUERY_RANGE, "application/json", out -> {
                out.write(("[{\"query\":\"container_cpu_usage_seconds_total\",\"start\":\"" + WINDOW.from() + "\",\"end\":\""
                        + WINDOW.to() + "\",\"step\":15,\"response\":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.write(response);
                out.write("}]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            });
            ByteArrayOutputStream trace = new ByteArrayOutputStream();
            TraceGenerator.write(trace, 20_000, 11);
            w.add(TracesCapture.FOLDER + "large.json", "application/json", trace.toByteArray());
        }
        return file;
    }

    /** Each part of an open on its own, in milliseconds (one warm run each). */
    private static Map<String, Double> phases(Path file) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        long t = System.nanoTime();
        try (Bundle b = BundleReader.open(file)) {
            out.put("verify every entry (inflate, count, SHA-256)", ms(t));
            t = System.nanoTime();
            for (String path : List.of(ClusterCapture.OBJECTS, ClusterCapture.EVENTS)) {
                try (InputStream in = b.open(path)) {
                    ClusterFiles.read(in, path);
                }
            }
            out.put("cluster objects (JSON into fabric8's model)", ms(t));
            t = System.nanoTime();
            LogsCapture.Read logs = LogsCapture.readEntries(() -> b.open(LogsCapture.ENTRIES));
            out.put("log lines (NDJSON into entries)", ms(t));
            t = System.nanoTime();
            new CapturedLogs(logs.entries(), "bench");
            out.put("log lines sorted and indexed (CapturedLogs)", ms(t));
            t = System.nanoTime();
            try (InputStream in = b.open(MetricsCapture.QUERY_RANGE)) {
                CapturedMetrics.readQueryRange(in);
            }
            out.put("metrics", ms(t));
            t = System.nanoTime();
            TracesCapture.read(b);
            out.put("traces", ms(t));
        }
        return out;
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    static void print(Figures f) {
        System.out.println();
        BenchMain.printBudget(String.format(Locale.ROOT, "open a %.0f MB bundle (%.0f MB file), median", f.contentBytes() / 1e6,
                f.bundleBytes() / 1e6), f.openMillis(), "ms", BUDGET_MS);
        System.out.printf(Locale.ROOT, "  %,d pods, %,d log lines, 20 MB of metrics, a 20,000-span trace; where the time goes:%n",
                PODS, LINES);
        f.phases().forEach((what, ms) -> System.out.printf(Locale.ROOT, "    %-48s %8.0f ms%n", what, ms));
        System.out.printf(Locale.ROOT, "  %d cores, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    public static void main(String[] args) throws IOException {
        print(run());
        System.exit(0);
    }
}
