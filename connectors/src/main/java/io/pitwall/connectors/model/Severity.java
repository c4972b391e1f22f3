package io.pitwall.connectors.model;

import java.util.Locale;

/**
 * How bad a security finding is, most severe first ({@code compareTo} orders CRITICAL before
 * INFO). Parses the words of every tool Pitwall reads: Falco priorities (Emergency..Debug, mapped
 * as falcosidekick's PolicyReport output maps them), Trivy severities (CRITICAL..UNKNOWN) and
 * PolicyReport severities (critical..info).
 */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    /**
     * A Falco priority: Emergency, Alert and Critical are CRITICAL, Error HIGH, Warning MEDIUM,
     * Notice LOW, Informational (Info) and Debug INFO. Case is ignored; anything else is INFO.
     */
    public static Severity ofFalcoPriority(String priority) {
        return switch (lower(priority)) {
            case "emergency", "alert", "critical" -> CRITICAL;
            case "error" -> HIGH;
            case "warning", "warn" -> MEDIUM;
            case "notice" -> LOW;
            default -> INFO;
        };
    }

    /**
     * Any tool's word for a severity: Trivy's CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN and NONE (both
     * INFO), PolicyReport's critical..info, Falco's priorities; case is ignored; blank or unknown
     * words are INFO.
     */
    public static Severity parse(String word) {
        return switch (lower(word)) {
            case "critical", "emergency", "alert" -> CRITICAL;
            case "high", "error" -> HIGH;
            case "medium", "moderate", "warning", "warn" -> MEDIUM;
            case "low", "notice" -> LOW;
            default -> INFO;
        };
    }

    /** This severity in lower case ("critical"), as the UI and the filter name it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
