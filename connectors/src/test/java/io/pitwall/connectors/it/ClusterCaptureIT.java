package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.WatchEvent;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live session on the real apiserver captures the cluster's objects and the changes it watched
 * into a bundle, redacted; the bundle opens offline with the same objects and changes.
 */
class ClusterCaptureIT {

    private final Backends backends = Backends.load();
    private final String ns = "pitwall-cap-" + UUID.randomUUID().toString().substring(0, 8);
    private KubernetesClient admin;
    private LiveSession session;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        admin = Kube.client(backends, backends.adminContext());
        Kube.createNamespace(admin, ns);
    }

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.close();
        }
        admin.namespaces().withName(ns).delete();
        admin.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        fail("not within 10 s: " + what);
    }

    private Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata().withNewSpec()
                .addNewContainer().withName("app").withImage("registry.invalid/app:1").addNewEnv().withName("DB_PASSWORD")
                .withValue("hunter2-" + name).endEnv().addNewEnv().withName("LOG_LEVEL").withValue("debug").endEnv()
                .endContainer().endSpec().build();
    }

    @Test
    void theObjectsAndTheWatchedChangesGoIntoTheBundleRedacted() throws Exception {
        String ctx = backends.adminContext();
        session = LiveSession.connect(ctx, Optional.of("pitwall-local"),
                () -> Config.fromKubeconfig(ctx, backends.kubeconfig().toFile()), Thread.ofVirtual()::start);
        await("the first cluster state", () -> session.clusterState().isPresent());
        Instant from = Instant.now();

        admin.pods().inNamespace(ns).resource(pod("keep")).create();
        admin.pods().inNamespace(ns).resource(pod("gone")).create();
        admin.pods().inNamespace(ns).withName("keep").edit(p -> {
            p.getMetadata().getLabels().put("tier", "web");
            return p;
        });
        admin.pods().inNamespace(ns).withName("gone").withGracePeriod(0).delete();
        KubeRef keep = new KubeRef("Pod", ns, "keep");
        KubeRef gone = new KubeRef("Pod", ns, "gone");
        await("the changes reach the journal", () -> session.clusterChanges(new TimeRange(from, Instant.now().plusSeconds(1)))
                .stream().anyMatch(e -> e.ref().equals(gone) && e.type() == WatchEvent.Type.DELETED));
        assertThat(session.objectYaml(keep)).get().asString().contains("tier: web", "LOG_LEVEL", "debug")
                .doesNotContain("hunter2");

        TimeRange window = new TimeRange(from, Instant.now().plusSeconds(1));
        Path file = dir.resolve("live.pitwall");
        try (BundleWriter w = BundleWriter.create(file, BundleManifest.header("it", Instant.now(), "pitwall-local", ctx,
                window, List.of(ns)))) {
            session.captureCluster(w, window);
        }

        try (OfflineSession offline = OfflineSession.open(file)) {
            assertThat(offline.clusterState()).get().satisfies(c -> {
                assertThat(c.pods()).anyMatch(p -> p.ref().equals(keep)).noneMatch(p -> p.ref().equals(gone));
                assertThat(c.namespaces()).contains(ns, "kube-system");
            });
            List<WatchEvent> changes = offline.clusterChanges(window);
            assertThat(changes).filteredOn(e -> e.ref().equals(gone)).extracting(WatchEvent::type)
                    .contains(WatchEvent.Type.ADDED, WatchEvent.Type.DELETED);
            assertThat(changes).filteredOn(e -> e.ref().equals(keep)).extracting(WatchEvent::type)
                    .contains(WatchEvent.Type.ADDED, WatchEvent.Type.MODIFIED);
            assertThat(changes).allSatisfy(e -> assertThat(window.contains(e.at())).isTrue());
            assertThat(offline.objectYaml(keep)).get().asString().contains("DB_PASSWORD", "<redacted>").doesNotContain("hunter2");
            assertThat(offline.bundle().manifest().redactions()).containsKey("env");
        }
    }
}
