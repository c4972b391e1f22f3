package io.pitwall.ui.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeRangeModelTest {

    /** A clock the test moves. */
    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-11-25T03:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StepClock clock = new StepClock();
    private final TimeRangeModel model = new TimeRangeModel(clock);

    @Test
    void startsLiveOnTheLastHour() {
        assertThat(model.isLive()).isTrue();
        assertThat(model.presetProperty().get()).isEqualTo(Duration.ofHours(1));
        assertThat(model.range()).isEqualTo(TimeRange.ending(clock.now, Duration.ofHours(1)));
    }

    @Test
    void liveFollowsNowPausedStays() {
        model.setRelative(Duration.ofMinutes(15));
        clock.now = clock.now.plusSeconds(30);
        model.tick();
        assertThat(model.range().to()).isEqualTo(clock.now);

        model.setLive(false);
        Instant pausedEnd = model.range().to();
        clock.now = clock.now.plusSeconds(60);
        model.tick();
        assertThat(model.range().to()).isEqualTo(pausedEnd);

        model.setLive(true);
        assertThat(model.range().to()).isEqualTo(clock.now);
        assertThat(model.range().length()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void absoluteRangesAreFixedUntilResumed() {
        TimeRange incident = new TimeRange(Instant.parse("2026-11-24T22:00:00Z"), Instant.parse("2026-11-24T23:30:00Z"));
        model.setAbsolute(incident);
        assertThat(model.isLive()).isFalse();
        assertThat(model.presetProperty().get()).isNull();
        clock.now = clock.now.plusSeconds(600);
        model.tick();
        assertThat(model.range()).isEqualTo(incident);

        model.setLive(true);
        assertThat(model.range().length()).isEqualTo(Duration.ofMinutes(90));
        assertThat(model.range().to()).isEqualTo(clock.now);
        assertThat(model.presetProperty().get()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void presetLabels() {
        assertThat(TimeRangeModel.PRESETS.stream().map(TimeRangeModel::label))
                .containsExactly("5m", "15m", "1h", "6h", "24h");
    }
}
