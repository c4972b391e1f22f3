package io.pitwall.connectors.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pitwall.connectors.model.DependencyLink;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.model.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CapturedTracesTest {

    private static CapturedTraces source() throws Exception {
        List<Trace> all = new ArrayList<>();
        all.addAll(TraceFixtures.read("zipkin-v2-smartthings-oauth-authorization.json").traces());
        all.addAll(TraceFixtures.read("api-trace-ui_01.json").traces());
        all.addAll(TraceFixtures.read("ui-api-traces-multi-out.json").traces());
        return new CapturedTraces(all, "bundle test.pitwall", Runnable::run);
    }

    private static TimeRange all(CapturedTraces s) {
        return new TimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }

    @Test
    void servicesOperationsAndATraceById() throws Exception {
        CapturedTraces s = source();
        assertThat(s.local()).isTrue();
        assertThat(s.describe()).isEqualTo("bundle test.pitwall");
        assertThat(s.services(all(s)).get()).contains("auth", "paperboy", "service-x", "service-y", "example-trace")
                .isSorted();
        assertThat(s.operations("auth", all(s)).get()).contains("post /tokens/access").isSorted();
        assertThat(s.trace("8CE82B2E9ED820BA").get().spanCount()).isEqualTo(175);
        assertThat(s.trace("00000000000000000000000000000001").get().traceId()).isEqualTo("0000000000000001");
        Throwable t = catchThrowable(() -> s.trace("ffff").join());
        assertThat(t).isInstanceOf(CompletionException.class).cause().isInstanceOf(TraceQueryException.class)
                .hasMessage("trace ffff is not in bundle test.pitwall");
        assertThat(((TraceQueryException) t.getCause()).kind()).isEqualTo("not_found");
    }

    @Test
    void searchFiltersByServiceOperationTagsDurationRangeAndLimit() throws Exception {
        CapturedTraces s = source();
        Trace zipkin = s.trace("8ce82b2e9ed820ba").get();
        TimeRange around = new TimeRange(Instant.ofEpochSecond(0, zipkin.startNanos()).minusSeconds(1),
                Instant.ofEpochSecond(0, zipkin.endNanos()).plusSeconds(1));
        assertThat(s.search(TraceQuery.of("auth", around, 10)).get()).extracting(TraceSummary::traceId)
                .containsExactly("8ce82b2e9ed820ba");
        assertThat(s.search(TraceQuery.of("auth", new TimeRange(Instant.EPOCH, Instant.EPOCH.plusSeconds(1)), 10)).get())
                .isEmpty();
        assertThat(s.search(new TraceQuery("auth", "post /tokens/access", Map.of(), Optional.empty(), Optional.empty(), 10,
                around)).get()).hasSize(1);
        assertThat(s.search(new TraceQuery("auth", "no-such-op", Map.of(), Optional.empty(), Optional.empty(), 10,
                around)).get()).isEmpty();
        // error=true is any failed span, whatever Zipkin's error tag says
        assertThat(s.search(new TraceQuery("", "", Map.of("error", "true"), Optional.empty(), Optional.empty(), 10,
                all(s))).get()).extracting(TraceSummary::traceId).contains("8ce82b2e9ed820ba");
        Duration d = Duration.ofNanos(zipkin.durationNanos());
        assertThat(s.search(new TraceQuery("auth", "", Map.of(), Optional.of(d), Optional.of(d), 10, around)).get()).hasSize(1);
        assertThat(s.search(new TraceQuery("auth", "", Map.of(), Optional.of(d.plusNanos(1)), Optional.empty(), 10,
                around)).get()).isEmpty();
        assertThat(s.search(new TraceQuery("", "", Map.of(), Optional.empty(), Optional.empty(), 10, all(s))).get())
                .hasSize(s.traces().size()).extracting(TraceSummary::startNanos).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(s.search(TraceQuery.of("", all(s), 2)).get()).hasSize(2);
    }

    @Test
    void tagsMatchASpansOwnOrItsProcesssTags() throws Exception {
        CapturedTraces s = source();
        Trace t = s.trace("0000000000000001").get();
        int i = java.util.stream.IntStream.range(0, t.spanCount()).filter(k -> t.tags().size(k) > 0).findFirst().orElseThrow();
        String key = t.tags().key(i, 0);
        assertThat(s.search(new TraceQuery(t.service(i), "", Map.of(key, t.tags().value(i, 0)), Optional.empty(),
                Optional.empty(), 10, all(s))).get()).extracting(TraceSummary::traceId).containsExactly(t.traceId());
        assertThat(s.search(new TraceQuery(t.service(i), "", Map.of(key, "nope"), Optional.empty(), Optional.empty(), 10,
                all(s))).get()).isEmpty();
    }

    @Test
    void dependenciesAreDerivedFromTheTraces() throws Exception {
        CapturedTraces s = source();
        List<DependencyLink> links = s.dependencies(all(s)).get();
        assertThat(links).isEqualTo(TraceDependencies.of(s.traces()));
        assertThat(links).isNotEmpty().extracting(DependencyLink::child).contains("service-y");
    }
}
