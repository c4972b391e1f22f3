package io.pitwall.connectors.it;

import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/** fabric8 clients for the contexts of the backends' kubeconfig. */
public final class Kube {

    private Kube() {
    }

    /**
     * Creates namespace {@code name} and waits until pods can be created in it: the
     * controller-manager must first give it its default ServiceAccount (slower right after an
     * API server restart, while the controllers reconnect).
     */
    public static void createNamespace(KubernetesClient admin, String name) {
        admin.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata().withName(name).endMetadata().build()).create();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (admin.serviceAccounts().inNamespace(name).withName("default").get() == null) {
            if (System.nanoTime() > deadline) {
                fail("kube-controller-manager gave namespace " + name + " no default ServiceAccount within 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Runs an edit again when the API server answers 409 Conflict: the controllers (node
     * lifecycle, taints, ...) write a new object right after it is created, so a read-modify-write
     * from a test can lose the race. Retries up to 20 times, 100 ms apart.
     */
    public static void retryOnConflict(Runnable edit) {
        for (int attempt = 1; ; attempt++) {
            try {
                edit.run();
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt >= 20) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public static KubernetesClient client(Backends backends, String context) {
        Path kubeconfig = backends.kubeconfig();
        if (!Files.isReadable(kubeconfig)) {
            fail("cannot read kubeconfig " + kubeconfig + " (re-run `backends/backends.sh up`)");
        }
        Config config = Config.fromKubeconfig(context, kubeconfig.toFile());
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
