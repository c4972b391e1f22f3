package io.pitwall.connectors.model;

import java.util.List;
import java.util.Map;

/** A Service: its selector ties it to pods; {@code type} is ClusterIP, NodePort, LoadBalancer... */
public record ServiceInfo(String namespace, String name, String type, Map<String, String> selector,
                          List<String> ports) {

    public ServiceInfo {
        selector = Map.copyOf(selector);
        ports = List.copyOf(ports);
    }

    public KubeRef ref() {
        return new KubeRef("Service", namespace, name);
    }
}
