package io.pitwall.ui.traces;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Span and trace durations in words ("812µs", "45.6ms", "1.23s", "2m 5s") and read back from a field ("100ms", "1.5s"). */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)");

    private Durations() {
    }

    /** A short form of {@code nanos}, three significant digits. */
    public static String format(long nanos) {
        if (nanos < 0) {
            return "-" + format(-nanos);
        }
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return digits(nanos / 1e3) + "µs";
        }
        if (nanos < 1_000_000_000) {
            return digits(nanos / 1e6) + "ms";
        }
        if (nanos < 60_000_000_000L) {
            return digits(nanos / 1e9) + "s";
        }
        long s = nanos / 1_000_000_000L;
        return s / 60 + "m " + s % 60 + "s";
    }

    private static String digits(double v) {
        String t = v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        if (t.contains(".")) {
            t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return t;
    }

    /** A tick's label on a time axis: {@code offset} in the unit of its size, with as many decimals as {@code step} needs. */
    public static String tick(long offset, long step) {
        if (offset == 0) {
            return "0";
        }
        long size = Math.max(Math.abs(offset), step);
        double unit = size >= 1_000_000_000L ? 1e9 : size >= 1_000_000 ? 1e6 : size >= 1_000 ? 1e3 : 1;
        String name = unit == 1e9 ? "s" : unit == 1e6 ? "ms" : unit == 1e3 ? "µs" : "ns";
        int decimals = (int) Math.max(0, Math.min(6, Math.ceil(Math.log10(unit / Math.max(1, step)) - 1e-9)));
        return String.format(Locale.ROOT, "%." + decimals + "f", offset / unit) + name;
    }

    /**
     * Reads a duration field: empty for a blank one, else a number and a unit ({@code 250us},
     * {@code 100ms}, {@code 1.5s}, {@code 2m}); throws with a message for the user otherwise.
     */
    public static Optional<Duration> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not a duration: write a number and a unit, as 100ms, 1.5s or 250us.");
        }
        double v = Double.parseDouble(m.group(1));
        double nanosPer = switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        return Optional.of(Duration.ofNanos(Math.round(v * nanosPer)));
    }
}
