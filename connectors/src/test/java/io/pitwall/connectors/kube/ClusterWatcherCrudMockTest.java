package io.pitwall.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.WorkloadInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster watcher against fabric8's CRUD mock API server, for the API versions the it tier's
 * real 1.20 server lacks (discovery.k8s.io/v1 EndpointSlice, batch/v1 CronJob, autoscaling/v2
 * HorizontalPodAutoscaler).
 *
 * <p>The CRUD mock stores and serves any object, but does not know which kinds a server offers:
 * it answers {@code GET /apis/GROUP/VERSION} with an empty resource list (and {@code /api/v1} with
 * an empty object list), and the client it makes itself answers {@code supports(...)} without
 * asking. So the watcher gets a client of its own (Pitwall's, as in production), and each test
 * says, as expectations, what discovery answers: the resources of the group versions a server of
 * that Kubernetes version serves, 404 for the others. Access reviews are answered the same way.
 */
class ClusterWatcherCrudMockTest {

    /** What the watcher watches at the newest versions: Kubernetes 1.25 and later. */
    private static final List<Class<? extends HasMetadata>> NEWEST = ClusterWatcher.KINDS.stream()
            .<Class<? extends HasMetadata>>map(k -> k.versions().getFirst()).toList();

    /** The mock server logs every request through java.util.logging; kept here, as JUL holds loggers weakly. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    static {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicReference<ClusterState> latest = new AtomicReference<>();
    private KubernetesMockServer server;
    /** The test's own client, as a kubelet or kubectl would write: fabric8's User-Agent. */
    private KubernetesClient admin;
    /** Pitwall's client, the one the watcher reads with. */
    private KubernetesClient pitwall;
    private ClusterWatcher watcher;

    @BeforeEach
    void setUp() {
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), expectations,
                new KubernetesMixedDispatcher(expectations), false);
        server.init();
        admin = server.createClient();
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.url("/")).withNamespace("test")
                .withOauthToken("secret").withHttp2Disable(true).build();
        pitwall = KubeClients.builder(config).build();
    }

    @AfterEach
    void tearDown() {
        if (watcher != null) {
            watcher.close();
        }
        timer.shutdownNow();
        pitwall.close();
        admin.close();
        server.destroy();
    }

    /**
     * Discovery as a server that offers exactly {@code served} answers it: the resource list of
     * each of their group versions, and 404 for every other group version the watcher may ask for.
     */
    private void serve(List<Class<? extends HasMetadata>> served) {
        Map<String, APIResourceListBuilder> lists = new LinkedHashMap<>();
        for (Class<? extends HasMetadata> type : served) {
            String gv = HasMetadata.getApiVersion(type);
            boolean namespaced = ClusterWatcher.KINDS.stream().filter(k -> k.versions().contains(type))
                    .map(WatchedKind::namespaced).findFirst().orElseThrow();
            lists.computeIfAbsent(gv, v -> new APIResourceListBuilder().withGroupVersion(v))
                    .addToResources(new APIResourceBuilder().withKind(HasMetadata.getKind(type))
                            .withName(HasMetadata.getPlural(type)).withNamespaced(namespaced)
                            .withVerbs("get", "list", "watch").build());
        }
        Set<String> asked = new LinkedHashSet<>();
        ClusterWatcher.KINDS.forEach(k -> k.versions().forEach(v -> asked.add(HasMetadata.getApiVersion(v))));
        for (String gv : asked) {
            String path = discoveryPath(gv);
            if (lists.containsKey(gv)) {
                APIResourceList list = lists.get(gv).build();
                server.expect().get().withPath(path).andReturn(200, list).always();
            } else {
                server.expect().get().withPath(path).andReturn(404, new StatusBuilder().withStatus("Failure")
                        .withReason("NotFound").withCode(404).withMessage("the server could not find the requested resource")
                        .build()).always();
            }
        }
    }

    private static String discoveryPath(String groupVersion) {
        return groupVersion.contains("/") ? "/apis/" + groupVersion : "/api/" + groupVersion;
    }

    /** Access reviews: allowed, except list and watch of {@code denied} resources. */
    private void allowAllBut(String... denied) {
        Set<String> no = Set.of(denied);
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews").andReply(201, request -> {
            SelfSubjectAccessReview review = Serialization.unmarshal(request.getUtf8Body(), SelfSubjectAccessReview.class);
            boolean allowed = !no.contains(review.getSpec().getResourceAttributes().getResource());
            review.setStatus(new SubjectAccessReviewStatusBuilder().withAllowed(allowed).build());
            return review;
        }).always();
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

    /** Every request the server received so far, as "METHOD path", after checking it was Pitwall's read. */
    private List<String> pitwallRequests() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(0, TimeUnit.MILLISECONDS); r != null;
             r = server.takeRequest(0, TimeUnit.MILLISECONDS)) {
            if (r.getHeader("User-Agent") != null && r.getHeader("User-Agent").startsWith(KubeClients.USER_AGENT_PREFIX)) {
                seen.add(r.getMethod() + " " + r.getPath());
            }
        }
        assertThat(seen).isNotEmpty().allSatisfy(r -> assertThat(r)
                .matches("GET .*|POST /apis/authorization\\.k8s\\.io/v1/selfsubjectaccessreviews"));
        return seen;
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
        serve(NEWEST);
        allowAllBut();
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
        serve(k120);
        allowAllBut();
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
        serve(NEWEST);
        allowAllBut();
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
        serve(served);
        allowAllBut();
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
        serve(NEWEST);
        allowAllBut("nodes", "namespaces");
        createNamespaceAndPod("web-4");

        ClusterState s = start();

        assertThat(s.noAccess()).containsExactlyInAnyOrder("Node", "Namespace");
        assertThat(s.nodes()).isEmpty();
        // the namespaces its objects live in are still known
        assertThat(s.namespaces()).contains("shop");
        assertThat(pitwallRequests()).noneMatch(r -> r.startsWith("GET /api/v1/nodes") || r.startsWith("GET /api/v1/namespaces?"));
    }

    @Test
    void pitwallsRequestsCarryItsUserAgent() throws Exception {
        serve(NEWEST);
        allowAllBut();
        start();
        List<String> agents = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(0, TimeUnit.MILLISECONDS); r != null;
             r = server.takeRequest(0, TimeUnit.MILLISECONDS)) {
            agents.add(r.getHeader("User-Agent"));
        }
        assertThat(agents).isNotEmpty().containsOnly(KubeClients.USER_AGENT);
        assertThat(KubeClients.USER_AGENT).matches("pitwall/\\d+\\.\\d+\\.\\d+.*");
    }
}
