package io.pitwall.connectors.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracesCaptureTest {

    private static final TimeRange ALL = new TimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private static List<Trace> traces() throws Exception {
        List<Trace> all = new ArrayList<>();
        all.addAll(TraceFixtures.read("zipkin-v2-smartthings-oauth-authorization.json").traces());
        all.addAll(TraceFixtures.read("api-trace-ui_01.json").traces());
        all.addAll(TraceFixtures.read("ui-api-traces-multi-out.json").traces());
        all.addAll(TraceFixtures.read("ui-history-api-traces-follows-from.json").traces());
        return all;
    }

    private Path capture(TracesSource source, List<String> opened, int limit) throws Exception {
        Path file = dir.resolve("incident.pitwall");
        try (BundleWriter w = BundleWriter.create(file, BundleManifest.header("0.1.0", Instant.parse("2025-11-25T03:30:00Z"),
                null, null, ALL, List.of()))) {
            TracesCapture.write(w, source, ALL, opened, limit);
        }
        return file;
    }

    @Test
    void theFailedAndSlowestUpToTheLimitPlusTheOpenedOnesAreServedOffline() throws Exception {
        CapturedTraces live = new CapturedTraces(traces(), "Jaeger (v1 API) http://jaeger:16686", Runnable::run);
        Trace followsFrom = live.trace("2992f2a5b5d037a8aabffd08ef384237").get();
        Path file = capture(live, List.of("2992F2A5B5D037A8AABFFD08EF384237"), 2);
        try (OfflineSession s = OfflineSession.open(file)) {
            assertThat(s.state(Signal.TRACES)).isInstanceOfSatisfying(SourceState.Offline.class,
                    o -> assertThat(o.contents()).contains(TracesCapture.INDEX));
            TracesSource offline = s.traces().orElseThrow();
            assertThat(offline.local()).isTrue();
            List<TraceSummary> kept = offline.search(TraceQuery.of("", ALL, 100)).get();
            // the opened one, then the failed Zipkin trace, then the slowest of the others
            List<TraceSummary> window = live.search(TraceQuery.of("", ALL, 100)).get().stream()
                    .filter(t -> !t.traceId().equals(followsFrom.traceId()))
                    .sorted(java.util.Comparator.comparing((TraceSummary t) -> t.errorCount() == 0)
                            .thenComparing(java.util.Comparator.comparingLong(TraceSummary::durationNanos).reversed()))
                    .limit(2).toList();
            assertThat(kept).extracting(TraceSummary::traceId).containsExactlyInAnyOrder(followsFrom.traceId(),
                    window.get(0).traceId(), window.get(1).traceId());
            assertThat(window.getFirst().traceId()).isEqualTo("8ce82b2e9ed820ba");
            JaegerJsonWriterTest.assertSame(offline.trace(followsFrom.traceId()).get(), followsFrom, true);
            List<DependencyLink> links = offline.dependencies(ALL).get();
            assertThat(links).isNotEmpty();
            String index = new String(s.bundle().read(TracesCapture.INDEX), StandardCharsets.UTF_8);
            assertThat(index).contains("\"source\" : \"Jaeger (v1 API) http://jaeger:16686\"")
                    .contains("\"file\" : \"traces/2992f2a5b5d037a8aabffd08ef384237.json\"").contains("\"opened\" : true");
            assertThat(s.bundle().manifest().problems()).isEmpty();
        }
    }

    @Test
    void failuresAreProblemsAndTheRestIsWritten() throws Exception {
        CapturedTraces live = new CapturedTraces(traces(), "zipkin", Runnable::run);
        TracesSource broken = new TracesSource() {
            @Override
            public String describe() {
                return "Zipkin http://zipkin:9411";
            }

            @Override
            public CompletableFuture<List<String>> services(TimeRange range) {
                return CompletableFuture.failedFuture(new TraceQueryException("unreachable", "cannot reach http://zipkin:9411"));
            }

            @Override
            public CompletableFuture<List<String>> operations(String service, TimeRange range) {
                return live.operations(service, range);
            }

            @Override
            public CompletableFuture<List<TraceSummary>> search(TraceQuery query) {
                return live.search(query);
            }

            @Override
            public CompletableFuture<Trace> trace(String traceId) {
                return live.trace(traceId);
            }

            @Override
            public CompletableFuture<List<DependencyLink>> dependencies(TimeRange range) {
                return live.dependencies(range);
            }
        };
        Path file = capture(broken, List.of("8ce82b2e9ed820ba", "abcdef"), 10);
        try (OfflineSession s = OfflineSession.open(file)) {
            assertThat(s.bundle().manifest().problems()).extracting(p -> p.message()).containsExactly(
                    "the services failed: cannot reach http://zipkin:9411",
                    "trace abcdef failed: trace abcdef is not in zipkin");
            assertThat(s.traces().orElseThrow().search(TraceQuery.of("", ALL, 10)).get()).extracting(TraceSummary::traceId)
                    .containsExactly("8ce82b2e9ed820ba");
        }
    }

    @Test
    void aBundleWithoutTracesHasNoTracesSource() throws Exception {
        Path file = capture(null, List.of("abc"), 10);
        try (OfflineSession s = OfflineSession.open(file)) {
            assertThat(s.traces()).isEmpty();
            assertThat(s.state(Signal.TRACES)).isInstanceOfSatisfying(SourceState.Offline.class,
                    o -> assertThat(o.present()).isFalse());
        }
    }
}
