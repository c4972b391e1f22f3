package io.pitwall.ui.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.connectors.model.Trace;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Searching spans, and the search bar's tags and durations read from what the user typed. */
class SpanSearchTest {

    @Test
    void findsSpansByServiceOperationTagAndIdInRowOrder() {
        Trace t = TraceFixtures.fixture("ui-trace-overlapping-children-longer-than-parent.json");
        assertThat(SpanMatcher.find(t, "ASYNC task")).hasSize(2);
        assertThat(SpanMatcher.find(t, "4570ab68")).containsExactly(TraceFixtures.index(t, "4570ab68826f43f9"));
        assertThat(SpanMatcher.find(t, " ")).isEmpty();
        assertThat(SpanMatcher.find(t, "no such thing anywhere")).isEmpty();
        int[] all = SpanMatcher.find(t, "e"); // every span has an "e" in a name or tag
        assertThat(all).containsExactly(t.preorder());
        String service = t.service(0);
        int[] ofService = SpanMatcher.find(t, service);
        assertThat(ofService).containsExactly(java.util.Arrays.stream(t.preorder())
                .filter(i -> t.service(i).contains(service)).toArray());
    }

    @Test
    void findsTagValuesInAGeneratedTrace() {
        Trace t = TraceFixtures.generated(2_000);
        int[] hits = SpanMatcher.find(t, "/items/1234?");
        assertThat(hits).hasSize(1);
        assertThat(t.tags().get(hits[0], "http.url")).contains("/items/1234?");
        assertThat(SpanMatcher.find(t, "http.status_code")).hasSize(2_000);
        assertThat(SpanMatcher.find(t, "Go-2.30.0")).hasSize(2_000); // a process tag
    }

    @Test
    void readsTagConditions() {
        assertThat(TagConditions.parse("http.status_code=500  error=true msg=\"timed out\""))
                .containsExactly(Map.entry("http.status_code", "500"), Map.entry("error", "true"), Map.entry("msg", "timed out"));
        assertThat(TagConditions.parse("  ")).isEmpty();
        assertThatThrownBy(() -> TagConditions.parse("error")).hasMessageContaining("\"error\" has no value");
        assertThatThrownBy(() -> TagConditions.parse("=5")).hasMessageContaining("no key");
        assertThatThrownBy(() -> TagConditions.parse("a=")).hasMessageContaining("a has no value");
        assertThatThrownBy(() -> TagConditions.parse("a=\"open")).hasMessageContaining("not closed");
    }

    @Test
    void readsAndWritesDurations() {
        assertThat(Durations.parse("100ms")).contains(Duration.ofMillis(100));
        assertThat(Durations.parse("1.5s")).contains(Duration.ofMillis(1500));
        assertThat(Durations.parse(" 250us ")).contains(Duration.ofNanos(250_000));
        assertThat(Durations.parse("2m")).contains(Duration.ofMinutes(2));
        assertThat(Durations.parse("")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> Durations.parse("fast")).hasMessageContaining("\"fast\" is not a duration");
        assertThatThrownBy(() -> Durations.parse("10")).hasMessageContaining("a number and a unit");
        assertThat(Durations.format(812)).isEqualTo("812ns");
        assertThat(Durations.format(45_600_000)).isEqualTo("45.6ms");
        assertThat(Durations.format(1_230_000_000)).isEqualTo("1.23s");
        assertThat(Durations.format(2_000_000)).isEqualTo("2ms");
        assertThat(Durations.format(125_000_000_000L)).isEqualTo("2m 5s");
        assertThat(Durations.tick(0, 50)).isEqualTo("0");
        assertThat(Durations.tick(10_000_000_000L, 10_000_000_000L)).isEqualTo("10s");
        assertThat(Durations.tick(199_950, 50)).isEqualTo("199.95µs");
        assertThat(Durations.tick(1_500_000, 500_000)).isEqualTo("1.5ms");
        assertThat(Durations.tick(2_000_000, 500_000)).isEqualTo("2.0ms");
    }
}
