package io.pitwall.connectors.kube;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One context of the merged kubeconfig, as the cluster switcher lists it.
 *
 * @param namespace the context's default namespace, when it sets one
 * @param source    the kubeconfig file that defines the context
 * @param problem   why this context cannot work (a missing user or cluster), when it cannot
 */
public record KubeContext(String name, String cluster, String user, Optional<String> namespace, Path source,
                          Optional<String> problem) {

    public KubeContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    public boolean usable() {
        return problem.isEmpty();
    }
}
