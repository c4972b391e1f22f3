package io.pitwall.connectors.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.pitwall.connectors.kube.MockApiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A live session on fabric8's CRUD mock API server: a kind whose list fails is the session's
 * reason, in words, while it is retried; the status bar hears of it once, not once a retry.
 */
class LiveSessionCrudMockTest {

    private final MockApiServer mock = new MockApiServer();
    private final List<SourceState> heard = new CopyOnWriteArrayList<>();
    private LiveSession session;

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.close();
        }
        mock.close();
    }

    private SourceState await(String what, Predicate<SourceState> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            SourceState s = session.state(Signal.CLUSTER);
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        return fail("not within 15 s: " + what + "; now " + session.state(Signal.CLUSTER));
    }

    @Test
    void aKindThatCannotBeListedIsTheReasonUntilItIs() throws Exception {
        mock.server().setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("33").withGitVersion("v1.33.1").build());
        mock.serve(MockApiServer.NEWEST).allowAllBut()
                .failList("/api/v1/pods", 500, "InternalError", "etcdserver: request timed out");
        mock.admin().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
                .create();
        mock.admin().pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName("web-1")
                .withNamespace("shop").endMetadata().build()).create();

        session = LiveSession.connect("mock", Optional.empty(), mock::config, Thread.ofVirtual()::start);
        session.onStateChange((signal, state) -> {
            if (signal == Signal.CLUSTER) {
                heard.add(state);
            }
        });

        await("the failing list in words", s -> s instanceof SourceState.Failing f && f.reason().equals(
                "listing pods failed: the server answered 500 (etcdserver: request timed out); retrying"));
        // the kinds that listed are there meanwhile, and the reason stays
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (session.clusterState().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(session.clusterState()).hasValueSatisfying(c -> assertThat(c.namespaces()).contains("shop"));
        Thread.sleep(2_500); // several retries (200 ms apart, then more) and health checks (1 s)
        assertThat(session.state(Signal.CLUSTER)).isInstanceOf(SourceState.Failing.class);

        mock.heal("/api/v1/pods");
        SourceState healed = await("connected again, with the pods", s -> s instanceof SourceState.Connected);
        assertThat(healed.summary()).contains("Kubernetes v1.33.1", ": 1 pods, 0 nodes");
        // each change once: no notification per retry or per check (the first full state arriving
        // while pods still fail is news of its own, so the failing line may be heard twice)
        assertThat(heard).hasSizeLessThanOrEqualTo(4)
                .filteredOn(SourceState.Failing.class::isInstance).hasSizeBetween(1, 2);
    }
}
