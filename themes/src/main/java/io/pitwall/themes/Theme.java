package io.pitwall.themes;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.scene.Scene;

/**
 * Pitwall's themes: an AtlantaFX palette as the user-agent stylesheet, then Pitwall's semantic
 * colour tokens ({@code -pw-*}, defined over the palette's {@code -color-*} tokens) and its
 * component rules. Views style themselves with the {@code -pw-*} tokens only.
 */
public enum Theme {
    DARK("dark", "Dark", new PrimerDark().getUserAgentStylesheet(), true, "pitwall-dark.css"),
    LIGHT("light", "Light", new PrimerLight().getUserAgentStylesheet(), false, "pitwall-light.css"),
    HIGH_CONTRAST("high-contrast", "High contrast", new PrimerDark().getUserAgentStylesheet(), true,
            "pitwall-high-contrast.css");

    private final String id;
    private final String displayName;
    private final String userAgentStylesheet;
    private final boolean dark;
    private final String variantSheet;

    Theme(String id, String displayName, String userAgentStylesheet, boolean dark, String variantSheet) {
        this.id = id;
        this.displayName = displayName;
        this.userAgentStylesheet = userAgentStylesheet;
        this.dark = dark;
        this.variantSheet = variantSheet;
    }

    /** The stable id used in settings and on the command line ({@code --theme dark}). */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isDark() {
        return dark;
    }

    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    /** Pitwall's own sheets for this theme, in the order they must be added to a scene. */
    public List<String> stylesheets() {
        return List.of(resource("pitwall-base.css"), resource(variantSheet));
    }

    /** Makes this the theme of the running application and of {@code scenes}. */
    public void apply(Scene... scenes) {
        Application.setUserAgentStylesheet(userAgentStylesheet);
        for (Scene scene : scenes) {
            scene.getStylesheets().removeIf(Theme::isPitwallSheet);
            scene.getStylesheets().addAll(stylesheets());
        }
    }

    /** The theme that matches the OS's light or dark preference. */
    public static Theme forColorScheme(ColorScheme scheme) {
        return scheme == ColorScheme.LIGHT ? LIGHT : DARK;
    }

    public static Optional<Theme> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
    }

    private static boolean isPitwallSheet(String url) {
        return url.contains("/io/pitwall/themes/");
    }

    private static String resource(String name) {
        return Objects.requireNonNull(Theme.class.getResource(name), "missing theme sheet " + name)
                .toExternalForm();
    }
}
