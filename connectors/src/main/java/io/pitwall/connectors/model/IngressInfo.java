package io.pitwall.connectors.model;

import java.util.List;

/** An Ingress: the hosts it serves and the services its rules send traffic to. */
public record IngressInfo(String namespace, String name, List<String> hosts, List<String> services) {

    public IngressInfo {
        hosts = List.copyOf(hosts);
        services = List.copyOf(services);
    }

    public KubeRef ref() {
        return new KubeRef("Ingress", namespace, name);
    }
}
