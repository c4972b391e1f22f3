package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pitwall.connectors.it.Backends.Server;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real kube-apiserver (on etcd) through fabric8: the admin context reads, the viewer gets 403. */
class KubeApiServerIT {

    private final Backends backends = Backends.load();

    @Test
    void adminListsNamespaces() {
        try (KubernetesClient admin = Kube.client(backends, backends.adminContext())) {
            List<String> names = admin.namespaces().list().getItems().stream()
                    .map(Namespace::getMetadata).map(m -> m.getName()).toList();
            assertThat(names).contains("default", "kube-system", backends.viewerNamespace(), backends.otherNamespace());
            assertThat(admin.getKubernetesVersion().getGitVersion()).startsWith("v1.");
        }
    }

    @Test
    void viewerReadsItsOwnNamespace() {
        try (KubernetesClient viewer = Kube.client(backends, backends.viewerContext())) {
            assertThat(viewer.pods().inNamespace(backends.viewerNamespace()).list().getItems()).isNotNull();
            assertThat(viewer.services().inNamespace(backends.viewerNamespace()).list().getItems()).isNotNull();
        }
    }

    @Test
    void viewerGets403OnAnotherNamespace() {
        try (KubernetesClient viewer = Kube.client(backends, backends.viewerContext())) {
            KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
                    () -> viewer.pods().inNamespace(backends.otherNamespace()).list());
            assertThat(e).as("listing pods in " + backends.otherNamespace() + " as the viewer").isNotNull();
            assertThat(e.getCode()).isEqualTo(403);
        }
    }

    @Test
    void viewerGets403OnClusterScopedNamespaces() {
        try (KubernetesClient viewer = Kube.client(backends, backends.viewerContext())) {
            KubernetesClientException e = catchThrowableOfType(KubernetesClientException.class,
                    () -> viewer.namespaces().list());
            assertThat(e).isNotNull();
            assertThat(e.getCode()).isEqualTo(403);
        }
    }

    @Test
    void etcdBehindTheApiserverIsHealthy() {
        JsonNode health = Http.getJson("etcd", backends.require(Server.ETCD), "/health");
        assertThat(health.path("health").asText()).as("etcd /health").isEqualTo("true");
    }
}
