package io.pitwall.connectors.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");

    @Test
    void endingBuildsTheWindowBeforeTheEnd() {
        TimeRange r = TimeRange.ending(T0, Duration.ofMinutes(15));
        assertThat(r.from()).isEqualTo(Instant.parse("2026-11-25T02:45:00Z"));
        assertThat(r.to()).isEqualTo(T0);
        assertThat(r.length()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void containsIsClosedOpen() {
        TimeRange r = TimeRange.ending(T0, Duration.ofMinutes(5));
        assertThat(r.contains(r.from())).isTrue();
        assertThat(r.contains(T0.minusMillis(1))).isTrue();
        assertThat(r.contains(T0)).isFalse();
        assertThat(r.contains(r.from().minusMillis(1))).isFalse();
    }

    @Test
    void endingAtKeepsTheLength() {
        TimeRange r = TimeRange.ending(T0, Duration.ofHours(1)).endingAt(T0.plusSeconds(30));
        assertThat(r.length()).isEqualTo(Duration.ofHours(1));
        assertThat(r.to()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void rejectsEmptyAndBackwardWindows() {
        assertThatThrownBy(() -> new TimeRange(T0, T0)).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> new TimeRange(T0, T0.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeRange.ending(T0, Duration.ZERO)).hasMessageContaining("must be positive");
    }
}
