package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.timeline.Timeline;
import io.pitwall.connectors.timeline.TimelineCollector;
import io.pitwall.connectors.timeline.TimelineItem;
import io.pitwall.connectors.traces.TraceQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A live session and a bundle of it, asked what each pane asks over the bundle's window, and
 * their answers compared: what the bundle shows must be what the live pane showed.
 */
final class PaneParity {

    /** Points this close to the window's end may still change in Prometheus (a late scrape): not compared. */
    private static final long SETTLING_MILLIS = 20_000;

    private final Session live;
    private final Session offline;
    private final String ns;
    private final TimeRange window;
    private final List<String> compared = new ArrayList<>();

    PaneParity(Session live, Session offline, String ns) {
        this.live = live;
        this.offline = offline;
        this.ns = ns;
        this.window = offline.info().captured().orElseThrow();
    }

    /** What was compared, pane by pane, for the test's output. */
    String summary() {
        return String.join(", ", compared);
    }

    /** Topology, Details and Events: the namespace's objects, record for record. */
    void topology(int pods) {
        ClusterState l = live.clusterState().orElseThrow().inNamespace(Optional.of(ns));
        ClusterState o = offline.clusterState().orElseThrow().inNamespace(Optional.of(ns));
        assertThat(o.pods()).as("topology: pods").hasSize(pods).containsExactlyInAnyOrderElementsOf(l.pods());
        assertThat(o.workloads()).as("topology: workloads").isNotEmpty().containsExactlyInAnyOrderElementsOf(l.workloads());
        assertThat(o.services()).as("topology: services").hasSize(1).containsExactlyInAnyOrderElementsOf(l.services());
        assertThat(o.ingresses()).as("topology: ingresses").hasSize(1).containsExactlyInAnyOrderElementsOf(l.ingresses());
        assertThat(o.events()).as("events").isNotEmpty().containsExactlyInAnyOrderElementsOf(l.events());
        assertThat(o.pods()).anySatisfy(p -> assertThat(p.restarts()).isEqualTo(3));
        compared.add("topology " + o.pods().size() + " pods, " + o.workloads().size() + " workloads, " + o.services().size()
                + " service, " + o.ingresses().size() + " ingress; events " + o.events().size());
        for (var p : o.pods()) {
            assertThat(offline.objectYaml(p.ref())).as("details of " + p.ref()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("name: " + p.name());
        }
    }

    /** Metrics: every query the bundle holds, series for series, point for point, as Prometheus answers it now. */
    void metrics(List<String> pods) throws Exception {
        List<RangeResult> captured = get(offline.metrics().orElseThrow().captured());
        assertThat(captured).as("metrics: captured queries").hasSizeGreaterThan(10);
        int points = 0;
        for (RangeResult kept : captured) {
            RangeResult now = get(live.metrics().orElseThrow().queryRange(kept.query(), kept.range(), kept.step()));
            Map<Map<String, String>, MetricSeries> seen = bySeries(now);
            assertThat(bySeries(kept).keySet()).as("metrics: the series of " + kept.query()).isEqualTo(seen.keySet());
            for (MetricSeries s : kept.series()) {
                List<String> a = settled(s, kept.range());
                assertThat(a).as("metrics: the points of " + s.labels() + " in " + kept.query())
                        .isEqualTo(settled(seen.get(s.labels()), kept.range()));
                points += a.size();
            }
        }
        assertThat(points).as("metrics: points compared").isGreaterThan(100);
        compared.add("metrics " + captured.size() + " queries, " + points + " points");
        // the namespace's CPU is its three pods' (0.9 + 0.3 + 0.05 cores), the workload's panel has its two pods,
        // the crash-looping pod has a panel of its own
        String sel = "{namespace=\"" + ns + "\",container!=\"\",container!=\"POD\"}";
        RangeResult total = query(captured, "sum(rate(container_cpu_usage_seconds_total" + sel + "[$__rate_interval]))");
        assertThat(total.series()).hasSize(1).allSatisfy(s -> {
            assertThat(s.size()).as("points of " + total.query()).isGreaterThanOrEqualTo(3);
            assertThat(s.values()[s.size() - 1]).as("the namespace's cores").isCloseTo(1.25, org.assertj.core.data.Offset.offset(0.05));
        });
        assertThat(captured).filteredOn(r -> r.query().startsWith("sum by (namespace, pod) (rate(container_cpu_usage_seconds_total"
                        + "{namespace=\"" + ns) && r.query().contains("owner_name=\"web\""))
                .singleElement().satisfies(r -> assertThat(r.series()).extracting(s -> s.labels().get("pod"))
                        .containsExactlyInAnyOrderElementsOf(pods.subList(0, 2)));
        assertThat(captured).filteredOn(r -> r.query().contains("pod=\"" + pods.getFirst() + "\"")).isNotEmpty()
                .anySatisfy(r -> assertThat(r.series()).isNotEmpty());
    }

    private static RangeResult query(List<RangeResult> captured, String query) {
        return captured.stream().filter(r -> r.query().equals(query)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + query + " in the bundle"));
    }

    private static Map<Map<String, String>, MetricSeries> bySeries(RangeResult r) {
        return r.series().stream().collect(Collectors.toMap(MetricSeries::labels, s -> s, (a, b) -> a));
    }

    private static List<String> settled(MetricSeries s, TimeRange range) {
        List<String> out = new ArrayList<>();
        long until = range.to().toEpochMilli() - SETTLING_MILLIS;
        for (int i = 0; i < s.size(); i++) {
            if (s.timesMillis()[i] <= until) {
                out.add(s.timesMillis()[i] + "=" + s.values()[i]);
            }
        }
        return out;
    }

