package io.pitwall.bench;

import io.pitwall.connectors.kube.ClusterReplay;
import io.pitwall.connectors.kube.WorkloadSummary;
import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.PanelLoader;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Topology;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.connectors.model.WatchEvent;
import io.pitwall.connectors.prometheus.ResourcePanels;
import io.pitwall.connectors.prometheus.StepPolicy;
import io.pitwall.connectors.security.FindingDetails;
import io.pitwall.connectors.session.FileSessions;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.connectors.timeline.Timeline;
import io.pitwall.connectors.timeline.TimelineCollector;
import io.pitwall.connectors.timeline.WhatChanged;
import io.pitwall.connectors.traces.TraceQuery;
import io.pitwall.ui.logs.LogBuffer;
import io.pitwall.ui.logs.TraceIds;
import io.pitwall.ui.traces.CriticalPath;
import io.pitwall.ui.traces.WaterfallData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens a file as {@code pitwall FILE} does ({@link FileSessions#open}) and reads every signal as
 * the panes would: the topology and a replay of the cluster, objects' YAML, the captured graphs and
 * the resource panels, alerts and silences, the log lines into the log view's buffer, every
 * trace's waterfall and critical path, the security findings' details, and the timeline with what
 * changed. What goes wrong is judged by {@link Verdict}: a refusal or a failing signal must be an
 * expected exception with a plain message.
 */
final class OfflineLoad {

    /** What opening one file came to. */
    enum Outcome { OPENED, REFUSED, CRASH }

    /** The outcome, and for a crash its kind (to group them) and detail; for a refusal its message. */
    record Result(Outcome outcome, String kind, String detail, Throwable error) {
        static Result crash(String kind, String detail, Throwable error) {
            return new Result(Outcome.CRASH, kind, detail, error);
        }
    }

    private final Executor executor;
    private final long timeoutMillis;
    /** Time spent opening (reader, verification, parsing) and reading as the panes do, for the figures. */
    final java.util.concurrent.atomic.LongAdder openNanos = new java.util.concurrent.atomic.LongAdder();
    final java.util.concurrent.atomic.LongAdder readNanos = new java.util.concurrent.atomic.LongAdder();

    OfflineLoad(Executor executor, long timeoutMillis) {
        this.executor = executor;
        this.timeoutMillis = timeoutMillis;
    }

    /** Opens and reads {@code file}; never throws, every throwable is a crash. */
    Result run(Path file) {
        Session session;
        long t0 = System.nanoTime();
        try {
            session = FileSessions.open(file);
        } catch (IOException e) {
            openNanos.add(System.nanoTime() - t0);
            String bad = Verdict.problem(e);
            if (bad == null) {
                bad = Verdict.message(e.getMessage());
            }
            return bad != null ? Result.crash("refusal: " + bad, e.getMessage(), e)
                    : new Result(Outcome.REFUSED, Verdict.refusalKind(e), e.getMessage(), null);
        } catch (Throwable t) {
            return Result.crash(Verdict.kind(t), String.valueOf(t.getMessage()), t);
        }
        long t1 = System.nanoTime();
        openNanos.add(t1 - t0);
        try (session) {
            Result r = read(session);
            readNanos.add(System.nanoTime() - t1);
            boolean failing = session.states().values().stream().anyMatch(st -> st instanceof SourceState.Failing);
            return r != null ? r : new Result(Outcome.OPENED, failing ? "partial" : "", "", null);
        } catch (Throwable t) {
            return Result.crash(Verdict.kind(t), String.valueOf(t.getMessage()), t);
        }
    }

    private Result read(Session s) throws Exception {
        for (Map.Entry<Signal, SourceState> e : s.states().entrySet()) {
            if (e.getValue() instanceof SourceState.Failing f && Verdict.message(f.reason()) != null) {
                return Result.crash("failing " + e.getKey() + ": " + Verdict.message(f.reason()), f.reason(), null);
            }
        }
        if (s instanceof OfflineSession o) {
            for (Map.Entry<Signal, Throwable> e : o.failures().entrySet()) {
                String bad = Verdict.problem(e.getValue());
                if (bad != null) {
                    return Result.crash("failing " + e.getKey() + ": " + bad, e.getValue().getMessage(), e.getValue());
                }
            }
        }
        TimeRange window = s.info().captured().orElse(TimeRange.ending(Instant.parse("2026-11-24T03:00:00Z"), Duration.ofHours(1)));
        List<String> namespaces = s.info().namespaces();
        s.notes();
        Optional<ClusterState> state = s.clusterState();
        List<WatchEvent> changes = s.clusterChanges(window);
        for (WatchEvent c : changes) {
            WorkloadSummary.parse(c.summary(), c.ref().namespace());
        }
        if (state.isPresent()) {
            ClusterState c = state.get();
            Topology.of(c);
            ClusterReplay.at(c, changes, window.from().plus(window.length().dividedBy(2)));
            c.pods().stream().limit(5).forEach(p -> s.objectYaml(p.ref()));
            c.workloads().stream().limit(5).forEach(w -> s.objectYaml(w.ref()));
        }
        Duration step = StepPolicy.step(window, 1200, StepPolicy.DEFAULT_SCRAPE_INTERVAL);
        if (s.metrics().isPresent()) {
            var m = s.metrics().get();
            // each captured query once, as the panels and the PromQL bar ask them
            for (String q : await(m.captured(), "captured series").stream().map(RangeResult::query).distinct().limit(100).toList()) {
                await(m.queryRange(q, window, step), "captured query");
            }
            PanelLoader panels = new PanelLoader(m);
            await(panels.loadAll(ResourcePanels.of(new MetricScope.Cluster()), window, step), "cluster panels");
            if (state.isPresent() && !state.get().pods().isEmpty()) {
                PodInfo p = state.get().pods().getFirst();
                await(panels.loadAll(ResourcePanels.of(new MetricScope.Pod(p.ref())), window, step), "pod panels");
            }
            await(m.metricNames(), "metric names");
            await(m.labelValues("namespace"), "label values");
            m.scrapeInterval();
        }
        if (s.alerts().isPresent()) {
            await(s.alerts().get().alerts(), "alerts");
            await(s.alerts().get().silences(), "silences");
        }
        if (s.logs().isPresent()) {
            var l = s.logs().get();
            var lines = await(l.query(new LogQuery(new LogScope.Cluster(), "", window, 5000, true)), "logs");
            LogBuffer buffer = new LogBuffer(100_000);
            buffer.append(lines.entries());
            TraceIds ids = new TraceIds();
            lines.entries().stream().limit(200).forEach(e -> ids.find(e.line()));
            for (String ns : namespaces.stream().limit(2).toList()) {
                await(l.query(new LogQuery(new LogScope.Namespace(ns), "", window, 1000, true)), "namespace logs");
            }
            awaitOrRefused(l.query(new LogQuery(new LogScope.Cluster(), "{namespace=~\".+\"} |= \"error\"", window, 1000, true)),
                    "LogQL");
            await(l.labelNames(window), "log labels");
        }
        if (s.traces().isPresent()) {
            var t = s.traces().get();
            List<String> services = await(t.services(window), "services");
            for (String svc : services.stream().limit(3).toList()) {
                await(t.operations(svc, window), "operations");
            }
            for (TraceSummary sum : await(t.search(TraceQuery.of("", window, 100)), "trace search").stream().limit(20).toList()) {
                Trace trace = await(t.trace(sum.traceId()), "trace");
                WaterfallData.of(trace);
                CriticalPath.of(trace);
            }
            await(t.dependencies(window), "dependencies");
        }
        if (s.security().isPresent()) {
            var r = await(s.security().get().findings(window), "findings");
            for (SecurityFinding f : r.findings().stream().limit(200).toList()) {
                FindingDetails.pretty(f);
            }
        }
        Timeline timeline = await(new TimelineCollector(executor).collect(s, window, namespaces), "timeline");
        for (String p : timeline.problems()) {
            if (Verdict.message(p) != null) {
                return Result.crash("timeline problem: " + Verdict.message(p), p, null);
            }
        }
        Optional<KubeRef> focus = state.flatMap(c -> c.pods().stream().findFirst().map(PodInfo::ref));
        WhatChanged.rank(timeline, focus, state);
        return null;
    }

    /** A source's answer; its failure must be one the pane shows in words (a query error), else it is a crash. */
    private <T> T await(CompletableFuture<T> f, String what) throws Exception {
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SourceFailed(what, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + ": no answer within " + timeoutMillis + " ms", e);
        }
    }

    private <T> void awaitOrRefused(CompletableFuture<T> f, String what) throws Exception {
        try {
            await(f, what);
        } catch (SourceFailed e) {
            if (Verdict.problem(e.getCause()) != null || Verdict.message(e.getCause().getMessage()) != null) {
                throw e;
            }
        }
    }

    /** A source whose answer failed: {@link Verdict} judges its cause. */
    static final class SourceFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final String what;

        SourceFailed(String what, Throwable cause) {
            super(what + " failed: " + cause, cause);
            this.what = what;
        }

        String what() {
            return what;
        }
    }
}
