package io.pitwall.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pitwall.connectors.model.KubeRef;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The watch events' summaries of workloads and pods (a real sock-shop dump, see SOURCES.md): readable, and read back. */
class WorkloadSummaryTest {

    private static List<HasMetadata> dump;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = WorkloadSummaryTest.class.getResourceAsStream("/kubernetes/gke-namespace-sock-shop-all.json")) {
            dump = Serialization.unmarshal(in, KubernetesList.class).getItems();
        }
    }

    private static <T extends HasMetadata> T find(Class<T> type, String name) {
        return dump.stream().filter(type::isInstance).map(type::cast).filter(o -> o.getMetadata().getName().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void anImagePatchSaysWhatItReplaced() {
        Deployment before = find(Deployment.class, "carts");
        Deployment after = new DeploymentBuilder(before).editSpec().withReplicas(3).editTemplate().editSpec().editFirstContainer()
                .withImage("weaveworksdemos/carts:0.4.9").endContainer().endSpec().endTemplate().endSpec().build();
        String text = ClusterJournal.summary(before, after);
        assertThat(text).isEqualTo("replicas 3, replicas was 1, ready 1, revision 1, image carts=weaveworksdemos/carts:0.4.9,"
                + " image was carts=weaveworksdemos/carts:0.4.8");
        WorkloadSummary s = WorkloadSummary.parse(text, "sock-shop").orElseThrow();
        assertThat(s.images()).containsExactly(Map.entry("carts", "weaveworksdemos/carts:0.4.9"));
        assertThat(s.previousImages()).containsExactly(Map.entry("carts", "weaveworksdemos/carts:0.4.8"));
        assertThat(s.replicas()).isEqualTo(3);
        assertThat(s.previousReplicas()).isEqualTo(1);
        assertThat(s.revision()).isEqualTo("1");
        assertThat(s.text()).isEqualTo(text);
    }

    @Test
    void aReplicaSetNamesItsDeployment() {
        String text = ClusterJournal.summary(null, find(ReplicaSet.class, "carts-6bfcf84f4"));
        assertThat(text).isEqualTo("replicas 1, ready 1, revision 1, image carts=weaveworksdemos/carts:0.4.8, owner Deployment carts");
        assertThat(WorkloadSummary.parse(text, "sock-shop")).get().extracting(WorkloadSummary::owner)
                .isEqualTo(Optional.of(new KubeRef("Deployment", "sock-shop", "carts")));
    }

    @Test
    void aPodsSummaryStaysReadableAndSaysWhyItLastStopped() {
        Pod running = find(Pod.class, "carts-6bfcf84f4-hsqsd");
        assertThat(ClusterJournal.summary(null, running)).isEqualTo("Running, ready, 1 restart");
        Pod oom = new PodBuilder(running).editStatus().editFirstContainerStatus().withRestartCount(4).withReady(false)
                .withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated().endLastState()
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState().endContainerStatus()
                .endStatus().build();
        String text = ClusterJournal.summary(running, oom);
        assertThat(text).startsWith("Running, ").endsWith(", 4 restarts, CrashLoopBackOff, last OOMKilled");
        assertThat(PodSummary.parse(text)).get().satisfies(p -> {
            assertThat(p.restarts()).isEqualTo(4);
            assertThat(p.reason()).contains("CrashLoopBackOff");
            assertThat(p.lastTermination()).contains("OOMKilled");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Running, ready|Running|true|0||",
        "Running, not ready, 3 restarts, CrashLoopBackOff|Running|false|3|CrashLoopBackOff|",
        "Failed, not ready, Evicted|Failed|false|0|Evicted|",
        "Running, not ready, 1 restart, OOMKilled|Running|false|1|OOMKilled|OOMKilled",
        "Pending, not ready, ImagePullBackOff|Pending|false|0|ImagePullBackOff|"})
    void podSummariesOfOlderBundlesReadBack(String text, String phase, boolean ready, int restarts, String reason, String last) {
        PodSummary p = PodSummary.parse(text).orElseThrow();
        assertThat(p.phase()).isEqualTo(phase);
        assertThat(p.ready()).isEqualTo(ready);
        assertThat(p.restarts()).isEqualTo(restarts);
        assertThat(p.reason()).isEqualTo(Optional.ofNullable(reason));
        assertThat(p.lastTermination()).isEqualTo(Optional.ofNullable(last));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "replicas three", "Running, ready", "something else entirely"})
    void whatIsNotAWorkloadSummaryIsNone(String text) {
        assertThat(WorkloadSummary.parse(text, "ns")).isEmpty();
    }
}
