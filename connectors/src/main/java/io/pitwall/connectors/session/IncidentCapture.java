package io.pitwall.connectors.session;

import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.snapshot.BundleEntry;
import io.pitwall.connectors.snapshot.BundleLimits;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleProblem;
import io.pitwall.connectors.snapshot.BundleWriter;
import io.pitwall.connectors.snapshot.TextRedaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Captures an incident: reads a session for a window, signal by signal, into one bundle file
 * (cluster objects and watch events, metric series and alerts, logs, traces, security findings,
 * the user's note). A signal that fails is a problem in the manifest, not the end of the capture;
 * the outcome says whether everything, some or nothing came. The bundle is written atomically:
 * cancelled or failed, the target is left as it was. Blocking: run it off the FX thread.
 */
public final class IncidentCapture {

    /** The signals a capture reads, in the order it reads them. */
    public static final List<Signal> ORDER = List.of(Signal.CLUSTER, Signal.METRICS, Signal.LOGS, Signal.TRACES,
            Signal.SECURITY);

    /**
     * What to capture.
     *
     * @param window        the time range the signals cover
     * @param namespaces    the namespaces in scope (empty: all)
     * @param signals       which signals (ALERTS comes with METRICS)
     * @param note          the user's notes, Markdown ("" for none)
     * @param metricQueries the PromQL queries whose series to keep
     * @param step          the step of the series
     * @param logScopes     whose logs (the namespaces', the selection's)
     * @param logQueries    LogQL queries typed by the user to keep as well
     * @param openedTraces  trace ids the user opened (kept whatever their rank)
     */
    public record Request(TimeRange window, List<String> namespaces, Set<Signal> signals, String note,
                          List<String> metricQueries, Duration step, List<LogScope> logScopes, List<String> logQueries,
                          Collection<String> openedTraces) {

        public Request {
            Objects.requireNonNull(window, "window");
            namespaces = List.copyOf(namespaces);
            signals = signals.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(signals));
            note = note == null ? "" : note;
            metricQueries = List.copyOf(metricQueries);
            Objects.requireNonNull(step, "step");
            logScopes = List.copyOf(logScopes);
            logQueries = List.copyOf(logQueries);
            openedTraces = List.copyOf(openedTraces);
        }
    }

    /** How a capture ended. */
    public enum Outcome {
        /** Every signal asked for was captured. */
        COMPLETE,
        /** The bundle was written, with problems (listed in its manifest). */
        PARTIAL,
        /** No bundle: nothing could be captured, or the file could not be written. */
        FAILED,
        /** No bundle: the user stopped it. */
        CANCELLED
    }

    /** One signal's part: what it wrote and what went wrong. */
    public record Part(Signal signal, int entries, long bytes, List<String> problems) {

        public Part {
            problems = List.copyOf(problems);
        }
    }

    /** The capture's end: the outcome, each signal's part, the file's size, and why it failed if it did. */
    public record Result(Outcome outcome, Path file, List<Part> parts, long bytes, String failure) {

        public Result {
            parts = List.copyOf(parts);
            failure = failure == null ? "" : failure;
        }
    }

    /** Hears the capture go, on the capturing thread. */
    public interface Progress {
        void started(Signal signal);

        void finished(Part part);

        Progress NONE = new Progress() {
            @Override
            public void started(Signal signal) {
            }

            @Override
            public void finished(Part part) {
            }
        };
    }

    private IncidentCapture() {
    }

    /**
     * Captures {@code request} from {@code session} into {@code target}.
     *
     * @param appVersion written in the manifest
     * @param cancelled  asked between signals (and an interrupt stops a signal under way)
     */
    public static Result run(Session session, Request request, Path target, String appVersion, Clock clock,
                             Progress progress, BooleanSupplier cancelled) {
        return run(session, request, target, appVersion, clock, progress, cancelled, TextRedaction.standard());
    }

    /**
     * As {@link #run(Session, Request, Path, String, Clock, Progress, BooleanSupplier)}, redacting
     * with {@code redaction} (the built-in rules and the user's patterns) and, besides, the values of
     * the variables the session's pods set from Secrets ({@link Session#secretEnvNames()}).
     */
    public static Result run(Session session, Request request, Path target, String appVersion, Clock clock,
                             Progress progress, BooleanSupplier cancelled, TextRedaction redaction) {
        SessionInfo info = session.info();
        BundleManifest header = BundleManifest.header(appVersion, clock.instant(), info.cluster().orElse(null),
                info.context().orElse(null), request.window(), request.namespaces());
        List<Part> parts = new ArrayList<>();
        BundleWriter writer;
        try {
            writer = BundleWriter.create(target, header, BundleLimits.DEFAULT, redaction.withSecretEnv(session.secretEnvNames()));
        } catch (IOException | RuntimeException e) {
            return new Result(Outcome.FAILED, target, parts, 0, "cannot write " + target + ": " + message(e));
        }
        try {
            for (Signal signal : ORDER) {
                if (!request.signals().contains(signal)) {
                    continue;
                }
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    writer.abort();
                    return new Result(Outcome.CANCELLED, target, parts, 0, "");
                }
                progress.started(signal);
                Part part = capture(session, request, signal, writer);
                parts.add(part);
                progress.finished(part);
            }
            if (!request.note().isBlank()) {
                // a note may quote a log line with its token: the note goes by the same rules
                writer.add("notes.md", "text/markdown", writer.redact(request.note()).getBytes(StandardCharsets.UTF_8));
            }
            if (cancelled.getAsBoolean()) {
                writer.abort();
                return new Result(Outcome.CANCELLED, target, parts, 0, "");
            }
            boolean anything = !writer.entries().isEmpty();
            boolean problems = !writer.problems().isEmpty();
            long bytes = writer.entries().stream().mapToLong(BundleEntry::size).sum();
            if (!anything) {
                writer.abort();
                return new Result(Outcome.FAILED, target, parts, 0, "nothing could be captured: "
                        + String.join("; ", writer.problems().stream().map(BundleProblem::toString).toList()));
            }
            writer.close();
            return new Result(problems ? Outcome.PARTIAL : Outcome.COMPLETE, target, parts, bytes, "");
        } catch (IOException | RuntimeException e) {
            writer.abort();
            return new Result(Outcome.FAILED, target, parts, 0, message(e));
        }
    }

    /** One signal, into the writer; its failure becomes a problem of the bundle. */
    private static Part capture(Session session, Request request, Signal signal, BundleWriter writer) {
        int entriesBefore = writer.entries().size();
        int problemsBefore = writer.problems().size();
        try {
            switch (signal) {
                case CLUSTER -> session.captureCluster(writer, request.window());
                case METRICS, ALERTS -> session.captureMetrics(writer, request.window(), request.metricQueries(), request.step());
                case LOGS -> session.captureLogs(writer, request.window(), logScopes(session, request.logScopes()),
                        request.logQueries());
                case TRACES -> session.captureTraces(writer, request.window(), request.openedTraces());
                case SECURITY -> session.captureSecurity(writer, request.window());
            }
            if (!(session.state(signal) instanceof SourceState.Connected) && writer.entries().size() == entriesBefore
                    && writer.problems().size() == problemsBefore) {
                // nothing written and nothing said: the session has no such source
                writer.addProblem(new BundleProblem(signal.bundleFolder(), "not captured: " + describe(session, signal)));
            }
        } catch (IOException | RuntimeException e) {
            writer.addProblem(new BundleProblem(signal.bundleFolder(), message(e)));
        }
        List<BundleEntry> entries = writer.entries();
        long bytes = 0;
        for (int i = entriesBefore; i < entries.size(); i++) {
            bytes += entries.get(i).size();
        }
        List<String> problems = writer.problems().subList(problemsBefore, writer.problems().size()).stream()
                .map(BundleProblem::message).toList();
        return new Part(signal, entries.size() - entriesBefore, bytes, problems);
    }

    /** Pods whose logs a source without LogQL reads, at most, in place of a namespace's or the cluster's. */
    static final int MAX_LOG_PODS = 50;

    /**
     * The scopes as the session's logs can read them: the Kubernetes log API reads one pod at a
     * time, so a namespace (or the cluster) becomes its pods, the troubled first (restarting, not
     * ready), at most {@value #MAX_LOG_PODS}.
     */
    static List<LogScope> logScopes(Session session, List<LogScope> scopes) {
        boolean perPod = session.logs().map(l -> !l.speaksLogQL()).orElse(false);
        if (!perPod) {
            return scopes;
        }
        List<io.pitwall.connectors.model.PodInfo> pods = session.clusterState().map(c -> c.pods()).orElse(List.of());
        java.util.LinkedHashSet<LogScope> out = new java.util.LinkedHashSet<>();
        for (LogScope scope : scopes) {
            switch (scope) {
                case LogScope.Namespace n -> pods.stream().filter(p -> p.namespace().equals(n.name()))
                        .sorted(TROUBLED_FIRST).limit(MAX_LOG_PODS).forEach(p -> out.add(new LogScope.Pod(p.ref())));
                case LogScope.Cluster c -> pods.stream().sorted(TROUBLED_FIRST).limit(MAX_LOG_PODS)
                        .forEach(p -> out.add(new LogScope.Pod(p.ref())));
                default -> out.add(scope);
            }
        }
        return List.copyOf(out);
    }

    private static final java.util.Comparator<io.pitwall.connectors.model.PodInfo> TROUBLED_FIRST = java.util.Comparator
            .comparing((io.pitwall.connectors.model.PodInfo p) -> p.ready() && p.restarts() == 0)
            .thenComparing(java.util.Comparator.comparingInt(io.pitwall.connectors.model.PodInfo::restarts).reversed())
            .thenComparing(io.pitwall.connectors.model.PodInfo::namespace)
            .thenComparing(io.pitwall.connectors.model.PodInfo::name);

    private static String describe(Session session, Signal signal) {
        return switch (session.state(signal)) {
            case null -> "the session has no " + signal.displayName().toLowerCase(java.util.Locale.ROOT) + " source";
            case SourceState.NotConfigured n -> "no source configured (" + n.whatToConnect() + ")";
            case SourceState.Failing f -> f.reason();
            case SourceState s -> s.summary();
        };
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** Each signal's part, by signal, for summaries. */
    public static Map<Signal, Part> bySignal(Result result) {
        Map<Signal, Part> out = new LinkedHashMap<>();
        result.parts().forEach(p -> out.put(p.signal(), p));
        return out;
    }
}
