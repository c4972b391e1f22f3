package io.pitwall.connectors.prometheus;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the Prometheus-compatible and Alertmanager Services of a cluster, as Lens does, by the
 * names the usual installs give them: prometheus-operator ({@code prometheus-operated}),
 * kube-prometheus ({@code monitoring/prometheus-k8s}), the kube-prometheus-stack chart
 * ({@code *-kube-prometheus-prometheus}, {@code kube-prometheus-stack-prometheus}), the prometheus
 * chart ({@code prometheus-server}), Thanos queriers, Mimir gateways and VictoriaMetrics. The user
 * picks one or overrides it. Reads only: a list of Services (across namespaces, else in the usual
 * monitoring namespaces when that is forbidden).
 */
public final class PrometheusDiscovery {

    /** Namespaces looked in when the context may not list Services across the cluster. */
    public static final List<String> USUAL_NAMESPACES = List.of("monitoring", "prometheus", "observability",
            "kube-prometheus-stack", "openshift-monitoring", "cattle-monitoring-system", "kube-system", "default");

    /**
     * What a found Service serves (a Loki found by {@link io.pitwall.connectors.logs.LokiDiscovery} is
     * offered as LOKI, a Jaeger query service or a Zipkin found by
     * {@link io.pitwall.connectors.traces.TraceDiscovery} as JAEGER or ZIPKIN).
     */
    public enum Kind { PROMETHEUS, ALERTMANAGER, LOKI, JAEGER, ZIPKIN }

    /**
     * One Service that looks like an endpoint.
     *
     * @param why   what it was recognised by ("kube-prometheus's Prometheus")
     * @param rank  lower is the more likely pick
     */
    public record Candidate(Kind kind, PrometheusEndpoint.Flavor flavor, EndpointTarget.InCluster target, String why,
                            int rank) {

        /** A Prometheus endpoint for this Service, named after it, with the context's own credentials. */
        public PrometheusEndpoint toPrometheus() {
            return new PrometheusEndpoint(target.service(), flavor, target, null, Optional.empty(), Optional.empty());
        }

        /** An Alertmanager endpoint for this Service. */
        public AlertmanagerEndpoint toAlertmanager() {
            return new AlertmanagerEndpoint(target.service(), target, null);
        }
    }

    private record Rule(Kind kind, PrometheusEndpoint.Flavor flavor, Predicate<String> name, List<String> ports,
                        String path, String why) {
    }

    private static final List<Rule> RULES = List.of(
            rule(Kind.PROMETHEUS, PrometheusEndpoint.Flavor.PROMETHEUS, n -> n.equals("prometheus-k8s"), "web|9090", "",
                    "kube-prometheus's Prometheus"),
            rule(Kind.PROMETHEUS, PrometheusEndpoint.Flavor.PROMETHEUS, n -> n.endsWith("-kube-prometheus-prometheus")
                    || n.equals("kube-prometheus-stack-prometheus") || n.endsWith("-kube-prometheus-stack-prometheus"),
                    "http-web|web|9090", "", "the kube-prometheus-stack chart's Prometheus"),
            rule(Kind.PROMETHEUS, PrometheusEndpoint.Flavor.PROMETHEUS, n -> n.equals("prometheus-operated"), "web|9090", "",
                    "prometheus-operator's Prometheus"),
            rule(Kind.PROMETHEUS, PrometheusEndpoint.Flavor.PROMETHEUS, n -> n.equals("prometheus-server")
                    || n.endsWith("-prometheus-server"), "http|80|9090", "", "the prometheus chart's server"),
            rule(Kind.PROMETHEUS, PrometheusEndpoint.Flavor.THANOS, n -> n.equals("thanos-querier") || n.equals("thanos-query")
                    || n.endsWith("-thanos-query") || n.endsWith("-thanos-querier") || n.endsWith("-query-frontend")
                    && n.contains("thanos"), "web|http|9090|10902|9091", "", "a Thanos querier"),
            rule(Kind.PROMETHEUS, PrometheusEndpoint.Flavor.MIMIR, n -> n.contains("mimir") && (n.endsWith("-gateway")
                    || n.endsWith("-nginx") || n.endsWith("-query-frontend")), "http-metrics|http|80|8080", "/prometheus",
                    "a Mimir gateway"),
            rule(Kind.PROMETHEUS, PrometheusEndpoint.Flavor.VICTORIAMETRICS, n -> n.startsWith("vmsingle")
                    || n.contains("victoria-metrics-single"), "http|8429", "", "a VictoriaMetrics single node"),
            rule(Kind.PROMETHEUS, PrometheusEndpoint.Flavor.VICTORIAMETRICS, n -> n.startsWith("vmselect")
                    || n.contains("vmselect"), "http|8481", "/select/0/prometheus", "VictoriaMetrics's vmselect"),
            rule(Kind.PROMETHEUS, PrometheusEndpoint.Flavor.PROMETHEUS, n -> n.equals("prometheus"), "web|http|9090|80", "",
                    "a Service named prometheus"),
            rule(Kind.ALERTMANAGER, null, n -> n.equals("alertmanager-main"), "web|9093", "", "kube-prometheus's Alertmanager"),
            rule(Kind.ALERTMANAGER, null, n -> n.endsWith("-kube-prometheus-alertmanager")
                    || n.endsWith("kube-prometheus-stack-alertmanager"), "http-web|web|9093", "",
                    "the kube-prometheus-stack chart's Alertmanager"),
            rule(Kind.ALERTMANAGER, null, n -> n.equals("alertmanager-operated"), "web|9093", "",
                    "prometheus-operator's Alertmanager"),
            rule(Kind.ALERTMANAGER, null, n -> n.equals("prometheus-alertmanager") || n.endsWith("-alertmanager")
                    || n.equals("alertmanager"), "http|web|9093|80", "", "an Alertmanager"));

