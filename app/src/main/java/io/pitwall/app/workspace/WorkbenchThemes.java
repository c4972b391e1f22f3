package io.pitwall.app.workspace;

import io.pitwall.themes.Theme;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The theme of every Pitwall window: the one chosen, or the OS's light or dark preference
 * followed as it changes.
 */
final class WorkbenchThemes {

    private final Node root;
    private final Supplier<Settings> settings;
    private Theme current = Theme.DARK;

    WorkbenchThemes(Node root, Supplier<Settings> settings) {
        this.root = root;
        this.settings = settings;
    }

    /** Applies the saved theme, and follows the system's preference while it is chosen. */
    void start() {
        apply(Theme.byId(settings.get().theme()).orElseGet(WorkbenchThemes::system));
        Platform.getPreferences().colorSchemeProperty().addListener((o, was, now) -> {
            if (Settings.SYSTEM_THEME.equals(settings.get().theme())) {
                apply(Theme.forColorScheme(now));
            }
        });
    }

    /** The main window's scene (shown or not) and every other window's, floating panes included. */
    void apply(Theme t) {
        current = t;
        Set<Scene> scenes = new LinkedHashSet<>();
        if (root.getScene() != null) {
            scenes.add(root.getScene());
        }
        Window.getWindows().stream().map(Window::getScene).filter(Objects::nonNull).forEach(scenes::add);
        t.apply(scenes.toArray(Scene[]::new));
    }

    Theme current() {
        return current;
    }

    static Theme system() {
        return Theme.forColorScheme(Platform.getPreferences().getColorScheme());
    }
}
