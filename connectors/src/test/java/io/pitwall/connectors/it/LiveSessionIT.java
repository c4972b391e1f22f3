package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.pitwall.connectors.kube.ClusterProbe;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A live session reaches the real kube-apiserver and says, in words, when it cannot. */
class LiveSessionIT {

    private final Backends backends = Backends.load();

    private Supplier<Config> context(String name) {
        backends.require(Backends.Server.KUBE_APISERVER);
        return () -> Config.fromKubeconfig(name, backends.kubeconfig().toFile());
    }

    @Test
    void adminAndViewerContextsConnect() throws Exception {
        for (String ctx : new String[] {backends.adminContext(), backends.viewerContext()}) {
            LiveSession session = LiveSession.connect(ctx, Optional.of("pitwall-local"), context(ctx), Runnable::run);
            assertThat(session.state(Signal.CLUSTER)).as(ctx).isInstanceOfSatisfying(SourceState.Connected.class,
                    c -> assertThat(c.endpoint()).contains("https://127.0.0.1:6443", "Kubernetes v1.20"));
            assertThat(session.state(Signal.METRICS)).isInstanceOf(SourceState.NotConfigured.class);
            // then it follows the cluster's objects
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (session.clusterState().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(session.clusterState()).as(ctx + " cluster state").isPresent();
            assertThat(session.state(Signal.CLUSTER).summary()).contains(" pods, ");
            if (ctx.equals(backends.viewerContext())) {
                assertThat(session.clusterState().get().noAccess()).contains("Node", "Namespace");
                assertThat(session.state(Signal.CLUSTER).summary()).contains("no access to ");
            }
            session.close();
        }
    }

    @Test
    void stateChangesReachListenersFromTheConnectorThread() throws Exception {
        CompletableFuture<SourceState> seen = new CompletableFuture<>();
        Supplier<Config> admin = context(backends.adminContext());
        LiveSession session = LiveSession.connect(backends.adminContext(), Optional.empty(), () -> {
            try {
                Thread.sleep(200); // the listener is registered before the probe ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return admin.get();
        }, Thread.ofVirtual()::start);
        assertThat(session.state(Signal.CLUSTER)).isInstanceOf(SourceState.Connecting.class);
        session.onStateChange((signal, state) -> seen.complete(state));
        assertThat(seen.get(20, TimeUnit.SECONDS)).isInstanceOf(SourceState.Connected.class);
        session.close();
    }

    @Test
    void aWrongTokenIsA401InWords() {
        Supplier<Config> bad = () -> {
            Config c = context(backends.adminContext()).get();
            c.setOauthToken("not-a-valid-token");
            return c;
        };
        assertThat(ClusterProbe.probe(bad)).isInstanceOfSatisfying(SourceState.Failing.class,
                f -> assertThat(f.reason()).contains("rejected the credentials", "401"));
    }

    @Test
    void anUntrustedCertificateIsATlsFailureNotASilentFallback() {
        Supplier<Config> noCa = () -> {
            Config c = context(backends.adminContext()).get();
            c.setCaCertData(null);
            c.setCaCertFile(null);
            return c;
        };
        assertThat(ClusterProbe.probe(noCa)).isInstanceOfSatisfying(SourceState.Failing.class,
                f -> assertThat(f.reason()).startsWith("TLS to https://127.0.0.1:6443/ failed").contains("not trusted"));
    }

    @Test
    void aClosedPortIsConnectionRefused() {
        Supplier<Config> closed = () -> {
            Config c = context(backends.adminContext()).get();
            c.setMasterUrl("https://127.0.0.1:1/");
            return c;
        };
        assertThat(ClusterProbe.probe(closed)).isInstanceOfSatisfying(SourceState.Failing.class,
                f -> assertThat(f.reason()).contains("cannot reach https://127.0.0.1:1", "connection refused"));
    }

    @Test
    void aMissingContextSaysSo() {
        // fabric8 falls back to the current context (admin) for a missing one: the probe must not
        LiveSession session = LiveSession.connect("no-such-context", Optional.empty(),
                () -> Config.fromKubeconfig("no-such-context", backends.kubeconfig().toFile()), Runnable::run);
        assertThat(session.state(Signal.CLUSTER)).isInstanceOfSatisfying(SourceState.Failing.class,
                f -> assertThat(f.reason()).isEqualTo("context 'no-such-context' is not in the kubeconfig"));
    }
}
