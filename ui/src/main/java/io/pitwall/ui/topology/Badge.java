package io.pitwall.ui.topology;

import java.util.Objects;

/**
 * A mark drawn on a box or a pod of the topology: what alerts, security findings and the like
 * say about an object, in a word or two ("3 alerts", "CVE"). The view draws boxes' badges as a
 * pill at the top right and pods' badges as a dot in the corner of their cell.
 */
public record Badge(Severity severity, String text) {

    /** How loud a badge is; its colour comes from the theme (info, warn, critical). */
    public enum Severity {
        INFO, WARNING, CRITICAL
    }

    public Badge {
        Objects.requireNonNull(severity, "severity");
        text = text == null ? "" : text;
    }

    /** The louder of two badges (the first on a tie). */
    public static Badge louder(Badge a, Badge b) {
        if (a == null) {
            return b;
        }
        return b != null && b.severity.compareTo(a.severity) > 0 ? b : a;
    }
}
