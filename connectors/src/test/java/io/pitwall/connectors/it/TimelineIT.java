package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.it.Backends.Server;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.connectors.timeline.Lane;
import io.pitwall.connectors.timeline.Timeline;
import io.pitwall.connectors.timeline.TimelineCollector;
import io.pitwall.connectors.timeline.TimelineItem;
import io.pitwall.connectors.timeline.WhatChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The timeline on the real servers: an image patch of a Deployment (the controller-manager makes
 * its ReplicaSets and pods, the scheduler binds them to a node the test registers) is a rollout
 * naming the old and the new image, "what changed" for the Deployment lists it, and Prometheus's
 * ALERTS series (its rule fires at once) is an alert span.
 */
class TimelineIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Backends backends = Backends.load();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String namespace = "pitwall-timeline-" + suffix;
    private final String nodeName = "pitwall-timeline-node-" + suffix;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private KubernetesClient admin;
    private LiveSession session;

    @BeforeEach
    void setUp() {
        admin = Kube.client(backends, backends.adminContext());
        Kube.createNamespace(admin, namespace);
        admin.nodes().resource(new NodeBuilder().withNewMetadata().withName(nodeName)
                .withLabels(Map.of("kubernetes.io/hostname", nodeName)).endMetadata().build()).create();
        Map<String, Quantity> room = Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi"), "pods", new Quantity("110"));
        // no kubelet: the test reports the node Ready with room for pods, and lifts the not-ready taint
        Kube.retryOnConflict(() -> admin.nodes().withName(nodeName).editStatus(n -> {
            n.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder().withCapacity(room).withAllocatable(room)
                    .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                    .withLastHeartbeatTime(Instant.now().toString()).withLastTransitionTime(Instant.now().toString())
                    .endCondition().build());
            return n;
        }));
        Kube.retryOnConflict(() -> admin.nodes().withName(nodeName).edit(n -> {
            n.getSpec().setTaints(List.of());
            return n;
        }));
    }

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.close();
        }
        executor.shutdownNow();
        if (admin != null) {
            admin.namespaces().withName(namespace).delete();
            admin.nodes().withName(nodeName).delete();
            admin.close();
        }
    }

    @Test
    void anImagePatchIsARolloutAndPrometheusAlertsAreSpans() throws Exception {
        admin.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                .withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(1)
                .withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
                .withNewSpec().withNodeSelector(Map.of("kubernetes.io/hostname", nodeName))
                .addNewContainer().withName("web").withImage("registry.invalid/web:1.0").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();
        await("a pod of the Deployment", () -> !admin.pods().inNamespace(namespace).list().getItems().isEmpty());

        ContextEndpoints endpoints = new ContextEndpoints(
                List.of(PrometheusEndpoint.url("prometheus", backends.require(Server.PROMETHEUS).toString())), Optional.empty(),
                Optional.of(AlertmanagerEndpoint.url("alertmanager", backends.require(Server.ALERTMANAGER).toString())));
        String ctx = backends.adminContext();
        session = LiveSession.connect(ctx, Optional.empty(), () -> Config.fromKubeconfig(ctx, backends.kubeconfig().toFile()),
                Thread.ofVirtual()::start, endpoints, Duration.ofSeconds(5));
        await("the cluster's objects and Prometheus", () -> session.clusterState().isPresent()
                && session.state(Signal.METRICS) instanceof SourceState.Connected);
        Instant from = Instant.now().minusSeconds(60);

        Kube.retryOnConflict(() -> admin.apps().deployments().inNamespace(namespace).withName("web").edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().getFirst().setImage("registry.invalid/web:1.1");
            return d;
        }));
        KubeRef web = new KubeRef("Deployment", namespace, "web");
        TimelineCollector collector = new TimelineCollector(executor);
        Supplier<Timeline> collect = () -> collector.collect(session, new TimeRange(from, Instant.now().plusSeconds(1)),
                List.of(namespace)).join();
        await("the rollout on the timeline", () -> collect.get().lane(Lane.ROLLOUTS).stream()
                .anyMatch(i -> i.ref().filter(web::equals).isPresent()));
        // the ReplicaSet the controller makes for the new template, and its pod
        await("the new ReplicaSet", () -> admin.apps().replicaSets().inNamespace(namespace).list().getItems().size() == 2);
        Timeline timeline = collect.get();

        assertThat(timeline.problems()).noneMatch(p -> p.startsWith("cluster:") || p.startsWith("alerts:"));
        TimelineItem rollout = timeline.lane(Lane.ROLLOUTS).stream().filter(i -> i.ref().filter(web::equals).isPresent())
                .findFirst().orElseThrow();
        assertThat(rollout.title()).isEqualTo("web: image registry.invalid/web:1.0 -> registry.invalid/web:1.1");
        assertThat(timeline.lane(Lane.ROLLOUTS)).as("the new ReplicaSet folds into the rollout").hasSize(1);
        assertThat(WhatChanged.rank(timeline, Optional.of(web), session.clusterState()))
                .extracting(WhatChanged.Change::item).contains(rollout);

        assertThat(timeline.lane(Lane.ALERTS)).as("Prometheus's ALERTS series").anySatisfy(i -> {
            assertThat(i.title()).isEqualTo("PitwallAlwaysFiring");
            assertThat(i.isSpan()).isTrue();
            assertThat(i.detail()).isEqualTo("still firing");
            assertThat(i.severity()).isEqualTo(io.pitwall.connectors.model.Severity.MEDIUM);
        });
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(250);
        }
        fail("waited " + WAIT.toSeconds() + " s for " + what + " (is it running? backends/backends.sh status)");
    }
}
