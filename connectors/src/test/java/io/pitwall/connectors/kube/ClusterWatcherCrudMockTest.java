package io.pitwall.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.WorkloadInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster watcher against fabric8's CRUD mock API server ({@link MockApiServer}), for the API
 * versions the it tier's real 1.20 server lacks (discovery.k8s.io/v1 EndpointSlice, batch/v1
 * CronJob, autoscaling/v2 HorizontalPodAutoscaler), for access denied, and for lists that fail.
 */
class ClusterWatcherCrudMockTest {

    private static final List<Class<? extends HasMetadata>> NEWEST = MockApiServer.NEWEST;

    private final MockApiServer mock = new MockApiServer();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicReference<ClusterState> latest = new AtomicReference<>();
    /** The test's own client, as a kubelet or kubectl would write: fabric8's User-Agent. */
    private final KubernetesClient admin = mock.admin();
    /** Pitwall's client, the one the watcher reads with. */
    private KubernetesClient pitwall = mock.pitwall();
    private ClusterWatcher watcher;

    @AfterEach
    void tearDown() {
        if (watcher != null) {
            watcher.close();
        }
        timer.shutdownNow();
        pitwall.close();
        mock.close();
    }

    private ClusterState start() throws Exception {
        watcher = new ClusterWatcher(pitwall, Optional.of("test"), timer, Clock.systemUTC(), latest::set);
        return watcher.start().get(20, TimeUnit.SECONDS);
    }

    private ClusterState awaitState(String what, Predicate<ClusterState> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            ClusterState s = latest.get();
            if (s != null && condition.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        return fail("not within 10 s: " + what + "; last state " + latest.get());
    }

    private List<String> pitwallRequests() throws InterruptedException {
        return mock.pitwallRequests();
    }

    private void createNamespaceAndPod(String name) {
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build()).create();
        admin.pods().inNamespace("shop").resource(pod(name)).create();
    }

