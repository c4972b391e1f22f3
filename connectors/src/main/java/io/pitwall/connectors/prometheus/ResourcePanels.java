package io.pitwall.connectors.prometheus;

import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.metrics.PanelSpec.QuerySpec;
import io.pitwall.connectors.metrics.PanelSpec.Role;
import io.pitwall.connectors.metrics.Unit;
import io.pitwall.connectors.model.KubeRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The resource graphs of a selection (CPU, memory, network, restarts, CPU throttling), as PromQL
 * over the names real clusters expose: cAdvisor's {@code container_*}, kube-state-metrics's
 * {@code kube_*} (requests and limits with their {@code resource} label, restarts, pod and
 * ReplicaSet owners for workloads) and node exporter's {@code node_*}.
 *
 * <p>Rates use the window {@value #RATE_INTERVAL}: the live source replaces it with the window
 * that fits the step ({@link StepPolicy#rateInterval}), and a bundle keeps the query as written,
 * so the same panel finds its captured series offline whatever the chart's width.
 *
 * <p>Nodes are matched through node exporter's own {@code node_uname_info{nodename}} (the host
 * name, which kubelets use as the node name by default), so node graphs need no relabelling;
 * requests and allocatable come from kube-state-metrics's {@code node} label.
 */
public final class ResourcePanels {

    /** The rate window placeholder, as Grafana names it. */
    public static final String RATE_INTERVAL = "$__rate_interval";

    private static final String CONTAINERS = "container!=\"\",container!=\"POD\"";
    private static final String NODE_DEVICES = "device!~\"lo|veth.*|docker.*|cali.*|flannel.*|cni.*|cbr.*|br-.*|"
            + "vxlan.*|tunl.*|genev.*|kube-ipvs.*|lxc.*|virbr.*\"";

    private ResourcePanels() {
    }

    /** The panels of {@code scope}: cpu, memory, network, restarts, throttling, in kube-prometheus's label names. */
    public static List<PanelSpec> of(MetricScope scope) {
        return of(scope, io.pitwall.connectors.mapping.PromLabels.DEFAULTS);
    }

    /** The panels of {@code scope} in {@code labels}' names. */
    public static List<PanelSpec> of(MetricScope scope, io.pitwall.connectors.mapping.PromLabels labels) {
        List<PanelSpec> panels = withDefaultLabels(scope);
        if (labels.equals(io.pitwall.connectors.mapping.PromLabels.DEFAULTS)) {
            return panels;
        }
        return panels.stream().map(p -> new PanelSpec(p.id(), p.title(), p.unit(), p.queries().stream()
                .map(q -> new PanelSpec.QuerySpec(labels.rename(q.promql()), labels.renameLegend(q.legend()), q.role(), q.metrics()))
                .toList())).toList();
    }

    private static List<PanelSpec> withDefaultLabels(MetricScope scope) {
        return switch (scope) {
            case MetricScope.Container c -> containerLevel(sel(c.pod(), "container=\"" + esc(c.container()) + "\""),
                    "container", "{{container}}", pod(c.pod()), "pod " + c.pod().name());
            case MetricScope.Pod p -> containerLevel(sel(p.ref(), CONTAINERS), "container", "{{container}}", pod(p.ref()),
                    "pod " + p.ref().name());
            case MetricScope.Workload w -> workload(w.ref());
            case MetricScope.Namespace n -> namespace(n.name());
            case MetricScope.Node n -> node(n.name());
            case MetricScope.Cluster c -> cluster();
        };
    }

    /** Pods and containers: values per container, each container's request and limit. */
    private static List<PanelSpec> containerLevel(String sel, String by, String legend, String podSel, String podName) {
        List<PanelSpec> out = new ArrayList<>();
        out.add(new PanelSpec("cpu", "CPU", Unit.CORES, List.of(
                value("sum by (" + by + ") (rate(container_cpu_usage_seconds_total{" + sel + "}[" + RATE_INTERVAL + "]))",
                        legend, "container_cpu_usage_seconds_total"),
                threshold(Role.REQUEST, "sum by (" + by + ") (kube_pod_container_resource_requests{" + sel + ",resource=\"cpu\"})",
                        legend + " request", "kube_pod_container_resource_requests"),
                threshold(Role.LIMIT, "sum by (" + by + ") (kube_pod_container_resource_limits{" + sel + ",resource=\"cpu\"})",
                        legend + " limit", "kube_pod_container_resource_limits"))));
        out.add(memory("sum by (" + by + ") (container_memory_working_set_bytes{" + sel + "})", legend,
                "sum by (" + by + ") (kube_pod_container_resource_requests{" + sel + ",resource=\"memory\"})", legend + " request",
                "sum by (" + by + ") (kube_pod_container_resource_limits{" + sel + ",resource=\"memory\"})", legend + " limit"));
        out.add(network("sum(rate(container_network_receive_bytes_total{" + podSel + "}[" + RATE_INTERVAL + "]))",
                "sum(rate(container_network_transmit_bytes_total{" + podSel + "}[" + RATE_INTERVAL + "]))",
                podName + " in", podName + " out", "container_network"));
        out.add(new PanelSpec("restarts", "Restarts", Unit.COUNT, List.of(value(
                "max by (" + by + ") (kube_pod_container_status_restarts_total{" + sel + "})", legend,
                "kube_pod_container_status_restarts_total"))));
        out.add(throttling("sum by (" + by + ") (rate(container_cpu_cfs_throttled_periods_total{" + sel + "}[" + RATE_INTERVAL + "]))"
                + " / sum by (" + by + ") (rate(container_cpu_cfs_periods_total{" + sel + "}[" + RATE_INTERVAL + "]))", legend));
        return out;
    }

    /** A workload: values per pod, each pod's request and limit (the largest, as its pods share a template). */
    private static List<PanelSpec> workload(KubeRef ref) {
        // the pods' names start with the workload's (controllers name them so): a prefilter, so that Prometheus reads
        // these pods' series and not the namespace's, which took 0.4 s a query in a namespace of a thousand pods;
        // the join with the owners below keeps exactly the workload's pods
        String ns = "namespace=\"" + esc(ref.namespace()) + "\",pod=~\"" + esc(regexLiteral(ref.name())) + "-.+\"";
        String pods = " * on (namespace, pod) group_left () " + podsOf(ref);
        String sel = ns + "," + CONTAINERS;
        List<PanelSpec> out = new ArrayList<>();
        out.add(new PanelSpec("cpu", "CPU", Unit.CORES, List.of(
                value("sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{" + sel + "}[" + RATE_INTERVAL + "]))" + pods,
                        "{{pod}}", "container_cpu_usage_seconds_total"),
                threshold(Role.REQUEST, "max(sum by (namespace, pod) (kube_pod_container_resource_requests{" + ns + ",resource=\"cpu\"})" + pods + ")",
                        "request per pod", "kube_pod_container_resource_requests"),
                threshold(Role.LIMIT, "max(sum by (namespace, pod) (kube_pod_container_resource_limits{" + ns + ",resource=\"cpu\"})" + pods + ")",
                        "limit per pod", "kube_pod_container_resource_limits"))));
        out.add((memory("sum by (namespace, pod) (container_memory_working_set_bytes{" + sel + "})" + pods, "{{pod}}",
                "max(sum by (namespace, pod) (kube_pod_container_resource_requests{" + ns + ",resource=\"memory\"})" + pods + ")",
                "request per pod",
                "max(sum by (namespace, pod) (kube_pod_container_resource_limits{" + ns + ",resource=\"memory\"})" + pods + ")",
                "limit per pod")));
        out.add((network("sum by (namespace, pod) (rate(container_network_receive_bytes_total{" + ns + "}[" + RATE_INTERVAL + "]))" + pods,
                "sum by (namespace, pod) (rate(container_network_transmit_bytes_total{" + ns + "}[" + RATE_INTERVAL + "]))" + pods,
                "{{pod}} in", "{{pod}} out", "container_network")));
        out.add(new PanelSpec("restarts", "Restarts", Unit.COUNT, List.of(value(
                "sum by (namespace, pod) (kube_pod_container_status_restarts_total{" + ns + "})" + pods, "{{pod}}",
                "kube_pod_container_status_restarts_total"))));
        out.add((throttling("sum by (namespace, pod) (rate(container_cpu_cfs_throttled_periods_total{" + sel + "}[" + RATE_INTERVAL + "]))" + pods
                + " / sum by (namespace, pod) (rate(container_cpu_cfs_periods_total{" + sel + "}[" + RATE_INTERVAL + "]))", "{{pod}}")));
        List<String> owners = switch (ref.kind()) {
            case "Deployment" -> List.of("kube_pod_owner", "kube_replicaset_owner");
            case "CronJob" -> List.of("kube_pod_owner", "kube_job_owner");
            default -> List.of("kube_pod_owner");
        };
        return out.stream().map(p -> withOwners(p, owners)).toList();
    }

    private static final java.util.regex.Pattern POD_PREFILTER = java.util.regex.Pattern.compile(",pod=~\"(?:[^\"\\\\]|\\\\.)*-\\.\\+\"");

    /**
     * A workload query as Pitwall wrote it before the pod-name prefilter (the same series): how a
     * bundle captured then is still found by today's query. Other queries come back unchanged.
     */
    public static String withoutPodPrefilter(String promql) {
        return promql.contains("group_left () max by (namespace, pod)") ? POD_PREFILTER.matcher(promql).replaceAll("") : promql;
    }

    /** {@code text} as an RE2 pattern matching it alone (a name may hold dots). */
    static String regexLiteral(String text) {
        StringBuilder b = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * The pods of a workload, one series (value 1) per {@code namespace, pod}: kube-state-metrics's
     * {@code kube_pod_owner}, through {@code kube_replicaset_owner} for Deployments and
     * {@code kube_job_owner} for CronJobs.
     */
    static String podsOf(KubeRef ref) {
        String ns = "namespace=\"" + esc(ref.namespace()) + "\"";
        String name = esc(ref.name());
        return switch (ref.kind()) {
            case "Deployment" -> "max by (namespace, pod) (label_replace(kube_pod_owner{" + ns + ",owner_kind=\"ReplicaSet\"},"
                    + " \"replicaset\", \"$1\", \"owner_name\", \"(.*)\") * on (namespace, replicaset) group_left ()"
                    + " max by (namespace, replicaset) (kube_replicaset_owner{" + ns + ",owner_kind=\"Deployment\",owner_name=\"" + name + "\"}))";
            case "CronJob" -> "max by (namespace, pod) (label_replace(kube_pod_owner{" + ns + ",owner_kind=\"Job\"},"
                    + " \"job_name\", \"$1\", \"owner_name\", \"(.*)\") * on (namespace, job_name) group_left ()"
                    + " max by (namespace, job_name) (kube_job_owner{" + ns + ",owner_kind=\"CronJob\",owner_name=\"" + name + "\"}))";
            default -> "max by (namespace, pod) (kube_pod_owner{" + ns + ",owner_kind=\"" + esc(ref.kind())
                    + "\",owner_name=\"" + name + "\"})";
        };
    }

    private static List<PanelSpec> namespace(String name) {
        String ns = "namespace=\"" + esc(name) + "\"";
        String sel = ns + "," + CONTAINERS;
        String legend = "namespace " + name;
        return List.of(
                new PanelSpec("cpu", "CPU", Unit.CORES, List.of(
                        value("sum(rate(container_cpu_usage_seconds_total{" + sel + "}[" + RATE_INTERVAL + "]))", legend,
                                "container_cpu_usage_seconds_total"),
                        threshold(Role.REQUEST, "sum(kube_pod_container_resource_requests{" + ns + ",resource=\"cpu\"})",
                                "requests", "kube_pod_container_resource_requests"),
                        threshold(Role.LIMIT, "sum(kube_pod_container_resource_limits{" + ns + ",resource=\"cpu\"})",
                                "limits", "kube_pod_container_resource_limits"))),
                memory("sum(container_memory_working_set_bytes{" + sel + "})", legend,
                        "sum(kube_pod_container_resource_requests{" + ns + ",resource=\"memory\"})", "requests",
                        "sum(kube_pod_container_resource_limits{" + ns + ",resource=\"memory\"})", "limits"),
                network("sum(rate(container_network_receive_bytes_total{" + ns + "}[" + RATE_INTERVAL + "]))",
                        "sum(rate(container_network_transmit_bytes_total{" + ns + "}[" + RATE_INTERVAL + "]))", "in", "out",
                        "container_network"),
                new PanelSpec("restarts", "Restarts", Unit.COUNT, List.of(value(
                        "sum(kube_pod_container_status_restarts_total{" + ns + "})", legend,
                        "kube_pod_container_status_restarts_total"))),
                throttling("sum(rate(container_cpu_cfs_throttled_periods_total{" + sel + "}[" + RATE_INTERVAL + "]))"
                        + " / sum(rate(container_cpu_cfs_periods_total{" + sel + "}[" + RATE_INTERVAL + "]))", legend));
    }

    private static List<PanelSpec> node(String name) {
        String n = esc(name);
        String uname = " * on (instance) group_left (nodename) node_uname_info{nodename=\"" + n + "\"}";
        String podsOn = " * on (namespace, pod) group_left () max by (namespace, pod) (kube_pod_info{node=\"" + n + "\"})";
        String ksm = "node=\"" + n + "\"";
        List<PanelSpec> out = new ArrayList<>();
        out.add(new PanelSpec("cpu", "CPU", Unit.CORES, List.of(
                value("sum by (instance) (rate(node_cpu_seconds_total{mode!~\"idle|iowait|steal\"}[" + RATE_INTERVAL + "]))" + uname,
                        "{{nodename}}", "node_cpu_seconds_total", "node_uname_info"),
                threshold(Role.REQUEST, "sum(kube_pod_container_resource_requests{" + ksm + ",resource=\"cpu\"})",
                        "requests", "kube_pod_container_resource_requests"),
                threshold(Role.LIMIT, "sum(kube_node_status_allocatable{" + ksm + ",resource=\"cpu\"})",
                        "allocatable", "kube_node_status_allocatable"))));
        out.add(withMetrics(memory("sum by (instance) (node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes)" + uname,
                        "{{nodename}}", "sum(kube_pod_container_resource_requests{" + ksm + ",resource=\"memory\"})", "requests",
                        "sum(kube_node_status_allocatable{" + ksm + ",resource=\"memory\"})", "allocatable"),
                List.of("node_memory_MemTotal_bytes", "node_memory_MemAvailable_bytes", "node_uname_info"), "kube_node_status_allocatable"));
        out.add(withMetrics(network("sum by (instance) (rate(node_network_receive_bytes_total{" + NODE_DEVICES + "}[" + RATE_INTERVAL + "]))" + uname,
                        "sum by (instance) (rate(node_network_transmit_bytes_total{" + NODE_DEVICES + "}[" + RATE_INTERVAL + "]))" + uname,
                        "{{nodename}} in", "{{nodename}} out", "node_network"), List.of("node_uname_info"), null));
        out.add(new PanelSpec("restarts", "Restarts", Unit.COUNT, List.of(value(
                "sum(sum by (namespace, pod) (kube_pod_container_status_restarts_total)" + podsOn + ")", "restarts of its pods",
                "kube_pod_container_status_restarts_total", "kube_pod_info"))));
        out.add(new PanelSpec("throttling", "CPU throttling", Unit.RATIO, List.of(value(
                "sum(sum by (namespace, pod) (rate(container_cpu_cfs_throttled_periods_total{" + CONTAINERS + "}[" + RATE_INTERVAL + "]))" + podsOn + ")"
                        + " / sum(sum by (namespace, pod) (rate(container_cpu_cfs_periods_total{" + CONTAINERS + "}[" + RATE_INTERVAL + "]))" + podsOn + ")",
                "throttled periods of its containers", "container_cpu_cfs_throttled_periods_total", "container_cpu_cfs_periods_total",
                "kube_pod_info"))));
        return out;
    }

    private static List<PanelSpec> cluster() {
        List<PanelSpec> out = new ArrayList<>();
        out.add(new PanelSpec("cpu", "CPU", Unit.CORES, List.of(
                value("sum(rate(node_cpu_seconds_total{mode!~\"idle|iowait|steal\"}[" + RATE_INTERVAL + "]))", "used",
                        "node_cpu_seconds_total"),
                threshold(Role.REQUEST, "sum(kube_pod_container_resource_requests{resource=\"cpu\"})", "requests",
                        "kube_pod_container_resource_requests"),
                threshold(Role.LIMIT, "sum(kube_node_status_allocatable{resource=\"cpu\"})", "allocatable",
                        "kube_node_status_allocatable"))));
        out.add(withMetrics(memory("sum(node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes)", "used",
                        "sum(kube_pod_container_resource_requests{resource=\"memory\"})", "requests",
                        "sum(kube_node_status_allocatable{resource=\"memory\"})", "allocatable"),
                List.of("node_memory_MemTotal_bytes", "node_memory_MemAvailable_bytes"), "kube_node_status_allocatable"));
        out.add(network("sum(rate(node_network_receive_bytes_total{" + NODE_DEVICES + "}[" + RATE_INTERVAL + "]))",
                "sum(rate(node_network_transmit_bytes_total{" + NODE_DEVICES + "}[" + RATE_INTERVAL + "]))", "in", "out",
                "node_network"));
        out.add(new PanelSpec("restarts", "Restarts", Unit.COUNT, List.of(value(
                "sum(kube_pod_container_status_restarts_total)", "restarts of all containers",
                "kube_pod_container_status_restarts_total"))));
        out.add(throttling("sum(rate(container_cpu_cfs_throttled_periods_total{" + CONTAINERS + "}[" + RATE_INTERVAL + "]))"
                + " / sum(rate(container_cpu_cfs_periods_total{" + CONTAINERS + "}[" + RATE_INTERVAL + "]))", "all containers"));
        return out;
    }

    private static PanelSpec memory(String value, String legend, String request, String requestLegend, String limit,
                                    String limitLegend) {
        return new PanelSpec("memory", "Memory (working set)", Unit.BYTES, List.of(
                value(value, legend, "container_memory_working_set_bytes"),
                threshold(Role.REQUEST, request, requestLegend, "kube_pod_container_resource_requests"),
                threshold(Role.LIMIT, limit, limitLegend, "kube_pod_container_resource_limits")));
    }

    /** @param family "container_network" or "node_network" */
    private static PanelSpec network(String in, String out, String inLegend, String outLegend, String family) {
        return new PanelSpec("network", "Network", Unit.BYTES_PER_SECOND, List.of(
                value(in, inLegend, family + "_receive_bytes_total"),
                value(out, outLegend, family + "_transmit_bytes_total")));
    }

    private static PanelSpec throttling(String ratio, String legend) {
        return new PanelSpec("throttling", "CPU throttling", Unit.RATIO, List.of(value(ratio, legend,
                "container_cpu_cfs_throttled_periods_total", "container_cpu_cfs_periods_total")));
    }

    /** The panel with the owner metrics a workload's pods come from added to every query's metrics. */
    private static PanelSpec withOwners(PanelSpec p, List<String> owners) {
        return new PanelSpec(p.id(), p.title(), p.unit(), p.queries().stream().map(q -> {
            List<String> m = new ArrayList<>(q.metrics());
            m.addAll(owners);
            return new QuerySpec(q.promql(), q.legend(), q.role(), m);
        }).toList());
    }

    /** The panel with its value queries reading {@code values} and its limit reading {@code limitMetric}. */
    private static PanelSpec withMetrics(PanelSpec p, List<String> values, String limitMetric) {
        return new PanelSpec(p.id(), p.title(), p.unit(), p.queries().stream().map(q -> switch (q.role()) {
            case VALUE -> {
                List<String> m = new ArrayList<>(q.metrics().stream()
                        .filter(x -> !x.equals("container_memory_working_set_bytes")).toList());
                values.forEach(v -> {
                    if (!m.contains(v)) {
                        m.add(v);
                    }
                });
                yield new QuerySpec(q.promql(), q.legend(), q.role(), m);
            }
            case LIMIT -> limitMetric == null ? q : new QuerySpec(q.promql(), q.legend(), q.role(), List.of(limitMetric));
            case REQUEST -> q;
        }).toList());
    }

    private static QuerySpec value(String promql, String legend, String... metrics) {
        return new QuerySpec(promql, legend, Role.VALUE, List.of(metrics));
    }

    private static QuerySpec threshold(Role role, String promql, String legend, String... metrics) {
        return new QuerySpec(promql, legend, role, List.of(metrics));
    }

    private static String sel(KubeRef pod, String extra) {
        return pod(pod) + "," + extra;
    }

    private static String pod(KubeRef pod) {
        return "namespace=\"" + esc(pod.namespace()) + "\",pod=\"" + esc(pod.name()) + "\"";
    }

    /** A PromQL string literal's content. */
    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
