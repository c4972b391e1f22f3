package io.pitwall.ui.logs;

import java.util.List;

/**
 * A line's severity as detected from its text ({@link LevelDetector}); {@code UNKNOWN} when the
 * line does not say. Stored per line as one byte (the ordinal), never as an object per line.
 */
public enum LogLevel {
    UNKNOWN("", "-pw-fg-muted"),
    TRACE("TRACE", "-pw-fg-muted"),
    DEBUG("DEBUG", "-pw-fg-muted"),
    INFO("INFO", "-pw-info"),
    WARN("WARN", "-pw-warn"),
    ERROR("ERROR", "-pw-critical"),
    FATAL("FATAL", "-pw-critical");

    /** Every level, in ordinal order. */
    public static final List<LogLevel> ALL = List.of(values());

    /** The mask of every level: no level filter. */
    public static final int ALL_MASK = (1 << values().length) - 1;

    private final String tag;
    private final String token;

    LogLevel(String tag, String token) {
        this.tag = tag;
        this.token = token;
    }

    /** The short word drawn in the level column ("" for unknown). */
    public String tag() {
        return tag;
    }

    /** The theme's colour token for this level. */
    public String colourToken() {
        return token;
    }

    public int bit() {
        return 1 << ordinal();
    }

    static LogLevel of(int ordinal) {
        return ALL.get(ordinal);
    }
}
