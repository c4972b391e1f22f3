package io.pitwall.ui.topology;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colour tokens as the topology draws with them, read through hidden labels styled
 * with each token (a Canvas has no CSS of its own). Re-read when the theme changes.
 */
final class TopologyColours {

    static final String[] TOKENS = {"-pw-bg", "-pw-bg-subtle", "-pw-bg-inset", "-pw-fg", "-pw-fg-muted", "-pw-border",
        "-pw-accent", "-pw-ok", "-pw-warn", "-pw-critical", "-pw-info", "-pw-series-4"};

    private final Map<String, Label> probes = new LinkedHashMap<>();
    private final Map<String, Color> colours = new LinkedHashMap<>();
    private final Map<PodHealth, Color> health = new EnumMap<>(PodHealth.class);
    private final Map<Badge.Severity, Color> severity = new EnumMap<>(Badge.Severity.class);

    TopologyColours() {
        for (String token : TOKENS) {
            Label probe = new Label();
            probe.setStyle("-fx-text-fill: " + token + ";");
            probe.setManaged(false);
            probe.setVisible(false);
            probes.put(token, probe);
        }
        read();
    }

    /** The hidden labels, to be added to the view's children. */
    Iterable<? extends Node> probes() {
        return probes.values();
    }

    /** Reads the tokens again (after a theme change). */
    void read() {
        for (Map.Entry<String, Label> e : probes.entrySet()) {
            if (e.getValue().getScene() != null) {
                e.getValue().applyCss();
            }
            Paint p = e.getValue().getTextFill();
            colours.put(e.getKey(), p instanceof Color c ? c : Color.GRAY);
        }
        health.put(PodHealth.RUNNING, get("-pw-ok"));
        health.put(PodHealth.PENDING, get("-pw-info"));
        health.put(PodHealth.NOT_READY, get("-pw-warn"));
        health.put(PodHealth.CRASH_LOOPING, get("-pw-critical"));
        health.put(PodHealth.FAILED, get("-pw-critical").interpolate(get("-pw-fg-muted"), 0.45));
        health.put(PodHealth.EVICTED, get("-pw-series-4"));
        health.put(PodHealth.SUCCEEDED, get("-pw-fg-muted").interpolate(get("-pw-bg"), 0.5));
        severity.put(Badge.Severity.INFO, get("-pw-info"));
        severity.put(Badge.Severity.WARNING, get("-pw-warn"));
        severity.put(Badge.Severity.CRITICAL, get("-pw-critical"));
    }

    Color get(String token) {
        return colours.getOrDefault(token, Color.GRAY);
    }

    Color health(PodHealth h) {
        return health.get(h);
    }

    Color severity(Badge.Severity s) {
        return severity.get(s);
    }

    Color bg() {
        return get("-pw-bg");
    }

    Color subtle() {
        return get("-pw-bg-subtle");
    }

    Color inset() {
        return get("-pw-bg-inset");
    }

    Color fg() {
        return get("-pw-fg");
    }

    Color muted() {
        return get("-pw-fg-muted");
    }

    Color border() {
        return get("-pw-border");
    }

    Color accent() {
        return get("-pw-accent");
    }
}