    private static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("shop").addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("registry.invalid/web:1.0").endContainer()
                .endSpec().withNewStatus().withPhase("Pending").endStatus().build();
    }

    private static Optional<PodInfo> pod(ClusterState s, String name) {
        return s.pods().stream().filter(p -> p.namespace().equals("shop") && p.name().equals(name)).findFirst();
    }

    private void createNewestOnlyKinds() {
        admin.resource(new io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder()
                .withNewMetadata().withName("web-abc12").withNamespace("shop").endMetadata()
                .withAddressType("IPv4").build()).create();
        admin.resource(new io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder()
                .withNewMetadata().withName("nightly").withNamespace("shop").endMetadata()
                .withNewSpec().withSchedule("0 3 * * *").withNewJobTemplate().withNewSpec().withNewTemplate().withNewSpec()
                .addNewContainer().withName("report").withImage("registry.invalid/report:1").endContainer()
                .withRestartPolicy("OnFailure").endSpec().endTemplate().endSpec().endJobTemplate().endSpec().build()).create();
        admin.resource(new io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder()
                .withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                .withNewSpec().withMaxReplicas(5).withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment")
                .withName("web").endScaleTargetRef().endSpec().build()).create();
    }

    @Test
    void theNewestVersionsAreWatchedWhereTheServerOffersThem() throws Exception {
        mock.serve(NEWEST);
        mock.allowAllBut();
        createNamespaceAndPod("web-1");
        createNewestOnlyKinds();

        ClusterState s = start();

        assertThat(s.absent()).isEmpty();
        assertThat(s.noAccess()).isEmpty();
        assertThat(s.namespaces()).contains("shop");
        assertThat(pod(s, "web-1")).isPresent();
        assertThat(s.workloads()).extracting(WorkloadInfo::kind, WorkloadInfo::name).contains(
                org.assertj.core.groups.Tuple.tuple("CronJob", "nightly"));
        assertThat(s.counts()).containsEntry("EndpointSlice", 1).containsEntry("HorizontalPodAutoscaler", 1)
                .containsEntry("CronJob", 1);
        List<String> requests = pitwallRequests();
        // discovery was asked, and the lists went to the newest versions, never the older ones
        assertThat(requests).contains("GET /apis/discovery.k8s.io/v1", "GET /apis/batch/v1", "GET /apis/autoscaling/v2", "GET /api/v1")
                .anyMatch(r -> r.startsWith("GET /apis/discovery.k8s.io/v1/endpointslices"))
                .anyMatch(r -> r.startsWith("GET /apis/batch/v1/cronjobs"))
                .anyMatch(r -> r.startsWith("GET /apis/autoscaling/v2/horizontalpodautoscalers"))
                .noneMatch(r -> r.contains("/v1beta1/") || r.contains("/v2beta2/"));
    }

    @Test
    void olderVersionsAreWatchedWhereTheNewestAreNotServed() throws Exception {
        // a Kubernetes 1.20: CronJob only in batch/v1beta1, EndpointSlice in discovery.k8s.io/v1beta1,
        // HorizontalPodAutoscaler up to autoscaling/v2beta2
        List<Class<? extends HasMetadata>> k120 = new ArrayList<>(NEWEST);
        k120.removeAll(List.of(io.fabric8.kubernetes.api.model.batch.v1.CronJob.class,
                io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class,
                io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class));
        k120.addAll(List.of(io.fabric8.kubernetes.api.model.batch.v1beta1.CronJob.class,
                io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointSlice.class,
                io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler.class,
                io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler.class));
        mock.serve(k120);
        mock.allowAllBut();
        admin.resource(new io.fabric8.kubernetes.api.model.batch.v1beta1.CronJobBuilder()
                .withNewMetadata().withName("legacy").withNamespace("shop").endMetadata()
                .withNewSpec().withSchedule("*/5 * * * *").endSpec().build()).create();
        admin.resource(new io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointSliceBuilder()
                .withNewMetadata().withName("web-xyz").withNamespace("shop").endMetadata().withAddressType("IPv4").build())
                .create();

        ClusterState s = start();

        assertThat(s.absent()).isEmpty();
        assertThat(s.workloads()).extracting(WorkloadInfo::kind, WorkloadInfo::name).contains(
                org.assertj.core.groups.Tuple.tuple("CronJob", "legacy"));
        assertThat(s.counts()).containsEntry("EndpointSlice", 1).containsEntry("HorizontalPodAutoscaler", 0);
        assertThat(pitwallRequests())
                .anyMatch(r -> r.startsWith("GET /apis/batch/v1beta1/cronjobs"))
                .anyMatch(r -> r.startsWith("GET /apis/discovery.k8s.io/v1beta1/endpointslices"))
                .anyMatch(r -> r.startsWith("GET /apis/autoscaling/v2beta2/horizontalpodautoscalers"))
                .noneMatch(r -> r.startsWith("GET /apis/batch/v1/cronjobs"))
                .noneMatch(r -> r.startsWith("GET /apis/discovery.k8s.io/v1/endpointslices"));
    }

    @Test
    void aPodCreatedChangedAndDeletedIsFollowed() throws Exception {
        mock.serve(NEWEST);
        mock.allowAllBut();
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build()).create();
        assertThat(pod(start(), "web-2")).isEmpty();

        admin.pods().inNamespace("shop").resource(pod("web-2")).create();
        awaitState("web-2 appears", s -> pod(s, "web-2").filter(p -> p.phase().equals("Pending")).isPresent());

        admin.pods().inNamespace("shop").withName("web-2").edit(p -> {
            p.getStatus().setPhase("Running");
            return p;
        });
        awaitState("web-2 runs", s -> pod(s, "web-2").filter(p -> p.phase().equals("Running")).isPresent());

        admin.pods().inNamespace("shop").withName("web-2").delete();
        awaitState("web-2 is gone", s -> pod(s, "web-2").isEmpty());
        pitwallRequests();
    }

    @Test
    void aKindTheServerDoesNotOfferIsMarkedAbsentAndNeverListed() throws Exception {
        // a Kubernetes 1.16: no discovery.k8s.io at all
        List<Class<? extends HasMetadata>> served = new ArrayList<>(NEWEST);
        served.remove(io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class);
        mock.serve(served);
        mock.allowAllBut();
        createNamespaceAndPod("web-3");

        ClusterState s = start();

        assertThat(s.absent()).containsExactly("EndpointSlice");
        assertThat(s.noAccess()).isEmpty();
        assertThat(s.counts()).doesNotContainKey("EndpointSlice");
        assertThat(pod(s, "web-3")).isPresent();
        assertThat(watcher.watching()).isTrue();
        assertThat(pitwallRequests()).contains("GET /apis/discovery.k8s.io/v1", "GET /apis/discovery.k8s.io/v1beta1")
                .noneMatch(r -> r.contains("endpointslices"));
    }

    @Test
    void whatTheUserMayNotListIsNoAccessAndNeverListed() throws Exception {
        mock.serve(NEWEST);
        mock.allowAllBut("nodes", "namespaces");
        createNamespaceAndPod("web-4");

        ClusterState s = start();

        assertThat(s.noAccess()).containsExactlyInAnyOrder("Node", "Namespace");
        assertThat(s.nodes()).isEmpty();
        // the namespaces its objects live in are still known
        assertThat(s.namespaces()).contains("shop");
        assertThat(pitwallRequests()).noneMatch(r -> r.startsWith("GET /api/v1/nodes") || r.startsWith("GET /api/v1/namespaces?"));
    }

    @Test
    void aListThatFailsIsAReasonInWordsAndTheRestIsWatchedUntilItLists() throws Exception {
        mock.serve(NEWEST).allowAllBut().failList("/api/v1/pods", 500, "InternalError", "etcdserver: request timed out");
        createNamespaceAndPod("web-5");

        // the first state does not wait for pods: it comes without them, and says why
        ClusterState s = start();
        assertThat(watcher.listFailures())
                .containsExactly(java.util.Map.entry("Pod", "listing pods failed: the server answered 500 (etcdserver: request timed out)"));
        assertThat(s.pods()).isEmpty();
        assertThat(s.counts()).doesNotContainKey("Pod").containsKey("Service");
        assertThat(s.namespaces()).contains("shop");
        assertThat(s.noAccess()).isEmpty();
        // the kinds that listed are watched; the failing one is not a lost connection
        assertThat(watcher.watching()).isTrue();

        mock.heal("/api/v1/pods");
        awaitState("pods listed once the server answers", after -> pod(after, "web-5").isPresent());
        assertThat(watcher.listFailures()).isEmpty();
        assertThat(mock.pitwallRequests()).filteredOn(r -> r.startsWith("GET /api/v1/pods?resourceVersion=0")).hasSizeGreaterThan(1);
    }

    @Test
    void aListWithNoAnswerIsATimeoutInWords() throws Exception {
        // answered after 5 s, when the client gave up after 2 s (twice); the server stops within 10 s
        mock.serve(NEWEST).allowAllBut().delayList("/api/v1/services", 5_000);
        pitwall.close();
        io.fabric8.kubernetes.client.Config quick = mock.config();
        quick.setRequestTimeout(2_000);
        pitwall = KubeClients.builder(quick).build();

        start();

        assertThat(watcher.listFailures())
                .containsExactly(java.util.Map.entry("Service", "listing services failed: no answer within the timeout"));
    }

    @Test
    void aListRefusedDespiteTheAccessReviewIsNoAccessAndNotRetried() throws Exception {
        // e.g. a server whose access reviews say yes (or cannot be asked) while RBAC says no
        mock.serve(NEWEST).allowAllBut().failList("/api/v1/nodes", 403, "Forbidden",
                "nodes is forbidden: User \"viewer\" cannot list resource \"nodes\" in API group \"\" at the cluster scope");
        createNamespaceAndPod("web-6");

        ClusterState s = start();

        assertThat(s.noAccess()).containsExactly("Node");
        assertThat(watcher.listFailures()).isEmpty();
        assertThat(pod(s, "web-6")).isPresent();
        Thread.sleep(1_500); // longer than the informers' retry interval here
        assertThat(mock.pitwallRequests()).filteredOn(r -> r.startsWith("GET /api/v1/nodes")).hasSize(1);
        assertThat(watcher.watching()).isTrue();
    }

    @Test
    void listFailuresInWords() {
        var refused = new io.fabric8.kubernetes.client.KubernetesClientException("refused",
                new java.net.ConnectException("Connection refused"));
        assertThat(ClusterWatcher.listFailure("pods", new java.util.concurrent.CompletionException(refused)))
                .isEqualTo("listing pods failed: connection refused");
        assertThat(ClusterWatcher.listFailure("jobs", new IllegalStateException("boom\nat line 2")))
                .isEqualTo("listing jobs failed: boom");
    }

    @Test
    void pitwallsRequestsCarryItsUserAgent() throws Exception {
        mock.serve(NEWEST);
        mock.allowAllBut();
        start();
        assertThat(mock.takeRequests()).isNotEmpty().extracting(MockApiServer.Request::userAgent)
                .containsOnly(KubeClients.USER_AGENT);
        assertThat(KubeClients.USER_AGENT).matches("pitwall/\\d+\\.\\d+\\.\\d+.*");
    }
}
