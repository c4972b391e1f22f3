package io.pitwall.app.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's settings ({@code settings.json}).
 *
 * @param theme          a theme id, or {@code system} to follow the OS's light or dark preference
 * @param recentContexts the kubeconfig contexts used last, newest first; the first is reopened
 */
public record Settings(String theme, List<String> recentContexts) {

    public static final String SYSTEM_THEME = "system";
    /** How many recent contexts are remembered. */
    static final int RECENT = 5;

    public Settings {
        theme = theme == null ? SYSTEM_THEME : theme;
        recentContexts = recentContexts == null ? List.of() : List.copyOf(recentContexts);
    }

    public static Settings defaults() {
        return new Settings(SYSTEM_THEME, List.of());
    }

    public Settings withTheme(String id) {
        return new Settings(id, recentContexts);
    }

    /** {@code context} becomes the most recent. */
    public Settings withContextUsed(String context) {
        List<String> recent = new ArrayList<>(recentContexts);
        recent.remove(context);
        recent.addFirst(context);
        return new Settings(theme, recent.subList(0, Math.min(RECENT, recent.size())));
    }

    /** The context used last, if any. */
    public String lastContext() {
        return recentContexts.isEmpty() ? null : recentContexts.getFirst();
    }
}
