package io.pitwall.ui.fx;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colour tokens ({@code -pw-bg}, {@code -pw-critical}...) for a Canvas, which has no
 * CSS of its own: one hidden label per token, styled with it, to be added among the view's
 * children; {@link #read()} takes their colours (again after a theme change) and {@link #get}
 * answers from what was read, so drawing never touches CSS. A view's colours extend it with what
 * they derive from the tokens, worked out again in their {@link #read()}.
 */
public class TokenProbes {

    /** The tokens every Canvas view draws with. */
    public static final List<String> COMMON = List.of("-pw-bg", "-pw-bg-subtle", "-pw-bg-inset", "-pw-fg", "-pw-fg-muted",
            "-pw-border", "-pw-accent", "-pw-ok", "-pw-warn", "-pw-critical", "-pw-info", "-pw-series-0", "-pw-series-1",
            "-pw-series-2", "-pw-series-3", "-pw-series-4", "-pw-series-5");

    private final Map<String, Label> probes = new LinkedHashMap<>();
    private final Map<String, Color> colours = new LinkedHashMap<>();

    /** The {@link #COMMON} tokens. */
    public TokenProbes() {
        this(COMMON);
    }

    public TokenProbes(Collection<String> tokens) {
        for (String token : tokens) {
            Label probe = new Label();
            probe.setStyle("-fx-text-fill: " + token + ";");
            probe.setManaged(false);
            probe.setVisible(false);
            probes.put(token, probe);
        }
        readTokens(); // not read(): a subclass's fields do not exist yet
    }

    /** The hidden labels, to be added to the view's children. */
    public List<? extends Node> probes() {
        return List.copyOf(probes.values());
    }

    /**
     * Reads the tokens' colours (gray for one that does not resolve, or before the scene's CSS
     * applies); a subclass derives its own colours after calling this.
     */
    public void read() {
        readTokens();
    }

    private void readTokens() {
        for (Map.Entry<String, Label> e : probes.entrySet()) {
            if (e.getValue().getScene() != null) {
                e.getValue().applyCss();
            }
            Paint p = e.getValue().getTextFill();
            colours.put(e.getKey(), p instanceof Color c ? c : Color.GRAY);
        }
    }

    /** The token's colour as last read. */
    public Color get(String token) {
        return colours.getOrDefault(token, Color.GRAY);
    }

    /** Whether the theme is a dark one (its background is). */
    public boolean dark() {
        return bg().getBrightness() < 0.5;
    }

    public Color bg() {
        return get("-pw-bg");
    }

    public Color subtle() {
        return get("-pw-bg-subtle");
    }

    public Color inset() {
        return get("-pw-bg-inset");
    }

    public Color fg() {
        return get("-pw-fg");
    }

    public Color muted() {
        return get("-pw-fg-muted");
    }

    public Color border() {
        return get("-pw-border");
    }

    public Color accent() {
        return get("-pw-accent");
    }

    public Color warn() {
        return get("-pw-warn");
    }

    public Color critical() {
        return get("-pw-critical");
    }
}
