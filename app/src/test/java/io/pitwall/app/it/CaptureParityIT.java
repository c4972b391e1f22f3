package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.it.Backends;
import io.pitwall.connectors.it.Backends.Server;
import io.pitwall.connectors.it.Kube;
import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.EndpointSettings;
import io.pitwall.connectors.prometheus.LokiEndpoint;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.prometheus.TraceEndpoint;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.session.Signal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident bundle against the live panes, pane by pane. A namespace on the real
 * kube-apiserver (a Deployment whose pods a kubelet would report crash-looping and running, a
 * privileged pod, a Service, an Ingress, a ServiceAccount bound to cluster-admin, a Warning
 * event), its pods' metrics scraped by the real Prometheus ({@link PodExporter}), an alert in the
 * real Alertmanager, logs and Falco's events in a recorded Loki ({@link RecordedLoki}) and
 * Jaeger's own traces in a recorded Jaeger ({@link RecordedJaeger}). {@code pitwall capture} runs
 * in its own JVM; then a live session on the same servers and the bundle opened offline are asked
 * what each pane asks ({@link PaneParity}): the same pods, workloads, services, ingresses and
 * events; the same series, point for point; the same alerts; the same log lines; the same traces,
 * span for span; the same findings; the same timeline.
 */
class CaptureParityIT {

    private final Backends backends = Backends.load();
    private final String id = HexFormat.of().formatHex(random(3));
    private KubernetesClient admin;
    private String ns;
    private String binding;
    private URI alertmanager;
    private String alertname;
    private RecordedLoki loki;
    private RecordedJaeger jaeger;
    private PodExporter exporter;

