package io.pitwall.ui.traces;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.paint.Color;

/**
 * The theme's colour tokens as the waterfall, its minimap and the results' scatter plot draw with
 * them, read through hidden labels styled with each token; read again when the theme changes.
 * Services get the theme's six series colours, then the same six lighter and darker.
 */
final class WaterfallColours {

    private final io.pitwall.ui.fx.TokenProbes tokens = new io.pitwall.ui.fx.TokenProbes(io.pitwall.ui.fx.TokenProbes.COMMON);
    private Color[] services = new Color[18];

    WaterfallColours() {
        read();
    }

    List<? extends Node> probes() {
        return tokens.probes();
    }

    void read() {
        tokens.read();
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
        return tokens.get(token);
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
