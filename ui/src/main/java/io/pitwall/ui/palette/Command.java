package io.pitwall.ui.palette;

import java.util.Objects;

/**
 * An action the palette can run.
 *
 * @param id       stable id, e.g. {@code theme.dark}
 * @param title    what the palette lists, e.g. "Theme: Dark"
 * @param shortcut the key combination shown beside it, or empty
 */
public record Command(String id, String title, String shortcut, Runnable action) {

    public Command {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(action, "action");
        shortcut = shortcut == null ? "" : shortcut;
    }
}
