package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.logs.KubeLogs;
import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogQueryException;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes log API fallback on the real kube-apiserver. There is no kubelet, so the server
 * fails every pod log with a 500: Pitwall must say so in words naming the pod, and must only have
 * read (GET .../pods/NAME/log with timestamps, sinceTime, tailLines, limitBytes), as the audit log shows.
 */
class KubeLogsIT {

    private final Backends backends = Backends.load();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String namespace = "pitwall-logs-" + suffix;
    private final String nodeName = "pitwall-logs-node-" + suffix;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private KubernetesClient admin;

    @BeforeEach
    void setUp() {
        admin = Kube.client(backends, backends.adminContext());
        Kube.createNamespace(admin, namespace);
        // a node with an address nobody answers at: the API server's request to its kubelet fails
        admin.nodes().resource(new NodeBuilder().withNewMetadata().withName(nodeName).endMetadata().build()).create();
        Kube.retryOnConflict(() -> admin.nodes().withName(nodeName).editStatus(n -> {
            n.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder().addNewAddress().withType("InternalIP")
                    .withAddress("127.0.0.1").endAddress().withNewDaemonEndpoints().withNewKubeletEndpoint()
                    .withPort(1).endKubeletEndpoint().endDaemonEndpoints().build());
            return n;
        }));
        admin.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withNodeName(nodeName).addNewContainer().withName("app").withImage("nginx:1.27")
                .endContainer().endSpec().build()).create();
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
        if (admin != null) {
            admin.namespaces().withName(namespace).delete();
            admin.nodes().withName(nodeName).delete();
            admin.close();
        }
    }

    @Test
    void theServersFailureIsSaidInWordsNamingThePodAndOnlyReadsWereSent() {
        Instant since = Instant.now().minusSeconds(1);
        TimeRange range = TimeRange.ending(Instant.now(), Duration.ofMinutes(15));
        try (KubernetesClient viewer = Kube.client(backends, backends.adminContext());
             KubeLogs logs = new KubeLogs(viewer, Optional::empty, Executors.newVirtualThreadPerTaskExecutor(), scheduler)) {
            Throwable t = catchThrowable(() -> logs.query(new LogQuery(new LogScope.Container(
                    new KubeRef("Pod", namespace, "web"), "app", false), "", range, 500, true)).join());
            assertThat(t).isInstanceOf(CompletionException.class).cause().isInstanceOf(LogQueryException.class);
            LogQueryException e = (LogQueryException) t.getCause();
            assertThat(e.kind()).isEqualTo("server_error");
            assertThat(e.getMessage()).startsWith("the Kubernetes log API failed for pod " + namespace + "/web container app"
                    + " (HTTP 500): ").doesNotContain("Exception").doesNotContain("\n");
        }
        List<ReadOnlyAudit.Request> seen = ReadOnlyAudit.assertOnlyReads(backends.auditLog(), "pitwall/", since);
        assertThat(seen).filteredOn(r -> r.uri().contains("/namespaces/" + namespace + "/pods/web/log"))
                .as("one GET of the log, not retried").singleElement().satisfies(r -> {
                    assertThat(r.verb()).isEqualTo("get");
                    assertThat(r.uri()).contains("container=app").contains("timestamps=true").contains("sinceTime=")
                            .contains("tailLines=500").contains("limitBytes=");
                });
    }
}
