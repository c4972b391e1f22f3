package io.pitwall.connectors.traces;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.PrometheusDiscovery;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.prometheus.TraceEndpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a cluster's trace backends by the names and ports the usual installs give them: a Jaeger
 * query service ({@code jaeger-query} of the jaeger chart, {@code NAME-query} of the Jaeger
 * operator, an all-in-one {@code jaeger}: its UI and API port 16686, often named {@code query} or
 * {@code http-query}) and Zipkin ({@code zipkin}, port 9411). A collector that merely receives
 * Zipkin spans on 9411 is not offered: it answers no queries. Reads only: a list of Services.
 */
public final class TraceDiscovery {

    /** Namespaces looked in when the context may not list Services across the cluster, in order of likelihood. */
    public static final List<String> USUAL_NAMESPACES = List.of("observability", "tracing", "jaeger", "zipkin",
            "monitoring", "istio-system", "default");
    private static final List<String> JAEGER_PORTS = List.of("http-query", "query", "16686");
    private static final List<String> ZIPKIN_PORTS = List.of("http", "http-query", "9411");

    /** One Service that looks like a trace backend; lower {@code rank} is the more likely pick. */
    public record Candidate(PrometheusDiscovery.Kind kind, EndpointTarget.InCluster target, String why, int rank) {

        /** The same Service as the endpoints dialog offers every found Service (its flavor means nothing here). */
        public PrometheusDiscovery.Candidate asCandidate() {
            return new PrometheusDiscovery.Candidate(kind, PrometheusEndpoint.Flavor.PROMETHEUS, target, why, rank);
        }

        /** A trace endpoint for this Service, named after it, with the context's own credentials. */
        public TraceEndpoint toTraceEndpoint() {
            TraceEndpoint.Protocol protocol = kind == PrometheusDiscovery.Kind.ZIPKIN ? TraceEndpoint.Protocol.ZIPKIN
                    : TraceEndpoint.Protocol.JAEGER_V1;
            return new TraceEndpoint(target.service(), protocol, target, HttpSettings.DEFAULT);
        }
    }

    private TraceDiscovery() {
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
            if (name.contains("collector") || name.contains("agent")) {
                continue;
            }
            int nsRank = USUAL_NAMESPACES.indexOf(ns) < 0 ? USUAL_NAMESPACES.size() : USUAL_NAMESPACES.indexOf(ns);
            Optional<ServicePort> jaeger = port(s, JAEGER_PORTS, false);
            int jaegerName = jaegerNameRank(name);
            if (jaeger.isPresent() && (jaegerName >= 0 || jaeger.get().getPort() == 16686)) {
                out.add(candidate(s, PrometheusDiscovery.Kind.JAEGER, jaeger.get(), jaegerName < 0 ? "port 16686 (Jaeger's"
                        + " query port)" : jaegerName == 0 ? "Jaeger's query service" : "a Jaeger all-in-one",
                        (jaegerName < 0 ? 3 : jaegerName) * 10 + nsRank));
                continue;
            }
            if (name.contains("zipkin")) {
                port(s, ZIPKIN_PORTS, true).ifPresent(p -> out.add(candidate(s, PrometheusDiscovery.Kind.ZIPKIN, p,
                        "a Zipkin server", 20 + nsRank)));
            }
        }
        out.sort(Comparator.comparingInt(Candidate::rank).thenComparing(c -> c.target().namespace())
                .thenComparing(c -> c.target().service()));
        return out;
    }

    /** 0 for a query service ("jaeger-query", "NAME-query" of the operator), 1 for an all-in-one, -1 for neither. */
    private static int jaegerNameRank(String name) {
        if (name.equals("jaeger-query") || name.endsWith("-jaeger-query") || name.endsWith("-query")) {
            return 0;
        }
        if (name.equals("jaeger") || name.endsWith("-jaeger") || name.contains("jaeger")) {
            return 1;
        }
        return -1;
    }

    private static Candidate candidate(Service s, PrometheusDiscovery.Kind kind, ServicePort p, String why, int rank) {
        String portRef = p.getName() != null && !p.getName().isBlank() ? p.getName() : String.valueOf(p.getPort());
        boolean tls = (p.getName() != null && p.getName().startsWith("https")) || p.getPort() == 443;
        return new Candidate(kind, new EndpointTarget.InCluster(s.getMetadata().getNamespace(), s.getMetadata().getName(),
                portRef, tls ? "https" : "http", ""), why, rank);
    }

    private static Optional<ServicePort> port(Service s, List<String> wanted, boolean single) {
        List<ServicePort> ports = s.getSpec() == null || s.getSpec().getPorts() == null ? List.of() : s.getSpec().getPorts();
        for (String w : wanted) {
            for (ServicePort p : ports) {
                if (w.equals(p.getName()) || w.equals(String.valueOf(p.getPort()))) {
                    return Optional.of(p);
                }
            }
        }
        return single && ports.size() == 1 ? Optional.of(ports.getFirst()) : Optional.empty();
    }
}
