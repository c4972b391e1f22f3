package io.pitwall.app.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The user's settings ({@code settings.json}).
 *
 * @param theme          a theme id, or {@code system} to follow the OS's light or dark preference
 * @param recentContexts the kubeconfig contexts used last, newest first; the first is reopened
 * @param namespaces     the namespace filter last used with each context (absent: all namespaces)
 */
public record Settings(String theme, List<String> recentContexts, Map<String, String> namespaces) {

    public static final String SYSTEM_THEME = "system";
    /** How many recent contexts are remembered. */
    static final int RECENT = 5;

    public Settings {
        theme = theme == null ? SYSTEM_THEME : theme;
        recentContexts = recentContexts == null ? List.of() : List.copyOf(recentContexts);
        namespaces = namespaces == null ? Map.of() : Map.copyOf(namespaces);
    }

    public static Settings defaults() {
        return new Settings(SYSTEM_THEME, List.of(), Map.of());
    }

    public Settings withTheme(String id) {
        return new Settings(id, recentContexts, namespaces);
    }

    /** {@code context} becomes the most recent. */
    public Settings withContextUsed(String context) {
        List<String> recent = new ArrayList<>(recentContexts);
        recent.remove(context);
        recent.addFirst(context);
        return new Settings(theme, recent.subList(0, Math.min(RECENT, recent.size())), namespaces);
    }

    /** The context used last, if any. */
    public String lastContext() {
        return recentContexts.isEmpty() ? null : recentContexts.getFirst();
    }

    /** Remembers {@code namespace} (empty: all) as the filter of {@code context}. */
    public Settings withNamespace(String context, Optional<String> namespace) {
        Map<String, String> next = new TreeMap<>(namespaces);
        namespace.ifPresentOrElse(ns -> next.put(context, ns), () -> next.remove(context));
        return new Settings(theme, recentContexts, next);
    }

    /** The namespace filter last used with {@code context}. */
    public Optional<String> namespace(String context) {
        return Optional.ofNullable(namespaces.get(context));
    }
}
