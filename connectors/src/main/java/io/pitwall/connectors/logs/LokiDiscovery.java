package io.pitwall.connectors.logs;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.LokiEndpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a cluster's Loki Services by the names the usual installs give them: the loki chart's
 * {@code loki-gateway} (the one entry point of a scalable install), {@code loki-read} and
 * {@code loki-query-frontend}, a single-binary {@code loki}; in the namespaces Loki is usually put
 * in first (loki, logging, monitoring, observability). The user picks one. Reads only: a list of Services (across
 * namespaces, else in the usual namespaces when that is forbidden).
 */
public final class LokiDiscovery {

    /** Namespaces looked in when the context may not list Services across the cluster, in order of likelihood. */
    public static final List<String> USUAL_NAMESPACES = List.of("loki", "logging", "monitoring", "observability");
    /** Service names, most likely first (the gateway fronts reads and the tail). */
    private static final List<String> NAMES = List.of("loki-gateway", "loki", "loki-read", "loki-query-frontend");
    private static final List<String> PORTS = List.of("http-metrics", "http", "3100", "80", "8080");

    /** One Service that looks like Loki; lower {@code rank} is the more likely pick. */
    public record Candidate(EndpointTarget.InCluster target, String why, int rank) {

        /** The same Service as the endpoints dialog offers every found Service (its flavor means nothing here). */
        public io.pitwall.connectors.prometheus.PrometheusDiscovery.Candidate asCandidate() {
            return new io.pitwall.connectors.prometheus.PrometheusDiscovery.Candidate(
                    io.pitwall.connectors.prometheus.PrometheusDiscovery.Kind.LOKI,
                    io.pitwall.connectors.prometheus.PrometheusEndpoint.Flavor.PROMETHEUS, target, why, rank);
        }

        /** A Loki endpoint for this Service, named after it, with the context's own credentials. */
        public LokiEndpoint toLoki() {
            return new LokiEndpoint(target.service(), target, null, Optional.empty());
        }
    }

    private LokiDiscovery() {
    }

    /** Lists the cluster's Services and ranks the candidates. Blocking: call it off the FX thread. */
    public static List<Candidate> find(KubernetesClient client) {
        return candidates(io.pitwall.connectors.kube.ServiceLists.readable(client, USUAL_NAMESPACES));
    }

    /** The candidates among {@code services}, most likely first. */
    public static List<Candidate> candidates(List<Service> services) {
        List<Candidate> out = new ArrayList<>();
        for (Service s : services) {
            String name = s.getMetadata().getName().toLowerCase(Locale.ROOT);
            String ns = s.getMetadata().getNamespace();
            int n = nameRank(name);
            if (n < 0) {
                continue;
            }
            Optional<ServicePort> port = port(s);
            if (port.isEmpty()) {
                continue;
            }
            ServicePort p = port.get();
            String portRef = p.getName() != null && !p.getName().isBlank() ? p.getName() : String.valueOf(p.getPort());
            boolean tls = (p.getName() != null && p.getName().startsWith("https")) || p.getPort() == 443;
            int nsRank = USUAL_NAMESPACES.indexOf(ns) < 0 ? USUAL_NAMESPACES.size() : USUAL_NAMESPACES.indexOf(ns);
            out.add(new Candidate(new EndpointTarget.InCluster(ns, s.getMetadata().getName(), portRef, tls ? "https" : "http", ""),
                    why(name), n * 10 + nsRank));
        }
        out.sort(Comparator.comparingInt(Candidate::rank).thenComparing(c -> c.target().namespace())
                .thenComparing(c -> c.target().service()));
        return out;
    }

    /** The rank of a Service name (the chart prefixes it with the release: "mystack-loki-gateway"), or -1. */
    private static int nameRank(String name) {
        for (int i = 0; i < NAMES.size(); i++) {
            String n = NAMES.get(i);
            if (name.equals(n) || name.endsWith("-" + n)) {
                return i;
            }
        }
        return -1;
    }

    private static String why(String name) {
        if (name.endsWith("loki-gateway")) {
            return "the loki chart's gateway";
        }
        if (name.endsWith("loki-read") || name.endsWith("loki-query-frontend")) {
            return "Loki's read path";
        }
        return "a single Loki";
    }

    private static Optional<ServicePort> port(Service s) {
        List<ServicePort> ports = s.getSpec() == null || s.getSpec().getPorts() == null ? List.of() : s.getSpec().getPorts();
        for (String w : PORTS) {
            for (ServicePort p : ports) {
                if (w.equals(p.getName()) || w.equals(String.valueOf(p.getPort()))) {
                    return Optional.of(p);
                }
            }
        }
        return ports.size() == 1 ? Optional.of(ports.getFirst()) : Optional.empty();
    }
}
