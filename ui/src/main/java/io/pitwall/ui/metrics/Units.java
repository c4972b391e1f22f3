package io.pitwall.ui.metrics;

import io.pitwall.connectors.metrics.Unit;
import java.util.Locale;

/** Values as people read them: "512 MiB", "250m", "1.5 cores", "42%", "1.2 MiB/s". */
public final class Units {

    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Units() {
    }

    public static String format(Unit unit, double v) {
        if (Double.isNaN(v)) {
            return "no value";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return switch (unit) {
            case BYTES -> bytes(v);
            case BYTES_PER_SECOND -> bytes(v) + "/s";
            case CORES -> cores(v);
            case RATIO -> number(v * 100) + "%";
            case SECONDS -> seconds(v);
            case COUNT -> number(v);
        };
    }

    /** How an axis names the unit, "" when its ticks already say it. */
    public static String axisLabel(Unit unit) {
        return switch (unit) {
            case CORES -> "cores";
            case COUNT -> "";
            default -> "";
        };
    }

    static String bytes(double v) {
        double a = Math.abs(v);
        int i = 0;
        while (a >= 1024 && i < BINARY.length - 1) {
            a /= 1024;
            v /= 1024;
            i++;
        }
        return number(v) + " " + BINARY[i];
    }

    static String cores(double v) {
        if (v != 0 && Math.abs(v) < 1) {
            return number(v * 1000) + "m";
        }
        return number(v) + (Math.abs(v) == 1 ? " core" : " cores");
    }

    static String seconds(double v) {
        double a = Math.abs(v);
        if (a != 0 && a < 1e-3) {
            return number(v * 1e6) + " \u00b5s";
        }
        if (a != 0 && a < 1) {
            return number(v * 1e3) + " ms";
        }
        return number(v) + " s";
    }

    /** At most three significant digits, no trailing zeros: 0.25, 1.5, 42, 1234 (thousands stay whole). */
    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String s = a >= 10 ? String.format(Locale.ROOT, "%.1f", v) : a >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
