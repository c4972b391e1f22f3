package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.it.Backends;
import io.pitwall.connectors.it.Backends.Server;
import io.pitwall.connectors.it.Kube;
import io.pitwall.connectors.it.ReadOnlyAudit;
import io.pitwall.connectors.kube.KubeClients;
import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.EndpointSettings;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.prometheus.ResourcePanels;
import io.pitwall.connectors.prometheus.TraceEndpoint;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.session.Signal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pitwall capture} as automation runs it: its own JVM ({@code io.pitwall.app.Main}, so the
 * real picocli wiring, exit code and streams), a temporary HOME with the backends' kubeconfig in
 * {@code KUBECONFIG} and the context's endpoints (the real Prometheus, Alertmanager and Zipkin) in
 * its config folder. The bundle it writes holds what a live session sees: the namespace's pods,
 * the namespace's and the cluster's metric series, the posted trace; the API server got reads only.
 */
class CaptureCommandIT {

    private final Backends backends = Backends.load();
    private KubernetesClient admin;
    private String ns;

    @TempDir
    Path tmp;

    @AfterEach
    void deleteNamespace() {
        if (admin != null) {
            if (ns != null) {
                admin.namespaces().withName(ns).delete();
            }
            admin.close();
        }
    }

    @Test
    void aCaptureFromTheRealServersHoldsWhatTheLiveSessionSees() throws Exception {
        URI prometheus = backends.require(Server.PROMETHEUS);
        URI alertmanager = backends.require(Server.ALERTMANAGER);
        URI zipkin = backends.require(Server.ZIPKIN);
        backends.require(Server.NODE_EXPORTER);
        Path kubeconfig = backends.kubeconfig();
        String context = backends.adminContext();

        // a namespace with two pods, and a trace in Zipkin
        admin = Kube.client(backends, context);
        ns = "pitwall-capture-" + hex(3);
        Kube.createNamespace(admin, ns);
        for (String name : List.of("web-1", "worker-1")) {
            admin.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName(name).withNamespace(ns)
                    .addToLabels("app", name.substring(0, name.indexOf('-'))).endMetadata()
                    .withNewSpec().addNewContainer().withName("main").withImage("registry.invalid/" + name + ":1").endContainer()
                    .endSpec().build()).create();
        }
        String service = "pitwall-capture-" + hex(3);
        String traceId = postTrace(zipkin, service);

        // the user's files: a HOME of its own, the context's endpoints as the endpoints dialog saves them
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path config = tmp.resolve("config");
        Files.createDirectories(config.resolve("pitwall"));
        new EndpointSettings(Map.of(context, new ContextEndpoints(List.of(PrometheusEndpoint.url("prometheus",
                prometheus.toString())), Optional.empty(), Optional.of(AlertmanagerEndpoint.url("alertmanager",
                alertmanager.toString()))).withTraces(Optional.of(TraceEndpoint.url("zipkin", TraceEndpoint.Protocol.ZIPKIN,
                zipkin.toString()))))).write(config.resolve("pitwall").resolve(EndpointSettings.FILE_NAME));

        Path bundle = tmp.resolve("incident.pitwall");
        Instant started = Instant.now().minusSeconds(1);
        PitwallProcess.Cli cli = PitwallProcess.run(tmp, home, config, kubeconfig, "capture", "--context", context,
                "-n", ns, "--since", "15m",
                "--note", "# Capture from CI", "--out", bundle.toString());
        Instant ended = Instant.now().plusSeconds(1);

        String said = cli.said();
        assertThat(cli.code()).as(said).isIn(0, 3);
        assertThat(bundle).as(said).isRegularFile();
        // the summary: the file, every signal, the outcome; progress went to stderr, a line per signal (no terminal)
        assertThat(cli.out()).as(said).startsWith("wrote " + bundle + " (").contains("from context " + context)
                .containsPattern("(?m)^  cluster +[1-9]").containsPattern("(?m)^  metrics +[1-9]")
                .containsPattern("(?m)^  traces +[1-9]").containsPattern("(?m)^outcome: (complete|partial)");
        assertThat(cli.err()).as(said).contains("capturing cluster... 1 of 5", "capturing security... 5 of 5")
                .doesNotContain("\033", "Exception", "\tat ");
        // the cluster, the metrics and the traces came without a problem (logs and security depend on what the
        // API server without kubelets and report CRDs can say)
        assertThat(cli.out().lines().filter(l -> l.matches("  (cluster|metrics|traces) .*")).toList()).as(said)
                .hasSize(3).noneMatch(l -> l.contains("problem"));
        // no JavaFX at all: the toolkit never started
        assertThat(Files.readString(tmp.resolve("classes.log"))).as("classes loaded by pitwall capture")
                .doesNotContain("com.sun.javafx.application.PlatformImpl", "com.sun.glass.ui.Application ");

        // the API server got nothing but reads from it
        List<ReadOnlyAudit.Request> sent = ReadOnlyAudit.assertOnlyReads(backends.auditLog(), KubeClients.USER_AGENT_PREFIX,
                started).stream().filter(r -> !r.at().isAfter(ended)).toList();
        assertThat(sent).extracting(ReadOnlyAudit.Request::verb).as("pitwall capture listed the cluster").contains("list");

