package io.pitwall.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepPolicyTest {

    @ParameterizedTest(name = "{0} over {1} px, scrape {2}: {3}")
    @CsvSource({
            // one point a pixel, rounded up to a step people read
            "PT1H,   1200, PT30S, PT30S",
            "PT1H,    600, PT15S, PT15S",
            "PT1H,    100, PT15S, PT1M",
            "PT6H,    800, PT30S, PT30S",
            "PT24H,  1000, PT30S, PT2M",
            "P7D,    1000, PT30S, PT15M",
            // never finer than the scrape interval
            "PT5M,   1920, PT30S, PT30S",
            "PT5M,   1920, PT1S,  PT1S",
            "PT5M,   1920, PT20S, PT20S",
            // never more than 11,000 points, even on a very wide chart
            "P30D, 100000, PT15S, PT5M",
            // a huge range goes past the largest nice step
            "P3650D,   10, PT30S, P365D"})
    void step(Duration range, int width, Duration scrape, Duration expected) {
        TimeRange r = TimeRange.ending(Instant.parse("2026-11-25T03:00:00Z"), range);
        assertThat(StepPolicy.step(r, width, scrape)).isEqualTo(expected);
        assertThat(r.length().toMillis() / StepPolicy.step(r, width, scrape).toMillis()).isLessThanOrEqualTo(StepPolicy.MAX_POINTS);
    }

    @ParameterizedTest(name = "step {0}, scrape {1}: rate over {2}")
    @CsvSource({"PT15S, PT30S, PT2M", "PT2M, PT30S, PT2M30S", "PT1S, PT1S, PT4S", "PT15M, PT15S, PT15M15S"})
    void rateInterval(Duration step, Duration scrape, Duration expected) {
        assertThat(StepPolicy.rateInterval(step, scrape)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1m30s, PT1M30S", "15s, PT15S", "500ms, PT0.5S", "1h, PT1H", "2d, PT48H"})
    void durations(String text, Duration d) {
        assertThat(PromDurations.parse(text)).hasValue(d);
        assertThat(PromDurations.parse(PromDurations.format(d))).hasValue(d);
    }
}
