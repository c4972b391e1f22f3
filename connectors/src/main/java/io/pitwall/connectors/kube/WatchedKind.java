package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * One kind the cluster watcher follows: the fabric8 classes of its API versions, newest first,
 * and where it lives in RBAC terms.
 *
 * @param kind       the kind's name, as panes and "no access" show it
 * @param group      its API group ("" for the core group), for the access review
 * @param resource   its plural resource name, for the access review
 * @param namespaced whether it lives in namespaces
 * @param versions   its classes, newest API version first; the first the server offers is used
 */
record WatchedKind(String kind, String group, String resource, boolean namespaced,
                   List<Class<? extends HasMetadata>> versions) {

    @SafeVarargs
    static WatchedKind of(String kind, String group, String resource, boolean namespaced,
                          Class<? extends HasMetadata>... versions) {
        return new WatchedKind(kind, group, resource, namespaced, List.of(versions));
    }
}
