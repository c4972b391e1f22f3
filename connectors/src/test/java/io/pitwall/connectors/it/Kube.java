package io.pitwall.connectors.it;

import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/** fabric8 clients for the contexts of the backends' kubeconfig. */
final class Kube {

    private Kube() {
    }

    static KubernetesClient client(Backends backends, String context) {
        Path kubeconfig = backends.kubeconfig();
        if (!Files.isReadable(kubeconfig)) {
            fail("cannot read kubeconfig " + kubeconfig + " (re-run `backends/backends.sh up`)");
        }
        Config config = Config.fromKubeconfig(context, kubeconfig.toFile());
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
