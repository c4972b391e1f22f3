package io.pitwall.connectors.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which object an alert names, from the labels kube-prometheus's rules put on their alerts. */
class AlertTest {

    private static Alert alert(Map<String, String> labels) {
        return new Alert("A", Alert.State.FIRING, "warning", labels, Map.of(), Optional.empty(), Optional.empty(), "", "prometheus");
    }

    @Test
    void thePodFirstThenTheWorkloadThenTheNode() {
        assertThat(alert(Map.of("namespace", "shop", "pod", "carts-1", "deployment", "carts", "node", "n1")).target())
                .contains(new KubeRef("Pod", "shop", "carts-1"));
        assertThat(alert(Map.of("namespace", "shop", "statefulset", "db")).target())
                .contains(new KubeRef("StatefulSet", "shop", "db"));
        assertThat(alert(Map.of("namespace", "shop", "cronjob", "nightly")).target())
                .contains(new KubeRef("CronJob", "shop", "nightly"));
        assertThat(alert(Map.of("node", "n1", "instance", "10.0.0.1:9100")).target()).contains(new KubeRef("Node", "", "n1"));
        assertThat(alert(Map.of("namespace", "shop", "job_name", "backup-123")).target())
                .contains(new KubeRef("Job", "shop", "backup-123"));
        // "job" is the scrape job, not a Kubernetes Job
        assertThat(alert(Map.of("job", "prometheus")).target()).isEmpty();
    }
}
