package io.pitwall.ui.fx;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colour tokens ({@code -pw-fg}, {@code -pw-critical}...) as Colors, for what CSS
 * cannot style: Canvas drawings and third-party controls that take colours in code. Resolves them
 * through hidden labels under {@code parent}, so the scene's stylesheets apply.
 */
public final class ThemeColors {

    private final Map<String, Label> probes = new HashMap<>();

    /** Adds one hidden probe per token to {@code parent}'s children. */
    public ThemeColors(Parent parent, java.util.List<javafx.scene.Node> children, String... tokens) {
        for (String token : tokens) {
            Label probe = new Label();
            probe.setStyle("-fx-text-fill: " + token + ";");
            probe.setManaged(false);
            probe.setVisible(false);
            probes.put(token, probe);
            children.add(probe);
        }
    }

    /** The token's colour now ({@code fallback} before the scene's CSS applies, or for an unknown token). */
    public Color get(String token, Color fallback) {
        Label probe = probes.get(token);
        if (probe == null || probe.getScene() == null) {
            return fallback;
        }
        probe.applyCss();
        Paint p = probe.getTextFill();
        return p instanceof Color c ? c : fallback;
    }
}
