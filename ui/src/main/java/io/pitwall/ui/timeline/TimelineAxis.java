package io.pitwall.ui.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline's time axis: where a moment falls in pixels, and round ticks about 90 pixels
 * apart (seconds to days), labelled in the local zone.
 */
final class TimelineAxis {

    private static final long[] STEPS_S = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
        43200, 86400, 172800, 604800};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());

    record Tick(double x, String label) {
    }

    private final long fromMs;
    private final long toMs;
    private final double left;
    private final double width;

    TimelineAxis(Instant from, Instant to, double left, double width) {
        this.fromMs = from.toEpochMilli();
        this.toMs = Math.max(to.toEpochMilli(), fromMs + 1);
        this.left = left;
        this.width = Math.max(1, width);
    }

    double x(Instant t) {
        return left + (t.toEpochMilli() - fromMs) * width / (toMs - fromMs);
    }

    Instant at(double x) {
        double f = Math.max(0, Math.min(1, (x - left) / width));
        return Instant.ofEpochMilli(fromMs + Math.round(f * (toMs - fromMs)));
    }

    boolean contains(Instant t) {
        long ms = t.toEpochMilli();
        return ms >= fromMs && ms <= toMs;
    }

    /** The step between ticks: the smallest round one that keeps labels about 90 px apart. */
    Duration step() {
        double msPerPx = (double) (toMs - fromMs) / width;
        for (long s : STEPS_S) {
            if (s * 1000 / msPerPx >= 90) {
                return Duration.ofSeconds(s);
            }
        }
        return Duration.ofSeconds(STEPS_S[STEPS_S.length - 1]);
    }

    List<Tick> ticks() {
        long step = step().toMillis();
        DateTimeFormatter f = step < 60_000 ? SECONDS : step >= 86_400_000 ? DAYS : MINUTES;
        // round in the local zone so hour ticks land on the hour
        long offset = ZoneId.systemDefault().getRules().getOffset(Instant.ofEpochMilli(fromMs)).getTotalSeconds() * 1000L;
        long first = Math.floorDiv(fromMs + offset + step - 1, step) * step - offset;
        List<Tick> out = new ArrayList<>();
        for (long t = first; t <= toMs && out.size() < 200; t += step) {
            out.add(new Tick(x(Instant.ofEpochMilli(t)), f.format(Instant.ofEpochMilli(t))));
        }
        return out;
    }
}
