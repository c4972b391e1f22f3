package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/** The cluster's Services that a context may read, for finding the backends that run in it. */
public final class ServiceLists {

    private ServiceLists() {
    }

    /**
     * Every Service in the cluster; when the context may not list them across namespaces (403),
     * those of {@code usualNamespaces} it may read. Blocking: call it off the FX thread.
     */
    public static List<Service> readable(KubernetesClient client, List<String> usualNamespaces) {
        try {
            return client.services().inAnyNamespace().list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            List<Service> services = new ArrayList<>();
            for (String ns : usualNamespaces) {
                try {
                    services.addAll(client.services().inNamespace(ns).list().getItems());
                } catch (KubernetesClientException denied) {
                    // a namespace this context may not read
                }
            }
            return services;
        }
    }
}
