package io.pitwall.connectors.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.KubeRef;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LokiSelectorsTest {

    @Test
    void aStreamsLabelsNameItsPodThenItsNamespaceInTheShippersNames() {
        assertThat(LokiSelectors.objectsOf(java.util.Map.of("namespace", "shop", "pod", "carts-1", "container", "carts")))
                .containsExactly(new KubeRef("Pod", "shop", "carts-1"), new KubeRef("Namespace", "", "shop"));
        assertThat(LokiSelectors.objectsOf(java.util.Map.of("k8s_namespace_name", "shop", "k8s_pod_name", "carts-1")))
                .containsExactly(new KubeRef("Pod", "shop", "carts-1"), new KubeRef("Namespace", "", "shop"));
        assertThat(LokiSelectors.objectsOf(java.util.Map.of("job", "varlogs"))).isEmpty();
    }

    @Test
    void theShippersLabelsAreDetectedFromTheServersLabelNames() {
        assertThat(LokiSelectors.detect(List.of("app", "container", "namespace", "pod", "stream"))).isEqualTo(LokiSelectors.PROMTAIL);
        assertThat(LokiSelectors.detect(List.of("k8s_container_name", "k8s_namespace_name", "k8s_pod_name"))).isEqualTo(LokiSelectors.OTEL);
        assertThat(LokiSelectors.detect(List.of("kubernetes_namespace_name", "kubernetes_pod_name"))).isEqualTo(LokiSelectors.FLUENT_BIT);
        assertThat(LokiSelectors.detect(List.of("k8s_namespace_name", "job"))).isEqualTo(LokiSelectors.OTEL);
        assertThat(LokiSelectors.detect(List.of("job", "filename"))).isEqualTo(LokiSelectors.PROMTAIL);
    }

    @Test
    void scopesAsSelectors() {
        KubeRef pod = new KubeRef("Pod", "sock-shop", "carts-5d8f7b6c9d-x7k2p");
        assertThat(LokiSelectors.selector(new LogScope.Cluster(), LokiSelectors.PROMTAIL)).isEqualTo("{namespace=~\".+\"}");
        assertThat(LokiSelectors.selector(new LogScope.Namespace("sock-shop"), LokiSelectors.OTEL))
                .isEqualTo("{k8s_namespace_name=\"sock-shop\"}");
        assertThat(LokiSelectors.selector(new LogScope.Pod(pod), LokiSelectors.PROMTAIL))
                .isEqualTo("{namespace=\"sock-shop\", pod=\"carts-5d8f7b6c9d-x7k2p\"}");
        assertThat(LokiSelectors.selector(new LogScope.Container(pod, "carts", true), LokiSelectors.FLUENT_BIT))
                .isEqualTo("{kubernetes_namespace_name=\"sock-shop\", kubernetes_pod_name=\"carts-5d8f7b6c9d-x7k2p\","
                        + " kubernetes_container_name=\"carts\"}");
        assertThat(LokiSelectors.selector(new LogScope.Workload(new KubeRef("Deployment", "sock-shop", "carts")),
                LokiSelectors.PROMTAIL)).isEqualTo("{namespace=\"sock-shop\", pod=~\"carts-[a-z0-9]{1,10}-[a-z0-9]{5}\"}");
    }

    @Test
    void regexMetacharactersInNamesAreEscapedAndQuotedForLogQL() {
        String s = LokiSelectors.selector(new LogScope.Workload(new KubeRef("StatefulSet", "db", "pg.v2")), LokiSelectors.PROMTAIL);
        assertThat(s).isEqualTo("{namespace=\"db\", pod=~\"pg\\\\.v2-[0-9]+\"}");
        assertThat(LokiSelectors.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    /** Each workload's pattern matches its own pods' real names and not its neighbours'. */
    @ParameterizedTest
    @CsvSource({
            "Deployment, carts, carts-5d8f7b6c9d-x7k2p, true",
            "Deployment, carts, carts-db-0, false",
            "Deployment, carts, carts-db-7f9c6d5b4-abcde, false",
            "Deployment, carts, carts-6b7f8-q2w4e, true",
            "ReplicaSet, carts-5d8f7b6c9d, carts-5d8f7b6c9d-x7k2p, true",
            "StatefulSet, carts-db, carts-db-0, true",
            "StatefulSet, carts-db, carts-db-12, true",
            "StatefulSet, carts-db, carts-db-backup-0, false",
            "DaemonSet, node-exporter, node-exporter-7xk2p, true",
            "DaemonSet, node-exporter, node-exporter-7xk2p-extra, false",
            "Job, migrate, migrate-8fz2x, true",
            "CronJob, backup, backup-29413920-k7d2x, true",
            "CronJob, backup, backup-k7d2x, false",
            "StatefulSet, pg.v2, pgxv2-0, false",
            "StatefulSet, pg.v2, pg.v2-0, true",
    })
    void workloadPatternsMatchTheirPods(String kind, String name, String pod, boolean matches) {
        // Loki anchors label regexes; Java's matches() does too, and RE2 and Java agree on these patterns
        assertThat(Pattern.matches(LokiSelectors.podPattern(kind, name), pod)).isEqualTo(matches);
    }
}