    private static Rule rule(Kind kind, PrometheusEndpoint.Flavor flavor, Predicate<String> name, String ports, String path,
                             String why) {
        return new Rule(kind, flavor, name, List.of(ports.split("\\|")), path, why);
    }

    private PrometheusDiscovery() {
    }

    /** Lists the cluster's Services and ranks the candidates. Blocking: call it off the FX thread. */
    public static List<Candidate> find(KubernetesClient client) {
        return candidates(io.pitwall.connectors.kube.ServiceLists.readable(client, USUAL_NAMESPACES));
    }

    /** The candidates among {@code services}, most likely first. */
    public static List<Candidate> candidates(List<Service> services) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        for (Service s : services) {
            String name = s.getMetadata().getName().toLowerCase(Locale.ROOT);
            for (int i = 0; i < RULES.size(); i++) {
                Rule r = RULES.get(i);
                if (!r.name().test(name)) {
                    continue;
                }
                Optional<ServicePort> port = port(s, r.ports());
                if (port.isEmpty()) {
                    continue;
                }
                ServicePort p = port.get();
                String portRef = p.getName() != null && !p.getName().isBlank() ? p.getName() : String.valueOf(p.getPort());
                String scheme = isTls(p) ? "https" : "http";
                int rank = i * 10 + (namespaceRank(s.getMetadata().getNamespace()));
                String key = s.getMetadata().getNamespace() + "/" + s.getMetadata().getName();
                Candidate c = new Candidate(r.kind(), r.flavor() == null ? PrometheusEndpoint.Flavor.PROMETHEUS : r.flavor(),
                        new EndpointTarget.InCluster(s.getMetadata().getNamespace(), s.getMetadata().getName(), portRef,
                                scheme, r.path()), r.why(), rank);
                found.putIfAbsent(key, c);
                break;
            }
        }
        return found.values().stream().sorted(Comparator.comparingInt(Candidate::rank)
                .thenComparing(c -> c.target().namespace()).thenComparing(c -> c.target().service())).toList();
    }

    private static Optional<ServicePort> port(Service s, List<String> wanted) {
        List<ServicePort> ports = s.getSpec() == null || s.getSpec().getPorts() == null ? List.of() : s.getSpec().getPorts();
        for (String w : wanted) {
            for (ServicePort p : ports) {
                if (w.equals(p.getName()) || w.equals(String.valueOf(p.getPort()))) {
                    return Optional.of(p);
                }
            }
        }
        return ports.size() == 1 ? Optional.of(ports.getFirst()) : Optional.empty();
    }

    private static boolean isTls(ServicePort p) {
        String name = p.getName() == null ? "" : p.getName();
        return name.startsWith("https") || "https".equalsIgnoreCase(p.getAppProtocol()) || p.getPort() == 443;
    }

    private static int namespaceRank(String ns) {
        int i = USUAL_NAMESPACES.indexOf(ns);
        return i < 0 ? 9 : Math.min(i, 8);
    }
}
