package io.pitwall.ui.logs;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colour tokens as the log view and its histogram draw with them, read through hidden
 * labels styled with each token (a Canvas has no CSS of its own); read again when the theme changes.
 */
final class LogColours {

    static final String[] TOKENS = {"-pw-bg", "-pw-bg-subtle", "-pw-bg-inset", "-pw-fg", "-pw-fg-muted", "-pw-border",
        "-pw-accent", "-pw-ok", "-pw-warn", "-pw-critical", "-pw-info", "-pw-series-0", "-pw-series-1", "-pw-series-2",
        "-pw-series-3", "-pw-series-4", "-pw-series-5"};

    private final Map<String, Label> probes = new LinkedHashMap<>();
    private final Map<String, Color> colours = new LinkedHashMap<>();
    // derived once per theme, not per row drawn
    private final Color[] levelTints = new Color[LogLevel.ALL.size()];
    private final Color[] series = new Color[6];
    private final Color[] seriesTints = new Color[6];
    private Color selection;
    private Color hit;
    private Color currentHit;

    LogColours() {
        for (String token : TOKENS) {
            Label probe = new Label();
            probe.setStyle("-fx-text-fill: " + token + ";");
            probe.setManaged(false);
            probe.setVisible(false);
            probes.put(token, probe);
        }
        read();
    }

    Iterable<? extends Node> probes() {
        return probes.values();
    }

    void read() {
        for (Map.Entry<String, Label> e : probes.entrySet()) {
            if (e.getValue().getScene() != null) {
                e.getValue().applyCss();
            }
            Paint p = e.getValue().getTextFill();
            colours.put(e.getKey(), p instanceof Color c ? c : Color.GRAY);
        }
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

    Color get(String token) {
        return colours.getOrDefault(token, Color.GRAY);
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

    boolean dark() {
        return get("-pw-bg").getBrightness() < 0.5;
    }

    Color bg() {
        return get("-pw-bg");
    }

    Color fg() {
        return get("-pw-fg");
    }

    Color muted() {
        return get("-pw-fg-muted");
    }

    Color subtle() {
        return get("-pw-bg-subtle");
    }

    Color accent() {
        return get("-pw-accent");
    }

    Color warn() {
        return get("-pw-warn");
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
