package io.pitwall.app.demo;

import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.NodeInfo;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.Topology;
import io.pitwall.connectors.prometheus.ResourcePanels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleBiFunction;

/**
 * The demo's resource graphs: for the cluster, the namespace, each workload, each pod and each
 * node, the answer to every query of {@link ResourcePanels} over the incident's hour, as a
 * capture would have stored them, so the Metrics pane works on the demo as it does live. The
 * values follow the story: carts' working set climbs to its limit and drops at each OOMKill, its
 * CPU (garbage collection) and throttling climb with it; the other services idle.
 */
final class DemoPanels {

    /** Per-node overhead that is not in any pod: the kubelet, the OS. */
    private static final double NODE_CPU = 0.35;
    private static final double NODE_MEMORY = 1.4 * (1L << 30);

    private final ClusterState state;
    private final Topology topology;
    private final String carts;
    private final Random noise = new Random(7);

    DemoPanels(ClusterState state, String cartsPod) {
        this.state = state;
        this.topology = Topology.of(state);
        this.carts = cartsPod;
    }

    List<RangeResult> results() {
        List<MetricScope> scopes = new ArrayList<>();
        scopes.add(new MetricScope.Cluster());
        scopes.add(new MetricScope.Namespace(DemoStory.NAMESPACE));
        topology.groups().forEach(g -> scopes.add(new MetricScope.Workload(g.workload())));
        state.pods().forEach(p -> scopes.add(new MetricScope.Pod(p.ref())));
        state.nodes().forEach(n -> scopes.add(new MetricScope.Node(n.name())));
        Map<String, RangeResult> byQuery = new LinkedHashMap<>();
        for (MetricScope scope : scopes) {
            for (PanelSpec panel : ResourcePanels.of(scope)) {
                for (int i = 0; i < panel.queries().size(); i++) {
                    PanelSpec.QuerySpec q = panel.queries().get(i);
                    byQuery.computeIfAbsent(q.promql(), k -> result(scope, panel.id(), q, panel.queries().indexOf(q)));
                }
            }
        }
        return List.copyOf(byQuery.values());
    }

    private RangeResult result(MetricScope scope, String panel, PanelSpec.QuerySpec q, int index) {
        List<PodInfo> pods = podsOf(scope);
        List<MetricSeries> series = new ArrayList<>();
        boolean value = q.role() == PanelSpec.Role.VALUE;
        ToDoubleBiFunction<PodInfo, Instant> f = switch (panel) {
            case "cpu" -> value ? this::cpu : (p, t) -> resource(p, "cpu", q.role());
            case "memory" -> value ? this::memory : (p, t) -> resource(p, "memory", q.role());
            case "network" -> index == 0 ? this::networkIn : this::networkOut;
            case "restarts" -> (p, t) -> p.name().equals(carts) ? DemoStory.cartsRestarts(t) : p.restarts();
            default -> this::throttled;
        };
        boolean nodeLimit = q.role() == PanelSpec.Role.LIMIT && q.promql().contains("kube_node_status_allocatable");
        switch (scope) {
            case MetricScope.Pod p when value || q.legend().contains("{{container}}") ->
                    series.add(series(Map.of("container", containerOf(pods.getFirst())), pods, f, panel));
            case MetricScope.Workload w when value ->
                    pods.forEach(p -> series.add(series(Map.of("namespace", p.namespace(), "pod", p.name()), List.of(p), f, panel)));
            case MetricScope.Workload w -> series.add(series(Map.of(), pods.isEmpty() ? pods : List.of(pods.getFirst()), f, panel));
            case MetricScope.Node n when value -> series.add(nodeSeries(Map.of("instance", n.name() + ":9100", "nodename", n.name()),
                    pods, f, panel, 1));
            case MetricScope.Cluster c when value -> series.add(nodeSeries(Map.of(), pods, f, panel, state.nodes().size()));
            default -> series.add(nodeLimit ? allocatable(scope, panel) : series(Map.of(), pods, f, panel));
        }
        return new RangeResult(q.promql(), DemoStory.RANGE, DemoMetrics.STEP, series, List.of());
    }

    private List<PodInfo> podsOf(MetricScope scope) {
        return switch (scope) {
            case MetricScope.Pod p -> state.pods().stream().filter(x -> x.ref().equals(p.ref())).toList();
            case MetricScope.Workload w -> topology.groups().stream().filter(g -> g.workload().equals(w.ref()))
                    .flatMap(g -> g.pods().stream()).toList();
            case MetricScope.Namespace n -> state.pods().stream().filter(x -> x.namespace().equals(n.name())).toList();
            case MetricScope.Node n -> state.pods().stream().filter(x -> x.nodeName().equals(n.name())).toList();
            default -> state.pods();
        };
    }

