package io.pitwall.ui.logs;

import javafx.scene.paint.Color;

/**
 * The theme's colour tokens as the log view and its histogram draw with them, read through hidden
 * labels styled with each token (a Canvas has no CSS of its own); read again when the theme changes.
 */
final class LogColours extends io.pitwall.ui.fx.TokenProbes {

    // derived once per theme, not per row drawn
    private final Color[] levelTints = new Color[LogLevel.ALL.size()];
    private final Color[] series = new Color[6];
    private final Color[] seriesTints = new Color[6];
    private Color selection;
    private Color hit;
    private Color currentHit;

    LogColours() {
        read();
    }

    @Override
    public void read() {
        super.read();
        for (LogLevel level : LogLevel.ALL) {
            levelTints[level.ordinal()] = level(level).deriveColor(0, 1, 1, dark() ? 0.10 : 0.08);
        }
        for (int k = 0; k < series.length; k++) {
            series[k] = get("-pw-series-" + k);
            seriesTints[k] = series[k].deriveColor(0, 1, 1, 0.22);
        }
        selection = accent().deriveColor(0, 1, 1, 0.28);
        hit = warn().deriveColor(0, 1, 1, 0.35);
        currentHit = warn().deriveColor(0, 1, 1, 0.75);
    }

    Color level(LogLevel level) {
        return get(level.colourToken());
    }

    /** A stream's chip colour: stable for the stream's labels, one of the theme's series colours. */
    Color stream(int hash) {
        return series[Math.floorMod(hash, series.length)];
    }

    /** A stream's chip background: {@link #stream} faded. */
    Color streamTint(int hash) {
        return seriesTints[Math.floorMod(hash, seriesTints.length)];
    }

    /** The background of a line of {@code level} (the painter shades warnings and errors with it). */
    Color levelTint(LogLevel level) {
        return levelTints[level.ordinal()];
    }

    /** The background of selected lines. */
    Color selection() {
        return selection;
    }

    /** The background of a search hit's text; the current hit's is stronger. */
    Color hit(boolean current) {
        return current ? currentHit : hit;
    }
}
