package io.pitwall.connectors.session;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pitwall.connectors.Errors;
import io.pitwall.connectors.kube.ClusterCapture;
import io.pitwall.connectors.kube.ClusterFiles;
import io.pitwall.connectors.kube.ClusterObjects;
import io.pitwall.connectors.kube.ClusterStates;
import io.pitwall.connectors.logs.CapturedLogs;
import io.pitwall.connectors.logs.LogsCapture;
import io.pitwall.connectors.logs.LokiJson;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.WatchEvent;
import io.pitwall.connectors.prometheus.CapturedMetrics;
import io.pitwall.connectors.prometheus.MetricsCapture;
import io.pitwall.connectors.security.CapturedSecurity;
import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleEntry;
import io.pitwall.connectors.snapshot.BundleException;
import io.pitwall.connectors.traces.CapturedTraces;
import io.pitwall.connectors.traces.TracesCapture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every signal of a verified bundle, each on its own: what cannot be read of a file (a line,
 * an item, a trace file among others) is skipped and said in {@link #skipped}, and a signal none of
 * whose files can be read fails with the reason ({@link #failing}, the exception in
 * {@link #failures}). One signal's damage never costs another.
 */
final class BundleSignals {

    /** The most of {@code notes.md} shown: the Details pane is no place for a novel. */
    static final int MAX_NOTES_BYTES = 1 << 20;

    final Map<Signal, List<String>> skipped = new EnumMap<>(Signal.class);
    final Map<Signal, String> failing = new EnumMap<>(Signal.class);
    final Map<Signal, Throwable> failures = new EnumMap<>(Signal.class);
    Optional<String> notes = Optional.empty();
    ClusterObjects objects = new ClusterObjects(List.of());
    List<WatchEvent> changes = List.of();
    ClusterState cluster;
    CapturedMetrics metrics;
    CapturedLogs logs;
    CapturedTraces traces;
    CapturedSecurity security;

    private final Bundle bundle;
    private final String name;

    private BundleSignals(Bundle bundle) {
        this.bundle = bundle;
        this.name = bundle.file().getFileName().toString();
    }

    static BundleSignals read(Bundle bundle) throws BundleException {
        BundleSignals s = new BundleSignals(bundle);
        s.readNotes();
        if (OfflineSession.holds(bundle.manifest(), Signal.CLUSTER)) {
            s.readCluster();
        }
        s.readMetrics();
        s.readLogs();
        s.readTraces();
        s.readSecurity();
        return s;
    }

    private void readNotes() throws BundleException {
        Optional<BundleEntry> e = bundle.entry(OfflineSession.NOTES);
        if (e.isEmpty()) {
            return;
        }
        if (e.get().size() <= MAX_NOTES_BYTES) {
            notes = Optional.of(new String(bundle.read(OfflineSession.NOTES), StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = bundle.open(OfflineSession.NOTES)) {
            notes = Optional.of(new String(in.readNBytes(MAX_NOTES_BYTES), StandardCharsets.UTF_8)
                    + "\n\n(The notes go on: they are " + (e.get().size() >> 20) + " MB, the first MB is shown.)");
        } catch (BundleException x) {
            throw x;
        } catch (IOException x) {
            notes = Optional.of("(The notes cannot be read: " + Errors.firstLine(x) + ")");
        }
    }

    private void readCluster() {
        List<HasMetadata> read = new ArrayList<>();
        int files = 0;
        IOException first = null;
        for (BundleEntry e : bundle.entries()) {
            if (e.path().startsWith(Signal.CLUSTER.bundleFolder() + "/") && e.path().endsWith(".json")) {
                files++;
                try (InputStream in = bundle.open(e.path())) {
                    ClusterFiles.Read r = ClusterFiles.read(in, e.path());
                    read.addAll(r.objects());
                    r.notes().forEach(n -> skip(Signal.CLUSTER, n));
                } catch (IOException x) {
                    first = first == null ? x : first;
                    skip(Signal.CLUSTER, Errors.firstLine(x));
                }
            }
        }
        if (bundle.has(ClusterCapture.WATCH)) {
            try (InputStream in = bundle.open(ClusterCapture.WATCH)) {
                ClusterCapture.Watch w = ClusterCapture.readWatchLines(in);
                changes = w.events();
                if (w.skipped() > 0) {
                    skip(Signal.CLUSTER, ClusterCapture.WATCH + ": " + w.skipped() + (w.skipped() == 1 ? " line" : " lines")
                            + " not read");
                }
                if (w.more()) {
                    skip(Signal.CLUSTER, readThatFar(ClusterCapture.WATCH, ClusterCapture.MAX_READ, "changes"));
                }
            } catch (IOException x) {
                skip(Signal.CLUSTER, Errors.firstLine(x));
            }
        }
        if (files > 0 && read.isEmpty() && first != null) {
            fail(Signal.CLUSTER, "the cluster objects cannot be read", first);
            return;
        }
        try {
            objects = new ClusterObjects(read);
            cluster = ClusterStates.from(read, Map.of(), Set.of(), Set.of(), bundle.manifest().timeRange().to());
        } catch (RuntimeException x) {
            // a bug in making the picture: said, not thrown, so the other signals still open
            fail(Signal.CLUSTER, "the cluster objects cannot be read", x);
        }
    }

    private void readMetrics() {
        boolean hasSeries = bundle.has(MetricsCapture.QUERY_RANGE);
        boolean hasAlerts = OfflineSession.holds(bundle.manifest(), Signal.ALERTS);
        if (!hasSeries && !hasAlerts) {
            return;
        }
        List<RangeResult> series = List.of();
        if (hasSeries) {
            List<String> notes = new ArrayList<>();
            try (InputStream in = bundle.open(MetricsCapture.QUERY_RANGE)) {
                series = CapturedMetrics.readQueryRange(in, notes);
            } catch (IOException | RuntimeException x) {
                fail(Signal.METRICS, "the metrics cannot be read", x);
            }
            notes.forEach(n -> skip(Signal.METRICS, n));
        }
        CapturedMetrics.AlertsRead alerts = new CapturedMetrics.AlertsRead(List.of(), List.of(), List.of(), 0, 0);
        try (InputStream r = open(MetricsCapture.RULES); InputStream a = open(MetricsCapture.ALERTS);
             InputStream s = open(MetricsCapture.SILENCES)) {
            alerts = CapturedMetrics.readAlerts(r, a, s);
            if (alerts.failed() > 0 && alerts.failed() == alerts.files()) {
                fail(Signal.ALERTS, "the alerts cannot be read", new IOException(alerts.notes().getFirst()));
            } else {
                alerts.notes().forEach(n -> skip(Signal.ALERTS, n));
            }
        } catch (IOException | RuntimeException x) {
            fail(Signal.ALERTS, "the alerts cannot be read", x);
        }
        metrics = new CapturedMetrics(series, alerts.alerts(), alerts.silences(), "bundle " + name);
    }

    private void readLogs() {
        boolean ndjson = bundle.has(LogsCapture.ENTRIES);
        boolean loki = bundle.has(LogsCapture.QUERY_RANGE);
        if (!ndjson && !loki) {
            return;
        }
        List<LogEntry> entries = new ArrayList<>();
        IOException first = null;
        int read = 0;
        if (ndjson) {
            try {
                LogsCapture.Read r = LogsCapture.readEntries(() -> bundle.open(LogsCapture.ENTRIES));
                entries.addAll(r.entries());
                read++;
                if (r.skipped() > 0) {
                    skip(Signal.LOGS, LogsCapture.ENTRIES + ": " + r.skipped() + (r.skipped() == 1 ? " line" : " lines")
                            + " not read (" + r.firstSkipped() + ")");
                }
                if (r.more()) {
                    skip(Signal.LOGS, readThatFar(LogsCapture.ENTRIES, LogsCapture.MAX_READ, "log lines"));
                }
            } catch (IOException x) {
                first = x;
                skip(Signal.LOGS, LogsCapture.ENTRIES + ": " + Errors.firstLine(x));
            }
        }
        if (loki) {
            try (InputStream in = bundle.open(LogsCapture.QUERY_RANGE)) {
                var e = LokiJson.response(in, new LokiJson.Interner());
                if (e.data() != null) {
                    entries.addAll(e.data().entries());
                    if (e.data().skipped() > 0) {
                        skip(Signal.LOGS, LogsCapture.QUERY_RANGE + ": " + e.data().skipped()
                                + (e.data().skipped() == 1 ? " value" : " values") + " not a log line or a sample, not read");
                    }
                }
                read++;
            } catch (IOException x) {
                first = first == null ? x : first;
                skip(Signal.LOGS, LogsCapture.QUERY_RANGE + ": " + io.pitwall.connectors.prometheus.PromJson.why(x));
            }
        }
        if (read == 0) {
            fail(Signal.LOGS, "the logs cannot be read", first);
            return;
        }
        logs = new CapturedLogs(entries, "bundle " + name);
    }

    private void readTraces() {
        if (!TracesCapture.holds(bundle)) {
            return;
        }
        try {
            TracesCapture.Read r = TracesCapture.read(bundle);
            r.notes().forEach(n -> skip(Signal.TRACES, n));
            traces = new CapturedTraces(r.traces(), "bundle " + name);
        } catch (IOException | RuntimeException x) {
            fail(Signal.TRACES, "the traces cannot be read", x);
        }
    }

    private void readSecurity() {
        if (!CapturedSecurity.holds(bundle)) {
            return;
        }
        try {
            security = CapturedSecurity.read(bundle, "bundle " + name);
        } catch (IOException | RuntimeException x) {
            fail(Signal.SECURITY, "the security findings cannot be read", x);
        }
    }

    private InputStream open(String path) throws BundleException {
        return bundle.has(path) ? bundle.open(path) : null;
    }

    private void skip(Signal signal, String note) {
        skipped.computeIfAbsent(signal, k -> new ArrayList<>()).add(shortened(note));
    }

    private void fail(Signal signal, String what, Throwable why) {
        failing.put(signal, name + ": " + what + " (" + shortened(Errors.firstLine(why)) + ")");
        failures.put(signal, why);
    }

    /** The note of a file that goes on past what Pitwall reads of it. */
    private static String readThatFar(String path, int max, String what) {
        return path + ": only its first " + String.format(java.util.Locale.ROOT, "%,d", max) + " " + what
                + " were read (the most Pitwall reads from a bundle)";
    }

    /** A reason as a status line shows it: the readers quote a file's values shortly, this is the last guard. */
    static String shortened(String s) {
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "…";
    }

    private static final int MAX_REASON = 300;
}