    /** The sum over {@code pods} of {@code f}, step by step; a ratio panel takes the mean. */
    private MetricSeries series(Map<String, String> labels, List<PodInfo> pods, ToDoubleBiFunction<PodInfo, Instant> f,
                                String panel) {
        List<Long> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Instant t = DemoStory.RANGE.from(); !t.isAfter(DemoStory.RANGE.to()); t = t.plus(DemoMetrics.STEP)) {
            double sum = 0;
            int n = 0;
            for (PodInfo p : pods) {
                double v = f.applyAsDouble(p, t);
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            times.add(t.toEpochMilli());
            values.add(n == 0 ? Double.NaN : panel.equals("throttling") ? sum / n : sum);
        }
        return new MetricSeries(labels, times.stream().mapToLong(Long::longValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** What the nodes use: their pods plus what runs outside pods. */
    private MetricSeries nodeSeries(Map<String, String> labels, List<PodInfo> pods, ToDoubleBiFunction<PodInfo, Instant> f,
                                    String panel, int nodes) {
        MetricSeries s = series(labels, pods, f, panel);
        double extra = switch (panel) {
            case "cpu" -> NODE_CPU * nodes;
            case "memory" -> NODE_MEMORY * nodes;
            default -> 0;
        };
        double[] v = s.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = (Double.isNaN(v[i]) ? 0 : v[i]) + extra;
        }
        return new MetricSeries(labels, s.timesMillis(), v);
    }

    private MetricSeries allocatable(MetricScope scope, String panel) {
        double total = 0;
        for (NodeInfo n : state.nodes()) {
            if (!(scope instanceof MetricScope.Node node) || node.name().equals(n.name())) {
                total += panel.equals("cpu") ? n.cpuCores() : n.memoryBytes();
            }
        }
        double value = total;
        List<PodInfo> none = List.of();
        MetricSeries flat = series(Map.of(), none, (p, t) -> 0, panel);
        double[] v = new double[flat.size()];
        java.util.Arrays.fill(v, value);
        return new MetricSeries(Map.of(), flat.timesMillis(), v);
    }

    private static String containerOf(PodInfo p) {
        return p.containers().isEmpty() ? p.name() : p.containers().getFirst().name();
    }

    private double cpu(PodInfo p, Instant t) {
        if (p.name().equals(carts)) {
            if (DemoStory.cartsDown(t)) {
                return Double.NaN;
            }
            double fill = fill(t);
            return (0.05 + 0.40 * Math.pow(Math.max(0, fill), 3)) * jitter(0.05);
        }
        return base(p, 0.01, 0.08) * jitter(0.15);
    }

    private double memory(PodInfo p, Instant t) {
        if (p.name().equals(carts)) {
            return DemoStory.cartsWorkingSet(t) * jitter(0.005);
        }
        return base(p, 60e6, 420e6) * jitter(0.01);
    }

    private double networkIn(PodInfo p, Instant t) {
        return p.name().equals(carts) && DemoStory.cartsDown(t) ? 0 : base(p, 2e3, 60e3) * jitter(0.2);
    }

    private double networkOut(PodInfo p, Instant t) {
        return p.name().equals(carts) && DemoStory.cartsDown(t) ? 0 : base(p, 3e3, 90e3) * jitter(0.2);
    }

    private double throttled(PodInfo p, Instant t) {
        if (p.name().equals(carts)) {
            return DemoStory.cartsDown(t) ? Double.NaN : Math.min(0.9, 0.02 + 0.8 * Math.pow(Math.max(0, fill(t)), 4));
        }
        return 0.0;
    }

    /** A container's request or limit of {@code resource}, in cores or bytes (NaN when it has none). */
    private static double resource(PodInfo p, String resource, PanelSpec.Role role) {
        double sum = 0;
        boolean any = false;
        for (PodInfo.ContainerInfo c : p.containers()) {
            String q = (role == PanelSpec.Role.REQUEST ? c.requests() : c.limits()).get(resource);
            if (q != null) {
                sum += io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
                        new io.fabric8.kubernetes.api.model.Quantity(q)).doubleValue();
                any = true;
            }
        }
        return any ? sum : Double.NaN;
    }

    /** How full carts' heap is at {@code t}, 0 (healthy) to 1 (the limit). */
    private static double fill(Instant t) {
        return (DemoStory.cartsWorkingSet(t) - DemoStory.HEALTHY_WORKING_SET)
                / (DemoStory.MEMORY_LIMIT - DemoStory.HEALTHY_WORKING_SET);
    }

    /** A steady level of its own for each pod, between {@code low} and {@code high}. */
    private static double base(PodInfo p, double low, double high) {
        double h = (p.name().hashCode() & 0x7fffffff) / (double) Integer.MAX_VALUE;
        return low + h * (high - low);
    }

    private double jitter(double amount) {
        return 1 + (noise.nextDouble() * 2 - 1) * amount;
    }
}
