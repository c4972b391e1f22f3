package io.pitwall.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.connectors.snapshot.Bundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo incident the app carries: one story, told by every signal, on one time range. */
class DemoIncidentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theBundledDemoOpensWithEverySignal() throws Exception {
        try (OfflineSession s = OfflineSession.open(DemoIncident.extractTo(dir))) {
            assertThat(s.info().captured()).contains(DemoStory.RANGE);
            assertThat(s.info().namespaces()).containsExactly("sock-shop");
            for (Signal signal : Signal.values()) {
                assertThat(s.state(signal)).as(signal.name())
                        .isInstanceOfSatisfying(SourceState.Offline.class, o -> assertThat(o.present()).isTrue());
            }
            assertThat(s.notes()).get().asString().contains("OOMKilled", "KubePodCrashLooping", "Terminal shell");
            assertThat(s.clusterState()).get().satisfies(c -> {
                assertThat(c.pods()).hasSize(13);
                assertThat(c.nodes()).hasSize(2);
                assertThat(c.events()).isNotEmpty();
                assertThat(c.pods()).filteredOn(p -> p.name().startsWith("carts-6"))
                        .singleElement().satisfies(p -> assertThat(p.restarts()).isEqualTo(4));
            });
        }
    }

    @Test
    void everySignalTellsTheSameStory() throws Exception {
        try (OfflineSession s = OfflineSession.open(DemoIncident.extractTo(dir))) {
            Bundle b = s.bundle();
            JsonNode objects = JSON.readTree(b.read("cluster/objects.json"));
            JsonNode carts = null;
            for (JsonNode item : objects.get("items")) {
                if ("Pod".equals(item.path("kind").asText()) && "carts".equals(item.path("metadata").path("labels").path("name").asText())) {
                    carts = item;
                }
            }
            assertThat(carts).isNotNull();
            String pod = carts.path("metadata").path("name").asText();
            JsonNode status = carts.path("status").path("containerStatuses").get(0);
            assertThat(status.path("restartCount").asInt()).isEqualTo(4);
            assertThat(status.path("lastState").path("terminated").path("reason").asText()).isEqualTo("OOMKilled");
            assertThat(carts.path("spec").path("containers").get(0).path("resources").path("limits").path("memory").asText())
                    .isEqualTo("256Mi");

            JsonNode events = JSON.readTree(b.read("cluster/events.json"));
            assertThat(events.get("items")).filteredOn(e -> "OOMKilling".equals(e.path("reason").asText())).hasSize(4);
            // the watch saw carts go unready at each kill and ready again after
            assertThat(s.clusterChanges(DemoStory.RANGE)).hasSize(12).allSatisfy(c -> assertThat(c.ref().name()).isEqualTo(pod))
                    .filteredOn(c -> c.summary().endsWith("OOMKilled")).hasSize(4);
            // captured as a real cluster is: the dump's database password does not ship
            assertThat(new String(b.read("cluster/objects.json"), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("MYSQL_ROOT_PASSWORD").doesNotContain("fake_password");
            assertThat(b.manifest().redactions()).containsEntry("env", 3L);

            JsonNode alerts = JSON.readTree(b.read("alerts/alerts.json"));
            assertThat(alerts.get(0).path("labels").path("alertname").asText()).isEqualTo("KubePodCrashLooping");
            assertThat(alerts.get(0).path("labels").path("pod").asText()).isEqualTo(pod);

            String falco = new String(b.read("security/falco.ndjson"), java.nio.charset.StandardCharsets.UTF_8);
            JsonNode shell = JSON.readTree(falco.lines().findFirst().orElseThrow());
            assertThat(shell.path("rule").asText()).isEqualTo("Terminal shell in container");
            assertThat(shell.path("output_fields").path("k8s.pod.name").asText()).isEqualTo(pod);
            assertThat(DemoStory.RANGE.contains(java.time.Instant.parse(shell.path("time").asText()))).isTrue();

            // memory reaches the 256 MiB limit before the first kill
            JsonNode memory = null;
            for (JsonNode q : JSON.readTree(b.read("metrics/query_range.json"))) {
                if (q.path("query").asText().startsWith("container_memory_working_set_bytes")) {
                    memory = q;
                }
            }
            assertThat(memory).isNotNull();
            double max = 0;
            for (JsonNode series : memory.path("response").path("data").path("result")) {
                if ("carts".equals(series.path("metric").path("container").asText())) {
                    for (JsonNode v : series.path("values")) {
                        max = Math.max(max, Double.parseDouble(v.get(1).asText()));
                    }
                }
            }
            assertThat(max).isGreaterThan(0.97 * DemoStory.MEMORY_LIMIT);

            // every resource graph of the carts pod, its deployment, the namespace and the cluster answers offline
            io.pitwall.connectors.metrics.MetricsSource metrics = s.metrics().orElseThrow();
            io.pitwall.connectors.model.KubeRef cartsPod = new io.pitwall.connectors.model.KubeRef("Pod", DemoStory.NAMESPACE, pod);
            for (io.pitwall.connectors.metrics.MetricScope scope : List.of(new io.pitwall.connectors.metrics.MetricScope.Pod(cartsPod),
                    new io.pitwall.connectors.metrics.MetricScope.Workload(new io.pitwall.connectors.model.KubeRef("Deployment",
                            DemoStory.NAMESPACE, "carts")),
                    new io.pitwall.connectors.metrics.MetricScope.Namespace(DemoStory.NAMESPACE),
                    new io.pitwall.connectors.metrics.MetricScope.Cluster())) {
                for (io.pitwall.connectors.metrics.PanelData panel : new io.pitwall.connectors.metrics.PanelLoader(metrics)
                        .loadAll(io.pitwall.connectors.prometheus.ResourcePanels.of(scope), DemoStory.RANGE, DemoMetrics.STEP).join()) {
                    assertThat(panel.queries()).as(scope + " " + panel.panel().id())
                            .allSatisfy(q -> assertThat(q.error()).as(q.spec().promql()).isEmpty())
                            .anySatisfy(q -> assertThat(q.result().orElseThrow().series()).isNotEmpty());
                }
            }

            JsonNode logs = JSON.readTree(b.read("logs/query_range.json"));
            assertThat(logs.path("data").path("resultType").asText()).isEqualTo("streams");
            assertThat(logs.toString()).contains("java.lang.OutOfMemoryError: Java heap space");

            JsonNode traces = JSON.readTree(b.read("traces/zipkin.json"));
            List<Long> durations = new ArrayList<>();
            traces.forEach(t -> durations.add(t.get(0).path("duration").asLong()));
            assertThat(durations).anyMatch(d -> d > 3_000_000).anyMatch(d -> d < 200_000);
            // each span names its pod, and orders logs each checkout with its trace id
            String logText = logs.toString();
            traces.forEach(t -> {
                assertThat(logText).contains("traceId=" + t.get(0).path("traceId").asText());
                t.forEach(span -> assertThat(objects.toString()).contains("\"" + span.path("tags").path("k8s.pod.name").asText() + "\""));
            });
            assertThat(traces.toString()).contains("\"k8s.pod.name\":\"" + pod + "\"");
        }
    }

    @Test
    void theGeneratorIsDeterministic() throws Exception {
        Path sources = Path.of("src/demo/sources");
        DemoIncident.write(sources, dir.resolve("a.pitwall"));
        DemoIncident.write(sources, dir.resolve("b.pitwall"));
        assertThat(Files.readAllBytes(dir.resolve("a.pitwall"))).isEqualTo(Files.readAllBytes(dir.resolve("b.pitwall")));
    }
}
