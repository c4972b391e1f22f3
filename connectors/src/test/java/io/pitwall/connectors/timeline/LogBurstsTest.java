package io.pitwall.connectors.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogResult;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.logs.LokiSelectors;
import io.pitwall.connectors.logs.StubLogsSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error bursts from lines read back (the Kubernetes log API, a bundle) and the LogQL the collector sends Loki. */
class LogBurstsTest {

    private static final TimeRange WINDOW = TimeRange.ending(Instant.parse("2026-11-24T04:00:00Z"), Duration.ofMinutes(30));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"level\":\"error\",\"ts\":\"2026-11-24T03:40:01Z\",\"msg\":\"cannot reach carts-db\"}|true",
        "{\"level\":\"info\",\"msg\":\"error budget fine\"}|false",
        "level=error ts=2026-11-24T03:40:01Z caller=main.go:12 msg=\"dial tcp: i/o timeout\"|true",
        "level=warn msg=\"retrying after error\"|false",
        "E1124 03:40:01.123456       1 reflector.go:138] failed to list *v1.Pod|true",
        "I1124 03:40:01.123456       1 main.go:50] started|false",
        "2026-11-24 03:40:01.123 ERROR 1 --- [nio-8080-exec-1] o.a.c.c.C.[.[.[/]: Servlet.service() failed|true",
        "2026/11/24 03:40:01 [error] 29#29: *1 connect() failed (111: Connection refused)|true",
        "10.0.0.1 - - [24/Nov/2026:03:40:01 +0000] \"GET /errors HTTP/1.1\" 500 12|false",
        "java.lang.OutOfMemoryError: Java heap space|false"})
    void anErrorLineIsOneThatSaysSo(String line, boolean error) {
        assertThat(LogBursts.isError(line)).isEqualTo(error);
    }

    @Test
    void linesOfTheLogApiAreBucketedAndABurstIsOneSpan() {
        LogStream carts = new LogStream(Map.of("namespace", "shop", "pod", "carts-1", "container", "carts"));
        LogStream quiet = new LogStream(Map.of("namespace", "shop", "pod", "orders-1", "container", "orders"));
        List<LogEntry> lines = new ArrayList<>();
        for (int s = 0; s < 1800; s += 20) {
            Instant t = WINDOW.from().plusSeconds(s);
            lines.add(new LogEntry(LogEntry.nanos(t), carts, "level=info msg=\"GET /carts 200\""));
            lines.add(new LogEntry(LogEntry.nanos(t), quiet, "level=error msg=\"slow query\""));
            if (s % 60 == 0) {
                lines.add(new LogEntry(LogEntry.nanos(t), carts, "level=error msg=\"cache miss\""));
            }
        }
        Instant burst = WINDOW.from().plus(Duration.ofMinutes(12));
        for (int i = 0; i < 50; i++) {
            lines.add(new LogEntry(LogEntry.nanos(burst.plusSeconds(i)), carts,
                    "{\"level\":\"error\",\"msg\":\"java.lang.OutOfMemoryError: Java heap space\"}"));
        }
        StubLogsSource api = new StubLogsSource("Kubernetes log API", false) {
            @Override
            public CompletableFuture<LogResult> query(LogQuery q) {
                assertThat(q.scope()).isEqualTo(new LogScope.Namespace("shop"));
                return CompletableFuture.completedFuture(new LogResult(q, lines.stream()
                        .sorted(java.util.Comparator.comparingLong(LogEntry::epochNanos)).toList(), Optional.empty(), false,
                        List.of()));
            }
        };
        StorySession session = new StorySession();
        session.logs = api;
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Timeline t = new TimelineCollector(executor).collect(session, WINDOW, List.of("shop")).join();
            assertThat(t.lane(Lane.ERROR_LOGS)).as("orders errors steadily: no burst").singleElement().satisfies(i -> {
                assertThat(i.ref()).contains(new KubeRef("Pod", "shop", "carts-1"));
                assertThat(i.title()).isEqualTo("51 error lines in carts-1");
                assertThat(i.at()).isEqualTo(burst);
                assertThat(i.end()).isEqualTo(burst.plusSeconds(60));
                assertThat(i.detail()).isEqualTo("up to 31 per 30 s, median 1");
            });
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void lokiIsAskedToCountByLevelInTheShippersLabels() {
        Duration bucket = LogBursts.bucket(TimeRange.ending(Instant.EPOCH.plusSeconds(86_400), Duration.ofHours(6)));
        assertThat(bucket).isEqualTo(Duration.ofMinutes(6));
        assertThat(LogBursts.bucket(WINDOW)).isEqualTo(Duration.ofSeconds(30));
        String selector = LogBursts.selector(List.of("shop", "kube.system"), LokiSelectors.OTEL);
        assertThat(selector).isEqualTo("{k8s_namespace_name=~\"shop|kube\\\\.system\"}");
        assertThat(LogBursts.byLevelQuery(selector, LokiSelectors.OTEL, bucket)).isEqualTo(
                "sum by (k8s_namespace_name, k8s_pod_name, level, detected_level) (count_over_time("
                        + "{k8s_namespace_name=~\"shop|kube\\\\.system\"} [360s]))");
        assertThat(LogBursts.errorWordQuery("{namespace=~\".+\"}", LokiSelectors.PROMTAIL, bucket)).isEqualTo(
                "sum by (namespace, pod) (count_over_time({namespace=~\".+\"} |~ \"(?i)\\\\b(error|err|fatal|panic|critical)\\\\b\""
                        + " [360s]))");
    }
}
