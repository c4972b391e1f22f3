package io.pitwall.ui.traces;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colour tokens as the waterfall, its minimap and the results' scatter plot draw with
 * them, read through hidden labels styled with each token; read again when the theme changes.
 * Services get the theme's six series colours, then the same six lighter and darker.
 */
final class WaterfallColours {

    static final String[] TOKENS = {"-pw-bg", "-pw-bg-subtle", "-pw-bg-inset", "-pw-fg", "-pw-fg-muted", "-pw-border",
        "-pw-accent", "-pw-ok", "-pw-warn", "-pw-critical", "-pw-info", "-pw-series-0", "-pw-series-1", "-pw-series-2",
        "-pw-series-3", "-pw-series-4", "-pw-series-5"};

    private final Map<String, Label> probes = new LinkedHashMap<>();
    private final Map<String, Color> colours = new LinkedHashMap<>();
    private Color[] services = new Color[18];

    WaterfallColours() {
        for (String token : TOKENS) {
            Label probe = new Label();
            probe.setStyle("-fx-text-fill: " + token + ";");
            probe.setManaged(false);
            probe.setVisible(false);
            probes.put(token, probe);
        }
        read();
    }

    List<? extends Node> probes() {
        return List.copyOf(probes.values());
    }

    void read() {
        for (Map.Entry<String, Label> e : probes.entrySet()) {
            if (e.getValue().getScene() != null) {
                e.getValue().applyCss();
            }
            Paint p = e.getValue().getTextFill();
            colours.put(e.getKey(), p instanceof Color c ? c : Color.GRAY);
        }
        Color[] next = new Color[18];
        for (int k = 0; k < 6; k++) {
            Color c = get("-pw-series-" + k);
            next[k] = c;
            next[k + 6] = c.interpolate(Color.WHITE, 0.35);
            next[k + 12] = c.interpolate(Color.BLACK, 0.3);
        }
        services = next;
    }

    Color get(String token) {
        return colours.getOrDefault(token, Color.GRAY);
    }

    /** The colour of the {@code k}th service of a trace (by its sorted services). */
    Color service(int k) {
        return services[Math.floorMod(k, services.length)];
    }

    boolean dark() {
        return bg().getBrightness() < 0.5;
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

    Color warn() {
        return get("-pw-warn");
    }

    Color critical() {
        return get("-pw-critical");
    }
}