    /** Alerts: the same alerts, firing since the same time. */
    void alerts(String posted) throws Exception {
        Function<Alert, String> key = a -> a.name() + " " + a.state() + " " + a.severity() + " " + new java.util.TreeMap<>(a.labels())
                + " since " + a.since().orElse(null);
        Set<String> l = get(live.alerts().orElseThrow().alerts()).stream().map(key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> o = get(offline.alerts().orElseThrow().alerts()).stream().map(key).collect(Collectors.toCollection(TreeSet::new));
        compared.add("alerts " + o.size());
        assertThat(o).as("alerts").isEqualTo(l).anyMatch(s -> s.startsWith(posted + " ")).anyMatch(s -> s.startsWith("PitwallAlwaysFiring "));
    }

    /** Logs: the namespace's, a pod's and a workload's lines, as the logs pane asks for them. */
    void logs(String pod, String kind, String workload, int linesPerPod) throws Exception {
        List<LogScope> scopes = List.of(new LogScope.Namespace(ns), new LogScope.Pod(new KubeRef("Pod", ns, pod)),
                new LogScope.Workload(new KubeRef(kind, ns, workload)));
        for (LogScope scope : scopes) {
            LogQuery q = new LogQuery(scope, "", window, 5000, true);
            List<LogEntry> l = get(live.logs().orElseThrow().query(q)).entries();
            List<LogEntry> o = get(offline.logs().orElseThrow().query(q)).entries();
            assertThat(o).as("logs of " + scope).isNotEmpty().containsExactlyElementsOf(l);
            compared.add("logs of " + scope.title() + " " + o.size() + " lines");
        }
        List<LogEntry> ofPod = get(offline.logs().orElseThrow().query(new LogQuery(scopes.get(1), "", window, 5000, true))).entries();
        assertThat(ofPod).hasSize(linesPerPod).anySatisfy(e -> assertThat(e.line()).contains("OutOfMemoryError"));
    }

    /** Traces: the same services, the same search results, every trace span for span. */
    void traces(Collection<String> services, int count) throws Exception {
        assertThat(new TreeSet<>(get(offline.traces().orElseThrow().services(window)))).as("traces: services")
                .isEqualTo(new TreeSet<>(get(live.traces().orElseThrow().services(window)))).containsAll(services);
        Set<String> ids = new TreeSet<>();
        for (String service : services) {
            TraceQuery q = TraceQuery.of(service, window, 20);
            Comparator<TraceSummary> byId = Comparator.comparing(TraceSummary::traceId);
            List<TraceSummary> l = get(live.traces().orElseThrow().search(q)).stream().sorted(byId).toList();
            List<TraceSummary> o = get(offline.traces().orElseThrow().search(q)).stream().sorted(byId).toList();
            assertThat(o).as("traces: the search of " + service).isNotEmpty().isEqualTo(l);
            o.forEach(s -> ids.add(s.traceId()));
        }
        assertThat(ids).as("traces found").hasSize(count);
        int spans = 0;
        for (String id : ids) {
            List<String> kept = spans(get(offline.traces().orElseThrow().trace(id)));
            assertThat(kept).as("trace " + id).isEqualTo(spans(get(live.traces().orElseThrow().trace(id))));
            spans += kept.size();
        }
        compared.add("traces " + ids.size() + " of " + services.size() + " services, " + spans + " spans");
    }

    private static List<String> spans(Trace t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.spanCount(); i++) {
            out.add(t.spanId(i) + " parent " + t.parentSpanId(i) + " " + t.service(i) + " " + t.operation(i) + " "
                    + t.startNanos(i) + "+" + t.durationNanos(i) + " " + t.kind(i) + " flags " + t.flags(i));
        }
        return out;
    }

    /** Security: the namespace's findings (runtime events, risky configurations), the same ones. */
    void security(String falcoRule, String privilegedPod, String serviceAccount) throws Exception {
        Function<SecurityFinding, String> key = f -> f.source() + " " + f.severity() + " " + f.rule() + " " + f.object() + " "
                + f.namespace() + " " + f.title() + " at " + f.time();
        Set<String> l = inNamespace(get(live.security().orElseThrow().findings(window)).findings(), key);
        Set<String> o = inNamespace(get(offline.security().orElseThrow().findings(window)).findings(), key);
        compared.add("security " + o.size() + " findings");
        assertThat(o).as("security findings of " + ns).isEqualTo(l).anyMatch(s -> s.contains(falcoRule))
                .anyMatch(s -> s.contains(privilegedPod)).anyMatch(s -> s.contains(serviceAccount));
    }

    private Set<String> inNamespace(List<SecurityFinding> all, Function<SecurityFinding, String> key) {
        return all.stream().filter(f -> ns.equals(f.namespace()) || f.object() != null && ns.equals(f.object().namespace())
                || f.title().contains(ns) || f.message().contains(ns)).map(key).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Timeline: the same items in the namespace's lanes. */
    void timeline() throws Exception {
        Timeline l = get(new TimelineCollector(Runnable::run).collect(live, window, List.of(ns)));
        Timeline o = get(new TimelineCollector(Runnable::run).collect(offline, window, List.of(ns)));
        Function<TimelineItem, String> key = i -> i.at() + " " + i.lane() + " " + i.severity() + " " + i.ref().orElse(null)
                + " " + i.title();
        compared.add("timeline " + o.items().size() + " items");
        assertThat(o.items().stream().map(key).toList()).as("timeline").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(l.items().stream().map(key).toList());
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }
}
