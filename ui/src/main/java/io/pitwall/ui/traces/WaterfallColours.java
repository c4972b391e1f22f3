package io.pitwall.ui.traces;

import javafx.scene.paint.Color;

/**
 * The theme's colour tokens as the waterfall, its minimap and the results' scatter plot draw with
 * them, read through hidden labels styled with each token; read again when the theme changes.
 * Services get the theme's six series colours, then the same six lighter and darker.
 */
final class WaterfallColours extends io.pitwall.ui.fx.TokenProbes {

    private Color[] services = new Color[18];

    WaterfallColours() {
        read();
    }

    @Override
    public void read() {
        super.read();
        Color[] next = new Color[18];
        for (int k = 0; k < 6; k++) {
            Color c = get("-pw-series-" + k);
            next[k] = c;
            next[k + 6] = c.interpolate(Color.WHITE, 0.35);
            next[k + 12] = c.interpolate(Color.BLACK, 0.3);
        }
        services = next;
    }

    /** The colour of the {@code k}th service of a trace (by its sorted services). */
    Color service(int k) {
        return services[Math.floorMod(k, services.length)];
    }

}