        try (OfflineSession offline = OfflineSession.open(bundle);
             LiveSession live = LiveSession.connect(context, Optional.empty(),
                     () -> Config.fromKubeconfig(context, kubeconfig.toFile()), Thread.ofVirtual()::start,
                     new ContextEndpoints(List.of(PrometheusEndpoint.url("prometheus", prometheus.toString())),
                             Optional.empty(), Optional.empty()).withTraces(Optional.of(TraceEndpoint.url("zipkin",
                             TraceEndpoint.Protocol.ZIPKIN, zipkin.toString()))), Duration.ofSeconds(1))) {
            assertThat(offline.info().context()).contains(context);
            assertThat(offline.info().namespaces()).containsExactly(ns);
            assertThat(offline.notes()).contains("# Capture from CI");

            // the same pods in the namespace
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (live.clusterState().map(s -> pods(s.pods())).orElse(Set.of()).size() < 2) {
                if (System.nanoTime() > deadline) {
                    fail("the live session saw no pods of " + ns + " within 30 s: " + live.state(Signal.CLUSTER));
                }
                Thread.sleep(100);
            }
            Set<String> livePods = pods(live.clusterState().orElseThrow().pods());
            assertThat(livePods).containsExactlyInAnyOrder("web-1", "worker-1");
            assertThat(pods(offline.clusterState().orElseThrow().pods())).isEqualTo(livePods);

            // every query of the namespace's graphs is in the bundle, with the series Prometheus has for it;
            // the cluster's CPU graph has node exporter's
            List<RangeResult> captured = offline.metrics().orElseThrow().captured().get(30, TimeUnit.SECONDS);
            Map<String, RangeResult> byQuery = captured.stream().collect(Collectors.toMap(RangeResult::query, r -> r, (a, b) -> a));
            for (String q : queries(new MetricScope.Namespace(ns))) {
                assertThat(byQuery).as("the bundle's series of " + q).containsKey(q);
                RangeResult kept = byQuery.get(q);
                RangeResult now = live.metrics().orElseThrow().queryRange(q, kept.range(), kept.step()).get(30, TimeUnit.SECONDS);
                assertThat(labels(kept)).as(q).isEqualTo(labels(now));
            }
            String clusterCpu = queries(new MetricScope.Cluster()).getFirst();
            assertThat(byQuery).containsKey(clusterCpu);
            assertThat(byQuery.get(clusterCpu).series()).as(clusterCpu).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.values()).isNotEmpty());

            // the posted trace, span for span
            Trace kept = offline.traces().orElseThrow().trace(traceId).get(30, TimeUnit.SECONDS);
            Trace seen = live.traces().orElseThrow().trace(traceId).get(30, TimeUnit.SECONDS);
            assertThat(kept.spanCount()).isEqualTo(seen.spanCount()).isEqualTo(2);
            assertThat(kept.services()).isEqualTo(seen.services()).contains(service);
        }
    }

    private Set<String> pods(List<PodInfo> pods) {
        return pods.stream().filter(p -> p.namespace().equals(ns)).map(PodInfo::name).collect(Collectors.toSet());
    }

    private static List<String> queries(MetricScope scope) {
        return ResourcePanels.of(scope).stream().flatMap(p -> p.queries().stream()).map(PanelSpec.QuerySpec::promql)
                .distinct().toList();
    }

    private static Set<Map<String, String>> labels(RangeResult r) {
        return r.series().stream().map(MetricSeries::labels).collect(Collectors.toSet());
    }

    /** Posts a two-span trace of {@code service} to Zipkin (v2 JSON), as ZipkinTracesIT does; returns its id. */
    private static String postTrace(URI zipkin, String service) throws Exception {
        String traceId = hex(16);
        String root = hex(8);
        long now = Instant.now().minusSeconds(30).toEpochMilli() * 1000;
        String spans = """
                [{"traceId":"%1$s","id":"%2$s","name":"get /checkout","kind":"SERVER","timestamp":%4$d,"duration":90000,
                  "localEndpoint":{"serviceName":"%5$s"}},
                 {"traceId":"%1$s","parentId":"%2$s","id":"%3$s","name":"get /api/cart","kind":"CLIENT","timestamp":%6$d,
                  "duration":60000,"localEndpoint":{"serviceName":"%5$s"},"tags":{"error":"503"}}]"""
                .formatted(traceId, root, hex(8), now, service, now + 10_000);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(zipkin.resolve("/api/v2/spans"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(spans)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("Zipkin accepts the spans: " + r.body()).isEqualTo(202);
        }
        // Zipkin indexes asynchronously: wait until it serves the trace
        try (HttpClient http = HttpClient.newHttpClient()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (http.send(HttpRequest.newBuilder(zipkin.resolve("/api/v2/trace/" + traceId)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    fail("Zipkin did not serve trace " + traceId + " within 30 s");
                }
                Thread.sleep(200);
            }
        }
        return traceId;
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
