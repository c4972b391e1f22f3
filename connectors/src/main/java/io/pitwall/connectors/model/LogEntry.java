package io.pitwall.connectors.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One log line: when it was written (nanoseconds since the epoch, as Loki keeps it), the
 * stream it belongs to, and its text without the trailing newline.
 */
public record LogEntry(long epochNanos, LogStream stream, String line) {

    public LogEntry {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(line, "line");
    }

    public Instant time() {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    public static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
