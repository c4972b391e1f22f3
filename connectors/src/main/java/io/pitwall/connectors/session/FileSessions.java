package io.pitwall.connectors.session;

import io.pitwall.connectors.Errors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pitwall.connectors.kube.ClusterObjects;
import io.pitwall.connectors.kube.ClusterStates;
import io.pitwall.connectors.model.ClusterState;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Opens what a user hands Pitwall as a file: an incident bundle, the JSON of
 * {@code kubectl get ... -o json} (a v1 List, or one object), shown as an offline cluster, or a
 * Prometheus {@code /api/v1/query_range} (or {@code /api/v1/query}) response, shown as offline
 * metrics, or logs: a Loki {@code /loki/api/v1/query_range} response (streams) or a plain text
 * log ({@code .log}, {@code .txt}, or any text that is not Kubernetes JSON or YAML), shown as
 * offline logs, or traces: Jaeger, OTLP or Zipkin v2 JSON ({@link io.pitwall.connectors.traces.TraceFiles}
 * tells which), shown as offline traces, or Falco events: Falco's JSON output, one event a line
 * ({@code falco -o json_output=true}), or a falcosidekick payload
 * ({@link io.pitwall.connectors.security.FalcoFiles}), shown as offline security events, whatever
 * the file's extension (Falco's file output is {@code events.txt}), before a text log is considered.
 */
public final class FileSessions {

    /** Larger JSON files than this are refused rather than read into memory. */
    static final long MAX_JSON_BYTES = 512L * 1024 * 1024;

    private FileSessions() {
    }

