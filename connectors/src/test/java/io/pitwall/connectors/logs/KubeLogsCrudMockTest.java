package io.pitwall.connectors.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.kube.MockApiServer;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.WorkloadInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Kubernetes log API fallback against fabric8's mock API server: request shapes, merging, refusals, errors. */
class KubeLogsCrudMockTest {

    private static final TimeRange RANGE = new TimeRange(Instant.parse("2025-11-25T03:15:00.400Z"),
            Instant.parse("2025-11-25T03:25:00Z"));
    private static final KubeRef DEPLOYMENT = new KubeRef("Deployment", "shop", "carts");
    private static final KubeRef RS = new KubeRef("ReplicaSet", "shop", "carts-5d8f7b6c9d");

    private final MockApiServer mock = new MockApiServer();
    private final KubernetesClient client = mock.pitwall();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final KubeLogs logs = new KubeLogs(client, () -> Optional.of(state()), Runnable::run, scheduler);

    @AfterEach
    void stop() {
        logs.close();
        scheduler.shutdownNow();
        client.close();
        mock.close();
    }

    private static PodInfo pod(String name, String created, String... containers) {
        List<PodInfo.ContainerInfo> cs = java.util.Arrays.stream(containers).map(c -> new PodInfo.ContainerInfo(c, "img", true,
                0, "running", Optional.empty(), Optional.empty())).toList();
        return new PodInfo("shop", name, name + "-uid", Map.of("app", "carts"), Optional.of(RS), "node-1", "Running", true, 0,
                Optional.empty(), cs, Instant.parse(created));
    }

    private static ClusterState state() {
        List<WorkloadInfo> workloads = List.of(
                new WorkloadInfo("Deployment", "shop", "carts", "d", Map.of(), Map.of("app", "carts"), Optional.empty(), 2, 2),
                new WorkloadInfo("ReplicaSet", "shop", "carts-5d8f7b6c9d", "r", Map.of(), Map.of("app", "carts"),
                        Optional.of(DEPLOYMENT), 2, 2));
        List<PodInfo> pods = List.of(pod("carts-5d8f7b6c9d-x7k2p", "2025-11-25T01:00:00Z", "carts", "istio-proxy"),
                pod("carts-5d8f7b6c9d-q2w4e", "2025-11-25T02:00:00Z", "carts"));
        return new ClusterState(Instant.parse("2025-11-25T03:25:00Z"), List.of("shop"), List.of(), pods, workloads, List.of(),
                List.of(), List.of(), Map.of(), Set.of(), Set.of());
    }

    /** What the mock answers for a container's log asked as KubeLogs asks it. */
    private void log(String pod, String container, boolean backward, int code, String body) {
        log(pod, container, backward ? 100 : 0, code, body);
    }

    private void log(String pod, String container, int tailLines, int code, String body) {
        Map<String, String> p = new LinkedHashMap<>(KubeLogs.params(new KubeLogTargets.Target("shop", pod, container, false),
                RANGE.from()));
        if (tailLines > 0) {
            p.put("tailLines", Integer.toString(tailLines));
        }
        p.put("limitBytes", Integer.toString(KubeLogs.LIMIT_BYTES));
        var url = KubeLogs.url("http://x/", new KubeLogTargets.Target("shop", pod, container, false), p);
        mock.server().expect().get().withPath(url.encodedPath() + "?" + url.encodedQuery()).andReturn(code, body).once();
    }

    @Test
    void aPodsContainersAreReadWithTimestampsFromTheRangesSecondAndMergedByTime() throws Exception {
        log("carts-5d8f7b6c9d-x7k2p", "carts", true, 200, """
                2025-11-25T03:15:00.100000000Z before the range, same second
                2025-11-25T03:20:01.000000000Z Added item 808a2de1 to cart 57a98d98
                2025-11-25T03:20:05.000000300Z java.lang.OutOfMemoryError: Java heap space
                \tat io.carts.CartsController.add(CartsController.java:41)
                """);
        log("carts-5d8f7b6c9d-x7k2p", "istio-proxy", true, 200, """
                2025-11-25T03:20:03.500000000Z [2025-11-25T03:20:03.500Z] "POST /carts HTTP/1.1" 503 UC
                2025-11-25T03:26:00.000000000Z after the range
                """);
        LogResult r = logs.query(new LogQuery(new LogScope.Pod(new KubeRef("Pod", "shop", "carts-5d8f7b6c9d-x7k2p")), "",
                RANGE, 100, true)).get();
        assertThat(r.entries()).extracting(LogEntry::line).containsExactly("Added item 808a2de1 to cart 57a98d98",
                "[2025-11-25T03:20:03.500Z] \"POST /carts HTTP/1.1\" 503 UC", "java.lang.OutOfMemoryError: Java heap space",
                "\tat io.carts.CartsController.add(CartsController.java:41)");
        assertThat(r.entries().get(1).stream().labels()).isEqualTo(Map.of("namespace", "shop", "pod",
                "carts-5d8f7b6c9d-x7k2p", "container", "istio-proxy"));
        assertThat(r.entries().get(3).epochNanos()).as("a line without a timestamp takes the previous one's")
                .isEqualTo(r.entries().get(2).epochNanos());
        assertThat(r.limited()).isFalse();
        assertThat(r.warnings()).isEmpty();
        assertThat(mock.pitwallRequests()).containsExactlyInAnyOrder(
                "GET /api/v1/namespaces/shop/pods/carts-5d8f7b6c9d-x7k2p/log?container=carts&timestamps=true"
                        + "&sinceTime=2025-11-25T03%3A15%3A00Z&tailLines=100&limitBytes=16777216",
                "GET /api/v1/namespaces/shop/pods/carts-5d8f7b6c9d-x7k2p/log?container=istio-proxy&timestamps=true"
                        + "&sinceTime=2025-11-25T03%3A15%3A00Z&tailLines=100&limitBytes=16777216");
    }

