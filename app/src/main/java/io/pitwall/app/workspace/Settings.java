package io.pitwall.app.workspace;

/**
 * The user's settings ({@code settings.json}).
 *
 * @param theme        a theme id, or {@code system} to follow the OS's light or dark preference
 * @param lastContext  the kubeconfig context used last, or null
 */
public record Settings(String theme, String lastContext) {

    public static final String SYSTEM_THEME = "system";

    public static Settings defaults() {
        return new Settings(SYSTEM_THEME, null);
    }

    public Settings withTheme(String id) {
        return new Settings(id, lastContext);
    }

    public Settings withLastContext(String context) {
        return new Settings(theme, context);
    }
}
