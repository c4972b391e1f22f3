package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.LogEntry;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps at the start of a log line, in the forms Kubernetes and common software write them:
 * RFC 3339 ({@code 2024-01-02T15:04:05.123456789Z}, with an offset, as the log API's
 * {@code timestamps=true} writes them), {@code 2024-01-02 15:04:05.123} (taken as UTC), klog's
 * {@code I0102 15:04:05.123456} and syslog's {@code Jan  2 15:04:05} (both without a year: the
 * caller's). Each returns where the text after the timestamp starts, so a caller may keep or cut it.
 */
final class LogTimes {

    private static final Pattern RFC3339 = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern KLOG = Pattern.compile("^[IWEF](\\d{2})(\\d{2}) (\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?");
    private static final Pattern SYSLOG = Pattern.compile(
            "^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \\d]\\d) (\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?");
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private LogTimes() {
    }

    /** A timestamp found at the start of a line, and where the rest of the line starts. */
    record Found(long epochNanos, int end) {
    }

    /** The timestamp at the start of {@code line}, or null; {@code year} stands in for forms without one. */
    static Found leading(String line, int year) {
        if (line.isEmpty() || line.length() < 8) {
            return null;
        }
        char c = line.charAt(0);
        try {
            if (Character.isDigit(c)) {
                Matcher m = RFC3339.matcher(line);
                if (m.find()) {
                    String frac = m.group(3) == null ? "" : m.group(3);
                    String zone = m.group(4) == null ? "" : m.group(4);
                    Instant t;
                    if (zone.isEmpty()) {
                        t = LocalDateTime.parse(m.group(1) + "T" + m.group(2) + frac).toInstant(ZoneOffset.UTC);
                    } else {
                        if (!zone.equals("Z") && !zone.contains(":")) {
                            zone = zone.substring(0, 3) + ":" + zone.substring(3);
                        }
                        t = OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + frac + zone).toInstant();
                    }
                    return new Found(LogEntry.nanos(t), m.end());
                }
            } else if ("IWEF".indexOf(c) >= 0) {
                Matcher m = KLOG.matcher(line);
                if (m.find()) {
                    String iso = String.format("%04d-%s-%sT%s%s", year, m.group(1), m.group(2), m.group(3),
                            m.group(4) == null ? "" : m.group(4));
                    return new Found(LogEntry.nanos(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC)), m.end());
                }
            } else if (Character.isUpperCase(c)) {
                Matcher m = SYSLOG.matcher(line);
                if (m.find()) {
                    int month = MONTHS.indexOf(m.group(1)) / 3 + 1;
                    String iso = String.format("%04d-%02d-%02dT%s%s", year, month, Integer.parseInt(m.group(2).strip()),
                            m.group(3), m.group(4) == null ? "" : m.group(4));
                    return new Found(LogEntry.nanos(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC)), m.end());
                }
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            return null; // looks like a timestamp but is not a date (2024-13-45)
        }
        return null;
    }
}
