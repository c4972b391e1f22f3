package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The API server goes away and comes back: the session says the connection is lost, reconnects
 * by itself, and its state then equals the server's (objects created while it was away appear,
 * none is a ghost).
 */
class ApiServerRestartIT {

    private final Backends backends = Backends.load();

    @Test
    void aRestartedApiServerIsReportedAndConvergedOn() throws Exception {
        String ns = "pitwall-restart-" + UUID.randomUUID().toString().substring(0, 8);
        try (KubernetesClient admin = Kube.client(backends, backends.adminContext())) {
            Kube.createNamespace(admin, ns);
            admin.pods().inNamespace(ns).resource(pod(ns, "before")).create();
        }
        LiveSession session = LiveSession.connect(backends.adminContext(), Optional.empty(),
                () -> Config.fromKubeconfig(backends.adminContext(), backends.kubeconfig().toFile()),
                Thread.ofVirtual()::start);
        try {
            await("the first cluster state", Duration.ofSeconds(20), () -> hasPod(session, ns, "before"));

            Backends.script("stop", "apiserver");
            awaitOrSay("the session to say the connection is lost", Duration.ofSeconds(30),
                    () -> session.state(Signal.CLUSTER) instanceof SourceState.Failing f && f.reason().startsWith("lost the connection"),
                    () -> session.state(Signal.CLUSTER));

            Backends.script("up");
            try (KubernetesClient admin = Kube.client(backends, backends.adminContext())) {
                admin.pods().inNamespace(ns).resource(pod(ns, "after")).create();
                admin.pods().inNamespace(ns).withName("before").withGracePeriod(0).delete();
            }
            await("the session to reconnect and converge", Duration.ofSeconds(60),
                    () -> session.state(Signal.CLUSTER) instanceof SourceState.Connected
                            && hasPod(session, ns, "after") && !hasPod(session, ns, "before"));
        } finally {
            session.close();
            Backends.script("up"); // whatever happened, leave the apiserver running for the next tests
            try (KubernetesClient admin = Kube.client(backends, backends.adminContext())) {
                admin.namespaces().withName(ns).delete();
            }
        }
    }

    private static boolean hasPod(LiveSession s, String ns, String name) {
        return s.clusterState().map(c -> c.pods().stream().anyMatch(p -> p.namespace().equals(ns) && p.name().equals(name)))
                .orElse(false);
    }

    private static io.fabric8.kubernetes.api.model.Pod pod(String ns, String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("registry.invalid/c:1").endContainer().endSpec().build();
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("waited " + limit.toSeconds() + " s for " + what);
    }

    private static void awaitOrSay(String what, Duration limit, BooleanSupplier condition,
                                   java.util.function.Supplier<Object> now) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("waited " + limit.toSeconds() + " s for " + what + "; now: " + now.get());
    }
}