    /** Blocking I/O: call it off the FX thread. The message of a failure is fit for the user. */
    public static Session open(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".pitwall")) {
            // a bundle, or a broken one: the bundle reader says which, never a guess at other formats
            return OfflineSession.open(file);
        }
        byte[] head = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 2);
            if (n == 2 && head[0] == 'P' && head[1] == 'K') {
                return OfflineSession.open(file);
            }
        }
        if (Files.size(file) <= MAX_JSON_BYTES && io.pitwall.connectors.security.FalcoFiles.looksLikeFalco(file)) {
            return falcoFile(file);
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean textLog = lower.endsWith(".log") || lower.endsWith(".txt");
        if (!textLog) {
            if (Files.size(file) <= MAX_JSON_BYTES) {
                Optional<io.pitwall.connectors.logs.CapturedLogs> loki = io.pitwall.connectors.logs.LogFiles.lokiResponse(file);
                if (loki.isPresent()) {
                    return logsSession(name, loki.get(), "Loki response");
                }
                Optional<Session> traces = traceFile(file);
                if (traces.isPresent()) {
                    return traces.get();
                }
            }
            Optional<Session> prometheus = prometheusResponse(file);
            if (prometheus.isPresent()) {
                return prometheus.get();
            }
            try {
                return kubectlJson(file);
            } catch (IOException notKubernetes) {
                // a bundle that is not a zip is a broken bundle, not a log
                boolean structured = lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml")
                        || lower.endsWith(".pitwall");
                if (structured || !io.pitwall.connectors.logs.LogFiles.looksLikeText(file)) {
                    throw notKubernetes;
                }
            }
        }
        if (!io.pitwall.connectors.logs.LogFiles.looksLikeText(file)) {
            throw new IOException(name + " is not a text log (it holds binary data)");
        }
        return logsSession(name, io.pitwall.connectors.logs.LogFiles.text(file), "text log");
    }

    /** Falco events, one a line (or a falcosidekick payload), as a session with security events only. */
    private static Session falcoFile(Path file) throws IOException {
        String name = file.getFileName().toString();
        var security = io.pitwall.connectors.security.CapturedSecurity.falcoFile(file);
        io.pitwall.connectors.model.TimeRange range = security.extent().orElse(
                io.pitwall.connectors.model.TimeRange.ending(Instant.now(), java.time.Duration.ofHours(1)));
        int n = security.all().size();
        String contents = "Falco JSON, " + n + (n == 1 ? " event" : " events")
                + (security.notes().isEmpty() ? "" : ", some lines not read");
        return new SignalFileSession(name, range, Signal.SECURITY, contents, null, null, null, security);
    }

    private static Session logsSession(String name, io.pitwall.connectors.logs.CapturedLogs logs, String what) {
        io.pitwall.connectors.model.TimeRange range = logs.extent().orElse(
                io.pitwall.connectors.model.TimeRange.ending(Instant.now(), java.time.Duration.ofHours(1)));
        return new SignalFileSession(name, range, Signal.LOGS, what + ", " + logs.entries().size() + " lines", null, logs,
                null, null);
    }

    /** A Jaeger, OTLP or Zipkin JSON file with at least one trace, as a session with traces only; empty when it is not one. */
    private static Optional<Session> traceFile(Path file) {
        io.pitwall.connectors.traces.TraceFile read;
        try {
            read = io.pitwall.connectors.traces.TraceFiles.read(file);
        } catch (io.pitwall.connectors.traces.TraceFileException | RuntimeException notTraces) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        var traces = new io.pitwall.connectors.traces.CapturedTraces(read.traces(), "file " + name);
        if (traces.isEmpty()) {
            return Optional.empty();
        }
        long spans = traces.traces().stream().mapToLong(io.pitwall.connectors.model.Trace::spanCount).sum();
        String format = switch (read.format()) {
            case JAEGER_V1 -> "Jaeger JSON";
            case OTLP -> "OTLP JSON";
            case ZIPKIN_V2 -> "Zipkin v2 JSON";
        };
        int count = traces.traces().size();
        return Optional.of(new SignalFileSession(name, traces.extent().orElseThrow(), Signal.TRACES, format + ", " + count
                + (count == 1 ? " trace, " : " traces, ") + spans + " spans", null, null, traces, null));
    }

    /** A file that holds one signal (a Prometheus response's series, log lines, traces or Falco events), offline. */
    private static final class SignalFileSession implements Session {
        private final SessionInfo info;
        private final Map<Signal, SourceState> states = new EnumMap<>(Signal.class);
        private final io.pitwall.connectors.metrics.MetricsSource metrics;
        private final io.pitwall.connectors.logs.LogsSource logs;
        private final io.pitwall.connectors.traces.TracesSource traces;
        private final io.pitwall.connectors.security.SecuritySource security;

        /** One of the sources is the file's; {@code contents} says what it holds. */
        SignalFileSession(String name, io.pitwall.connectors.model.TimeRange range, Signal signal, String contents,
                          io.pitwall.connectors.metrics.MetricsSource metrics, io.pitwall.connectors.logs.LogsSource logs,
                          io.pitwall.connectors.traces.TracesSource traces,
                          io.pitwall.connectors.security.SecuritySource security) {
            this.metrics = metrics;
            this.traces = traces;
            this.logs = logs;
            this.security = security;
            this.info = new SessionInfo(SessionInfo.Kind.OFFLINE, name, Optional.empty(), Optional.empty(),
                    Optional.of(range), List.of());
            for (Signal s : Signal.values()) {
                states.put(s, new SourceState.Offline(name, s == signal, s == signal ? contents : ""));
            }
        }

        @Override
        public SessionInfo info() {
            return info;
        }

        @Override
        public Map<Signal, SourceState> states() {
            return Map.copyOf(states);
        }

        @Override
        public Optional<io.pitwall.connectors.metrics.MetricsSource> metrics() {
            return Optional.ofNullable(metrics);
        }

        @Override
        public Optional<io.pitwall.connectors.logs.LogsSource> logs() {
            return Optional.ofNullable(logs);
        }

        @Override
        public Optional<io.pitwall.connectors.traces.TracesSource> traces() {
            return Optional.ofNullable(traces);
        }

        @Override
        public Optional<io.pitwall.connectors.security.SecuritySource> security() {
            return Optional.ofNullable(security);
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    /**
     * A Prometheus API response ({@code {"status": "success", "data": {"resultType": ...}}}) as a
     * session with metrics only; empty when the file is not one.
     */
    private static Optional<Session> prometheusResponse(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (Files.size(file) > MAX_JSON_BYTES) {
            throw new IOException(name + " is too large to open (over 512 MiB)");
        }
        io.pitwall.connectors.prometheus.PromJson.Envelope<List<io.pitwall.connectors.model.MetricSeries>> e;
        try (InputStream in = Files.newInputStream(file)) {
            e = io.pitwall.connectors.prometheus.PromJson.envelope(in, io.pitwall.connectors.prometheus.PromJson::result);
        } catch (IOException | RuntimeException notPrometheus) {
            return Optional.empty();
        }
        if (e.isError()) {
            throw new IOException(name + " is a Prometheus error response (" + e.errorType() + ": " + e.error() + ")");
        }
        if (!"success".equals(e.status()) || e.data() == null || !e.kind().isEmpty()) {
            return Optional.empty();
        }
        var series = e.data();
        io.pitwall.connectors.model.TimeRange range = io.pitwall.connectors.prometheus.CapturedMetrics.extent(series);
        var result = new io.pitwall.connectors.model.RangeResult("", range,
                io.pitwall.connectors.prometheus.CapturedMetrics.guessStep(series), series, e.warnings());
        var metrics = new io.pitwall.connectors.prometheus.CapturedMetrics(List.of(result), List.of(), List.of(), name);
        long points = result.points();
        return Optional.of(new SignalFileSession(name, range, Signal.METRICS, series.size() + " series, " + points + " points",
                metrics, null, null, null));
    }

    private static Session kubectlJson(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (Files.size(file) > MAX_JSON_BYTES) {
            throw new IOException(name + " is too large to open (over 512 MiB)");
        }
        Object parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = Serialization.unmarshal(in);
        } catch (RuntimeException e) {
            throw new IOException(name + " is neither a Pitwall bundle nor Kubernetes JSON (kubectl get -o json) nor a Prometheus response: "
                    + Errors.firstLine(e));
        }
        List<HasMetadata> objects = new ArrayList<>();
        if (parsed instanceof KubernetesResourceList<?> list) {
            list.getItems().forEach(o -> objects.add((HasMetadata) o));
        } else if (parsed instanceof HasMetadata one) {
            objects.add(one);
        } else {
            throw new IOException(name + " is neither a Pitwall bundle nor Kubernetes JSON (kubectl get -o json) nor a Prometheus response");
        }
        ClusterState state = ClusterStates.from(objects, Map.of(), Set.of(), Set.of(), Instant.now());
        return new ObjectsSession(name, state, new ClusterObjects(objects));
    }

    /** Kubernetes objects from a file: the cluster signal only, offline. */
    private static final class ObjectsSession implements Session {
        private final SessionInfo info;
        private final ClusterState state;
        private final ClusterObjects objects;
        private final Map<Signal, SourceState> states = new EnumMap<>(Signal.class);

        ObjectsSession(String name, ClusterState state, ClusterObjects objects) {
            this.state = state;
            this.objects = objects;
            this.info = new SessionInfo(SessionInfo.Kind.OFFLINE, name, Optional.empty(), Optional.empty(),
                    Optional.empty(), state.namespaces());
            for (Signal s : Signal.values()) {
                states.put(s, new SourceState.Offline(name, s == Signal.CLUSTER,
                        s == Signal.CLUSTER ? state.pods().size() + " pods, " + state.workloads().size() + " workloads" : ""));
            }
        }

        @Override
        public SessionInfo info() {
            return info;
        }

        @Override
        public Map<Signal, SourceState> states() {
            return Map.copyOf(states);
        }

        @Override
        public Optional<ClusterState> clusterState() {
            return Optional.of(state);
        }

        @Override
        public Optional<String> objectYaml(io.pitwall.connectors.model.KubeRef ref) {
            return objects.yaml(ref);
        }

        @Override
        public void close() {
            // nothing held
        }
    }

}
