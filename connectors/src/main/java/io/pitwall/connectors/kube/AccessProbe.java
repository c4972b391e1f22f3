package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Asks the API server, once per kind, whether this user may list and watch it: a
 * SelfSubjectAccessReview, which changes nothing. What the user may not list is shown as
 * "no access" instead of failing watches over and over.
 */
final class AccessProbe {

    private final KubernetesClient client;

    AccessProbe(KubernetesClient client) {
        this.client = client;
    }

    /** Whether list and watch on {@code group/resource} are allowed in {@code namespace} ("" for all). */
    boolean canListAndWatch(String group, String resource, String namespace) {
        return allowed("list", group, resource, namespace) && allowed("watch", group, resource, namespace);
    }

    private boolean allowed(String verb, String group, String resource, String namespace) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                .withNewSpec().withNewResourceAttributes()
                .withVerb(verb).withGroup(group).withResource(resource).withNamespace(namespace)
                .endResourceAttributes().endSpec().build();
        try {
            SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
            return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
        } catch (KubernetesClientException e) {
            // a server that refuses the review itself: try the watch and let it say
            return e.getCode() != 403;
        }
    }
}
