package io.pitwall.app.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CLI's durations ({@code 15m}, {@code 2h30m}, {@code 1d}), times (RFC 3339 or {@code now}) and sizes. */
final class CliTime {

    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,7})h)?(?:(\\d{1,9})m)?(?:(\\d{1,10})s)?");

    private CliTime() {
    }

    /**
     * A positive duration in days, hours, minutes and seconds, largest first, each at most once:
     * {@code 90s}, {@code 15m}, {@code 1h}, {@code 2h30m}, {@code 1d}. Empty when {@code text} is not one.
     */
    static Optional<Duration> parseDuration(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        Duration d = Duration.ZERO;
        d = d.plusDays(group(m, 1)).plusHours(group(m, 2)).plusMinutes(group(m, 3)).plusSeconds(group(m, 4));
        return d.isZero() ? Optional.empty() : Optional.of(d);
    }

    private static long group(Matcher m, int i) {
        return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
    }

    /** {@code 2h30m}, {@code 1d}, {@code 45s}: the inverse of {@link #parseDuration}. */
    static String format(Duration d) {
        StringBuilder b = new StringBuilder();
        long s = d.toSeconds();
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            b.append(days).append('d');
        }
        if (hours > 0) {
            b.append(hours).append('h');
        }
        if (minutes > 0) {
            b.append(minutes).append('m');
        }
        if (seconds > 0 || b.isEmpty()) {
            b.append(seconds).append('s');
        }
        return b.toString();
    }

    /**
     * An instant in RFC 3339 ({@code 2026-12-02T14:00:00Z}, {@code 2026-12-02T15:00:00+01:00},
     * fractions of a second, a lower-case {@code t} or {@code z}, or a space between date and
     * time) or {@code now}. Empty when {@code text} is neither.
     */
    static Optional<Instant> parseInstant(String text, Clock clock) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("now")) {
            return Optional.of(clock.instant());
        }
        t = t.toUpperCase(Locale.ROOT);
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        try {
            return Optional.of(OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code 812 B}, {@code 12.3 KB}, {@code 4.0 MB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
