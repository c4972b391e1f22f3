package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pitwall.connectors.model.KubeRef;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Kubernetes objects by {@link KubeRef}: what an offline session keeps to show an object's YAML. */
public final class ClusterObjects {

    private final Map<KubeRef, HasMetadata> byRef = new HashMap<>();

    public ClusterObjects(Collection<? extends HasMetadata> objects) {
        for (HasMetadata o : objects) {
            if (o.getMetadata() != null && o.getMetadata().getName() != null && o.getKind() != null) {
                byRef.put(ObjectYaml.ref(o), o);
            }
        }
    }

    public Optional<HasMetadata> get(KubeRef ref) {
        return Optional.ofNullable(byRef.get(ref));
    }

    /** The object's YAML, secret values redacted. */
    public Optional<String> yaml(KubeRef ref) {
        return get(ref).map(ObjectYaml::redacted);
    }
}
