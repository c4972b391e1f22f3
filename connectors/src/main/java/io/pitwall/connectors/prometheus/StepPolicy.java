package io.pitwall.connectors.prometheus;

import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.util.List;

/**
 * The step of a range query: about one point per pixel of the chart, rounded up to a step people
 * read ("15s", "1m", "5m"), never finer than the scrape interval (finer steps only repeat samples)
 * and never more than Prometheus's 11,000 points per series. Also the rate window that goes with
 * a step, as Grafana's {@code $__rate_interval}: at least four scrape intervals, so that a rate
 * always sees two samples even when a scrape is missed.
 */
public final class StepPolicy {

    /** What is assumed when the server does not say its scrape interval (kube-prometheus's default). */
    public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofSeconds(30);

    /** Prometheus refuses a range query of more points than this per series. */
    public static final long MAX_POINTS = 11_000;

    static final List<Duration> NICE = List.of(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
            Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7));

    private StepPolicy() {
    }

    /**
     * @param widthPx        the chart's plot width in pixels (at least 1 is assumed)
     * @param scrapeInterval how often the server scrapes, when known
     */
    public static Duration step(TimeRange range, int widthPx, Duration scrapeInterval) {
        long rangeMs = range.length().toMillis();
        long raw = Math.max(rangeMs / Math.max(1, widthPx), ceilDiv(rangeMs, MAX_POINTS));
        Duration nice = NICE.getLast();
        for (Duration d : NICE) {
            if (d.toMillis() >= raw) {
                nice = d;
                break;
            }
        }
        if (nice.toMillis() < raw) {
            nice = Duration.ofMillis(raw);
        }
        Duration floor = scrapeInterval == null || scrapeInterval.isZero() || scrapeInterval.isNegative()
                ? Duration.ofSeconds(1) : scrapeInterval;
        return nice.compareTo(floor) >= 0 ? nice : floor;
    }

    /** The rate window for {@code step}: the larger of step + one scrape interval and four scrape intervals. */
    public static Duration rateInterval(Duration step, Duration scrapeInterval) {
        Duration scrape = scrapeInterval == null || scrapeInterval.isZero() ? DEFAULT_SCRAPE_INTERVAL : scrapeInterval;
        Duration a = step.plus(scrape);
        Duration b = scrape.multipliedBy(4);
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
