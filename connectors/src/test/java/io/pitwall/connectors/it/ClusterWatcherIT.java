package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.pitwall.connectors.kube.ClusterWatcher;
import io.pitwall.connectors.kube.KubeClients;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.PodInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster watcher on the real kube-apiserver: pods created, patched and deleted by the test
 * (as a kubelet would) show in the state within 2 s; the one-namespace viewer gets its namespace
 * and "no access" for the rest; and the watcher sends nothing but reads.
 */
class ClusterWatcherIT {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    private final Backends backends = Backends.load();
    private final String ns = "pitwall-cw-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<ClusterState> latest = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private KubernetesClient admin;
    private KubernetesClient watched;
    private ClusterWatcher watcher;

    @BeforeEach
    void setUp() {
        admin = Kube.client(backends, backends.adminContext());
        Kube.createNamespace(admin, ns);
    }

    @AfterEach
    void tearDown() {
        if (watcher != null) {
            watcher.close();
        }
        if (watched != null) {
            watched.close();
        }
        timer.shutdownNow();
        admin.namespaces().withName(ns).delete();
        admin.close();
    }

    /**
     * A Pitwall client of {@code context} (its User-Agent, so the audit check sees it) that also
     * records the method and path of every request it sends.
     */
    private KubernetesClient recordingClient(String context) {
        Config config = Config.fromKubeconfig(context, backends.kubeconfig().toFile());
        Interceptor recorder = new Interceptor() {
            @Override
            public void before(BasicBuilder builder, HttpRequest request, Interceptor.RequestTags tags) {
                requests.add(request.method() + " " + request.uri().getPath());
            }
        };
        return KubeClients.builder(config)
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("pitwall-recorder", recorder)).build();
    }

    private ClusterState startWatching(String context, Optional<String> home) throws Exception {
        watched = recordingClient(context);
        watcher = new ClusterWatcher(watched, home, timer, Clock.systemUTC(), latest::set);
        return watcher.start().get(30, TimeUnit.SECONDS);
    }

    private ClusterState awaitState(String what, Predicate<ClusterState> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WITHIN);
        while (Instant.now().isBefore(deadline)) {
            ClusterState s = latest.get();
            if (s != null && condition.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        return fail("not within " + WITHIN.toMillis() + " ms: " + what);
    }

    private static Optional<PodInfo> pod(ClusterState s, String namespace, String name) {
        return s.pods().stream().filter(p -> p.namespace().equals(namespace) && p.name().equals(name)).findFirst();
    }

    private static Pod newPod(String namespace, String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("registry.invalid/web:1.0").endContainer().endSpec()
                .build();
    }

    @Test
    void podsAppearChangeAndDisappearWithinTwoSeconds() throws Exception {
        ClusterState first = startWatching(backends.adminContext(), Optional.of("default"));
        assertThat(first.namespaces()).contains("default", "kube-system", ns);
        assertThat(first.noAccess()).isEmpty();
        // the 1.20 server lacks batch/v1 CronJob and discovery/v1: older versions are watched instead
        assertThat(first.absent()).doesNotContain("CronJob", "EndpointSlice", "HorizontalPodAutoscaler");

        admin.pods().inNamespace(ns).resource(newPod(ns, "web-1")).create();
        assertThat(awaitState("pod web-1 appears", s -> pod(s, ns, "web-1").isPresent()).pods())
                .anySatisfy(p -> assertThat(p.phase()).isEqualTo("Pending"));

        // what a kubelet would report: running, not ready, restarting
        Kube.retryOnConflict(() -> admin.pods().inNamespace(ns).withName("web-1").editStatus(p -> {
            p.getStatus().setPhase("Running");
            p.getStatus().setConditions(List.of(new io.fabric8.kubernetes.api.model.PodConditionBuilder()
                    .withType("Ready").withStatus("False").build()));
            p.getStatus().setContainerStatuses(List.of(new io.fabric8.kubernetes.api.model.ContainerStatusBuilder()
                    .withName("web").withImage("registry.invalid/web:1.0").withImageID("").withReady(false)
                    .withRestartCount(3)
                    .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                    .withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated()
                    .endLastState().build()));
            return p;
        }));
        PodInfo crashing = pod(awaitState("pod web-1 crash-loops", s -> pod(s, ns, "web-1")
                .filter(p -> p.restarts() == 3).isPresent()), ns, "web-1").orElseThrow();
        assertThat(crashing.phase()).isEqualTo("Running");
        assertThat(crashing.ready()).isFalse();
        assertThat(crashing.reason()).contains("CrashLoopBackOff");
        assertThat(crashing.containers().getFirst().lastTermination()).contains("OOMKilled");

        admin.pods().inNamespace(ns).withName("web-1").withGracePeriod(0).delete();
        awaitState("pod web-1 disappears", s -> pod(s, ns, "web-1").isEmpty());

        assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(r).matches(
                "GET .*|POST /apis/authorization\\.k8s\\.io/v1/selfsubjectaccessreviews"));
    }

    @Test
    void theOneNamespaceViewerGetsItsNamespaceAndNoAccessForTheRest() throws Exception {
        String viewerNs = backends.viewerNamespace();
        admin.pods().inNamespace(viewerNs).resource(newPod(viewerNs, "seen-" + ns)).create();
        admin.pods().inNamespace(ns).resource(newPod(ns, "hidden")).create();
        try {
            ClusterState s = startWatching(backends.viewerContext(), Optional.of(viewerNs));
            assertThat(s.noAccess()).contains("Namespace", "Node").doesNotContain("Pod", "Service");
            assertThat(s.pods()).extracting(PodInfo::namespace).containsOnly(viewerNs);
            assertThat(pod(s, viewerNs, "seen-" + ns)).isPresent();
            assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(r).matches(
                    "GET .*|POST /apis/authorization\\.k8s\\.io/v1/selfsubjectaccessreviews"));
        } finally {
            admin.pods().inNamespace(viewerNs).withName("seen-" + ns).withGracePeriod(0).delete();
        }
    }
}
