package io.pitwall.connectors.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A closed-open window of time, {@code [from, to)}, shared by every pane.
 *
 * @param from the first instant in the window
 * @param to   the end of the window, after {@code from}
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("time range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The window of the given length that ends at {@code end}. */
    public static TimeRange ending(Instant end, Duration length) {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("time range length must be positive: " + length);
        }
        return new TimeRange(end.minus(length), end);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    /** This window moved so that it ends at {@code end}, keeping its length. */
    public TimeRange endingAt(Instant end) {
        return ending(end, length());
    }
}
