package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.LogEntry;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
                    String date = m.group(1);
                    String zone = m.group(4) == null ? "" : m.group(4);
                    ZoneOffset offset = ZoneOffset.UTC;
                    if (!zone.isEmpty() && !zone.equals("Z")) {
                        String digits = zone.replace(":", "");
                        int sign = digits.charAt(0) == '-' ? -1 : 1;
                        offset = ZoneOffset.ofHoursMinutes(sign * num(digits, 1, 3), sign * num(digits, 3, 5));
                    }
                    // by the digits' places, not a DateTimeFormatter: a million lines are read at a time
                    return new Found(nanos(num(date, 0, 4), num(date, 5, 7), num(date, 8, 10), m.group(2), m.group(3), offset),
                            m.end());
                }
            } else if ("IWEF".indexOf(c) >= 0) {
                Matcher m = KLOG.matcher(line);
                if (m.find()) {
                    return new Found(nanos(year, num(m.group(1), 0, 2), num(m.group(2), 0, 2), m.group(3), m.group(4),
                            ZoneOffset.UTC), m.end());
                }
            } else if (Character.isUpperCase(c)) {
                Matcher m = SYSLOG.matcher(line);
                if (m.find()) {
                    int month = MONTHS.indexOf(m.group(1)) / 3 + 1;
                    return new Found(nanos(year, month, Integer.parseInt(m.group(2).strip()), m.group(3), m.group(4),
                            ZoneOffset.UTC), m.end());
                }
            }
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return null; // looks like a timestamp but is not a date (2024-13-45)
        }
        return null;
    }

    /** The instant of a date, {@code HH:MM:SS}, an optional {@code .fraction} and an offset; throws for a date that is not one. */
    private static long nanos(int year, int month, int day, String hms, String fraction, ZoneOffset offset) {
        int nano = 0;
        if (fraction != null) {
            for (int i = 1; i < 10; i++) {
                nano = nano * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
            }
        }
        LocalDateTime t = LocalDateTime.of(year, month, day, num(hms, 0, 2), num(hms, 3, 5), num(hms, 6, 8), nano);
        return LogEntry.nanos(t.toInstant(offset));
    }

    /** The decimal number in {@code s[from, to)}, all digits. */
    private static int num(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }
}
