package io.pitwall.ui.workspace;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/**
 * A pane's view with a line above it that says which kinds the user may not list ("No access
 * to Node, Namespace"), so that what RBAC hides reads as hidden, not as absent. The line shows
 * only the kinds the pane draws.
 */
public final class AccessBanner extends BorderPane {

    private final Label line = new Label();
    private final Set<String> kinds;

    /** @param kinds the kinds {@code view} draws (Pod, Node, Event...) */
    public AccessBanner(Node view, Collection<String> kinds) {
        this.kinds = Set.copyOf(kinds);
        line.getStyleClass().add("pw-access-banner");
        line.setWrapText(true);
        line.setMaxWidth(Double.MAX_VALUE);
        setCenter(view);
        show(List.of());
    }

    /** The kinds the user may not list now. */
    public void show(Collection<String> noAccess) {
        Set<String> mine = new TreeSet<>(noAccess);
        mine.retainAll(kinds);
        if (mine.isEmpty()) {
            setTop(null);
            return;
        }
        line.setText("No access to " + String.join(", ", mine) + ": your role may not list them, so they are not shown.");
        setTop(line);
    }

    public String text() {
        return getTop() == null ? "" : line.getText();
    }
}