    @TempDir
    Path tmp;

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {loki, jaeger, exporter}) {
            if (c != null) {
                c.close();
            }
        }
        if (alertname != null) {
            CanaryServers.resolveAlert(alertmanager, alertname, ns);
        }
        if (admin != null) {
            if (binding != null) {
                admin.rbac().clusterRoleBindings().withName(binding).delete();
            }
            if (ns != null) {
                admin.namespaces().withName(ns).delete();
            }
            admin.close();
        }
    }

    @Test
    void theOpenedBundleShowsPaneByPaneWhatTheLivePanesShowed() throws Exception {
        URI prometheus = backends.require(Server.PROMETHEUS);
        alertmanager = backends.require(Server.ALERTMANAGER);
        Path kubeconfig = backends.kubeconfig();
        String context = backends.adminContext();

        admin = Kube.client(backends, context);
        ns = "pitwall-parity-" + id;
        Kube.createNamespace(admin, ns);
        List<Pod> web = cluster();
        String crashing = web.get(0).getMetadata().getName();
        String running = web.get(1).getMetadata().getName();

        String replicaSet = web.get(0).getMetadata().getOwnerReferences().getFirst().getName();
        exporter = new PodExporter(List.of(new PodExporter.Pod(ns, crashing, "web", 0.9, 3, replicaSet, "web"),
                new PodExporter.Pod(ns, running, "web", 0.3, 0, replicaSet, "web"),
                new PodExporter.Pod(ns, "debug-shell", "shell", 0.05, 0, "", "")));
        Instant now = Instant.now();
        loki = new RecordedLoki(ParityData.streams(ns, crashing, running, now));
        jaeger = new RecordedJaeger(now);
        alertname = "PitwallParity" + id;
        CanaryServers.postAlert(alertmanager, alertname, ns, Map.of("summary", "web is crash-looping"));
        // a minute of the pods' series in Prometheus: the window's points at a 15 s step are more than a couple
        ParityData.awaitSeries(prometheus, ns, Duration.ofSeconds(60));

        ContextEndpoints endpoints = new ContextEndpoints(List.of(PrometheusEndpoint.url("prometheus", prometheus.toString())),
                Optional.empty(), Optional.of(AlertmanagerEndpoint.url("alertmanager", alertmanager.toString())))
                .withLoki(Optional.of(LokiEndpoint.url("loki", loki.url())))
                .withTraces(Optional.of(TraceEndpoint.url("jaeger", TraceEndpoint.Protocol.JAEGER_V1, jaeger.url())));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path config = Files.createDirectories(tmp.resolve("config").resolve("pitwall"));
        new EndpointSettings(Map.of(context, endpoints)).write(config.resolve(EndpointSettings.FILE_NAME));

        Path bundle = tmp.resolve("parity.pitwall");
        PitwallProcess.Cli cli = PitwallProcess.run(tmp, home, tmp.resolve("config"), kubeconfig, "capture",
                "--context", context, "-n", ns, "--since", "5m", "--out", bundle.toString());
        String said = cli.said();
        assertThat(cli.code()).as(said).isIn(0, 3);
        // every signal came; logs and traces from the recorded servers without a problem
        assertThat(cli.out().lines().filter(l -> l.matches("  (cluster|metrics|logs|traces|security) .*")).toList()).as(said)
                .hasSize(5).filteredOn(l -> l.matches("  (cluster|metrics|logs|traces) .*")).noneMatch(l -> l.contains("problem"));
        assertThat(loki.unanswered()).as("requests the recorded Loki could not answer").isEmpty();
        assertThat(jaeger.unanswered()).as("requests the recorded Jaeger could not answer").isEmpty();

        try (OfflineSession offline = OfflineSession.open(bundle);
             LiveSession live = LiveSession.connect(context, Optional.empty(),
                     () -> Config.fromKubeconfig(context, kubeconfig.toFile()), Thread.ofVirtual()::start, endpoints,
                     Duration.ofSeconds(1))) {
            awaitLive(live);
            PaneParity parity = new PaneParity(live, offline, ns);
            parity.topology(3);
            parity.metrics(List.of(crashing, running, "debug-shell"));
            parity.alerts(alertname);
            parity.logs(crashing, "Deployment", "web", ParityData.LINES_PER_POD);
            parity.traces(jaeger.services(), jaeger.traceCount());
            parity.security("Terminal shell in container", "debug-shell", "deployer");
            parity.timeline();
            System.out.println("CaptureParityIT compared " + parity.summary());
        }
    }

    /** The namespace's objects; the Deployment's two pods, the first crash-looping, the second running. */
    private List<Pod> cluster() throws Exception {
        admin.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder().withNewMetadata().withName("web")
                .addToLabels("app", "web").endMetadata().withNewSpec().withReplicas(2).withNewSelector()
                .addToMatchLabels("app", "web").endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "web")
                .endMetadata().withNewSpec().addNewContainer().withName("web").withImage("registry.invalid/web:1.4")
                .endContainer().endSpec().endTemplate().endSpec().build()).create();
        admin.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("debug-shell")
                .addToLabels("app", "debug").endMetadata().withNewSpec().addNewContainer().withName("shell")
                .withImage("registry.invalid/toolbox:2").withNewSecurityContext().withPrivileged(true).endSecurityContext()
                .endContainer().endSpec().build()).create();
        admin.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().addToSelector("app", "web").addNewPort().withPort(80).withTargetPort(new IntOrString(8080))
                .endPort().endSpec().build()).create();
        admin.network().v1().ingresses().inNamespace(ns).resource(new IngressBuilder().withNewMetadata().withName("shop")
                .endMetadata().withNewSpec().addNewRule().withHost("shop.example").withNewHttp().addNewPath().withPath("/")
                .withPathType("Prefix").withNewBackend().withNewService().withName("web").withNewPort().withNumber(80).endPort()
                .endService().endBackend().endPath().endHttp().endRule().endSpec().build()).create();
        admin.serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder().withNewMetadata().withName("deployer")
                .endMetadata().build()).create();
        binding = "pitwall-parity-" + id;
        admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata().withName(binding)
                .endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
                .withName("cluster-admin").endRoleRef().addNewSubject().withKind("ServiceAccount").withName("deployer")
                .withNamespace(ns).endSubject().build()).create();

        // the controller-manager makes the ReplicaSet and its pods
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Pod> web;
        while ((web = admin.pods().inNamespace(ns).withLabel("app", "web").list().getItems()).size() < 2) {
            if (System.nanoTime() > deadline) {
                fail("the controller-manager made no two pods of deployment web within 60 s");
            }
            Thread.sleep(200);
        }
        web = web.stream().sorted(java.util.Comparator.comparing(p -> p.getMetadata().getName())).toList();
        status(web.get(0).getMetadata().getName(), false, 3);
        status(web.get(1).getMetadata().getName(), true, 0);
        String at = Instant.now().minusSeconds(30).toString();
        admin.v1().events().inNamespace(ns).resource(new EventBuilder().withNewMetadata()
                .withName(web.get(0).getMetadata().getName() + ".parity").endMetadata().withNewInvolvedObject().withApiVersion("v1")
                .withKind("Pod").withName(web.get(0).getMetadata().getName()).withNamespace(ns).endInvolvedObject()
                .withType("Warning").withReason("BackOff").withCount(4)
                .withMessage("Back-off restarting failed container web in pod " + web.get(0).getMetadata().getName())
                .withFirstTimestamp(at).withLastTimestamp(at).withNewSource().withComponent("kubelet").endSource().build()).create();
        return web;
    }

    /** What a kubelet would report of a pod: running, ready or crash-looping after OOM kills. */
    private void status(String pod, boolean ready, int restarts) {
        Kube.retryOnConflict(() -> admin.pods().inNamespace(ns).withName(pod).editStatus(p -> {
            p.getStatus().setPhase("Running");
            p.getStatus().setConditions(List.of(new PodConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False")
                    .build()));
            ContainerStatusBuilder c = new ContainerStatusBuilder().withName("web").withImage("registry.invalid/web:1.4")
                    .withImageID("").withReady(ready).withRestartCount(restarts);
            if (ready) {
                c.withNewState().withNewRunning().withStartedAt(Instant.now().minusSeconds(600).toString()).endRunning().endState();
            } else {
                c.withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                        .withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated()
                        .endLastState();
            }
            p.getStatus().setContainerStatuses(List.of(c.build()));
            return p;
        }));
    }

    private void awaitLive(LiveSession live) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (live.clusterState().map(s -> s.inNamespace(Optional.of(ns)).pods().size()).orElse(0) < 3
                || live.security().isEmpty() || live.logs().isEmpty() || live.traces().isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("the live session did not see the namespace within 30 s: " + live.states());
            }
            Thread.sleep(100);
        }
        assertThat(live.state(Signal.CLUSTER)).isNotNull();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