    @Test
    void aWorkloadsPodsAreFoundThroughItsReplicaSetsAndTheNewestLinesKept() throws Exception {
        log("carts-5d8f7b6c9d-x7k2p", "carts", 3, 200, "2025-11-25T03:20:01Z one\n2025-11-25T03:20:03Z three\n");
        log("carts-5d8f7b6c9d-x7k2p", "istio-proxy", 3, 200, "");
        log("carts-5d8f7b6c9d-q2w4e", "carts", 3, 200, "2025-11-25T03:20:02Z two\n2025-11-25T03:20:04Z four\n");
        LogResult r = logs.query(new LogQuery(new LogScope.Workload(DEPLOYMENT), "", RANGE, 3, true)).get();
        assertThat(r.entries()).extracting(LogEntry::line).containsExactly("two", "three", "four");
        assertThat(r.limited()).isTrue();
    }

    @Test
    void aServerErrorNamesThePodAndWhatTheServerSaid() throws Exception {
        String status = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"Get \\\"https://node-1:10250/containerLogs/shop/carts-0/carts\\\": dial tcp: lookup node-1: no such host\",\"code\":500}";
        Map<String, String> p = new LinkedHashMap<>(KubeLogs.params(new KubeLogTargets.Target("shop", "carts-0", "carts", true),
                RANGE.from()));
        p.put("limitBytes", Integer.toString(KubeLogs.LIMIT_BYTES));
        var url = KubeLogs.url("http://x/", new KubeLogTargets.Target("shop", "carts-0", "carts", true), p);
        assertThat(url.encodedQuery()).contains("previous=true");
        mock.server().expect().get().withPath(url.encodedPath() + "?" + url.encodedQuery()).andReturn(500, status).once();
        LogQueryException e = MockLoki.failure(logs.query(new LogQuery(new LogScope.Container(
                new KubeRef("Pod", "shop", "carts-0"), "carts", true), "", RANGE, 100, false)));
        assertThat(e.kind()).isEqualTo("server_error");
        assertThat(e.getMessage()).isEqualTo("the Kubernetes log API failed for pod shop/carts-0 container carts (HTTP 500):"
                + " Get \"https://node-1:10250/containerLogs/shop/carts-0/carts\": dial tcp: lookup node-1: no such host");
        assertThat(mock.pitwallRequests()).as("a 500 is an answer, not retried").hasSize(1);
    }

    @Test
    void oneContainerRefusedIsAWarningBesideTheOthersLines() throws Exception {
        log("carts-5d8f7b6c9d-x7k2p", "carts", true, 200, "2025-11-25T03:20:01Z one\n");
        log("carts-5d8f7b6c9d-x7k2p", "istio-proxy", true, 403, "{\"kind\":\"Status\",\"message\":\"pods \\\"carts\\\" is forbidden\"}");
        LogResult r = logs.query(new LogQuery(new LogScope.Pod(new KubeRef("Pod", "shop", "carts-5d8f7b6c9d-x7k2p")), "",
                RANGE, 100, true)).get();
        assertThat(r.entries()).extracting(LogEntry::line).containsExactly("one");
        assertThat(r.warnings()).singleElement().asString().contains("may not read the logs of pod shop/carts-5d8f7b6c9d-x7k2p"
                + " container istio-proxy");
    }

    @Test
    void aNamespaceAndLogQLAreRefusedWithWhatToDoInstead() throws Exception {
        LogQueryException ns = MockLoki.failure(logs.query(new LogQuery(new LogScope.Namespace("shop"), "", RANGE, 100, true)));
        assertThat(ns.kind()).isEqualTo("not_supported");
        assertThat(ns.getMessage()).contains("pick a workload or a pod");
        LogQueryException logql = MockLoki.failure(logs.query(new LogQuery(new LogScope.Pod(new KubeRef("Pod", "shop", "x")),
                "{pod=\"x\"} |= \"error\"", RANGE, 100, true)));
        assertThat(logql.kind()).isEqualTo("not_supported");
        assertThat(logs.speaksLogQL()).isFalse();
        assertThat(logs.labelValues("container", RANGE).get()).containsExactly("carts", "istio-proxy");
        assertThat(mock.takeRequests()).isEmpty();
    }
}
