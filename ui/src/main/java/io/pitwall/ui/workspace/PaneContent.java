package io.pitwall.ui.workspace;

import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The body of one pane. Until its signal's view is there it shows an empty state that says
 * what is missing and what to connect; each signal's view replaces it when its source serves data.
 */
public final class PaneContent extends StackPane {

    private final PaneId pane;
    private final EmptyState empty;
    private Runnable configure;
    private SourceState lastState;

    public PaneContent(PaneId pane) {
        this.pane = pane;
        getStyleClass().addAll("pw-pane", "pw-pane-" + pane.id());
        setId("pane-" + pane.id());
        empty = new EmptyState(pane.icon(), "", "");
        getChildren().add(empty);
        show(Map.of());
        // a pane shrinks with the window and clips what does not fit, so a view's minimum size
        // never pushes the other panes (or the status bar) out of the window
        setMinSize(0, 0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    public PaneId pane() {
        return pane;
    }

    public EmptyState emptyState() {
        return empty;
    }

    /**
     * A button in the empty state that sets up the pane's source (the metrics endpoints of a live
     * context), shown while the source is not configured; null removes it.
     */
    public void setConfigureAction(String text, Runnable action) {
        configure = action;
        empty.action().setText(text);
        empty.action().setOnAction(e -> {
            if (configure != null) {
                configure.run();
            }
        });
        empty.action().setId("configure-" + pane.id());
        empty.showAction(configure != null && lastState instanceof SourceState.NotConfigured);
    }

    /** Shows {@code view} (the signal's own view) in place of the empty state; null brings it back. */
    public void setView(javafx.scene.Node view) {
        getChildren().removeIf(n -> n.getProperties().containsKey(VIEW));
        empty.setVisible(view == null && getChildren().stream().noneMatch(n -> n.getProperties().containsKey(NOTES)));
        getChildren().stream().filter(n -> n.getProperties().containsKey(NOTES)).forEach(n -> n.setVisible(view == null));
        if (view != null) {
            view.getProperties().put(VIEW, Boolean.TRUE);
            // a view taller than a short pane keeps its top (its title and controls) in sight
            StackPane.setAlignment(view, javafx.geometry.Pos.TOP_LEFT);
            getChildren().add(view);
        }
    }

    private static final String VIEW = "pitwall.pane.view";
    private static final String NOTES = "pitwall.pane.notes";

    /** The signal whose source feeds this pane; none for the timeline and details. */
    public static Optional<Signal> signalOf(PaneId pane) {
        return Optional.ofNullable(switch (pane) {
            case TOPOLOGY, EVENTS -> Signal.CLUSTER;
            case METRICS -> Signal.METRICS;
            case LOGS -> Signal.LOGS;
            case TRACES -> Signal.TRACES;
            case SECURITY -> Signal.SECURITY;
            case ALERTS -> Signal.ALERTS;
            case TIMELINE, DETAILS -> null;
        });
    }

    /**
     * The details pane shows the incident's notes while nothing is selected (a bundle's
     * {@code notes.md}, as plain text).
     */
    public void showNotes(Optional<String> markdown) {
        if (pane != PaneId.DETAILS) {
            return;
        }
        getChildren().removeIf(n -> n.getProperties().containsKey(NOTES));
        empty.setVisible(markdown.isEmpty() && getChildren().stream().noneMatch(n -> n.getProperties().containsKey(VIEW)));
        markdown.ifPresent(text -> {
            javafx.scene.layout.VBox notes = new javafx.scene.layout.VBox(8);
            notes.getStyleClass().add("pw-notes");
            notes.setId("incident-notes");
            for (NotesText.Block b : NotesText.blocks(text)) {
                Label l = new Label(b.kind() == NotesText.Kind.ITEM ? "\u2022 " + b.text() : b.text());
                l.setWrapText(true);
                l.getStyleClass().add(b.kind() == NotesText.Kind.HEADING ? "title-4" : "text");
                notes.getChildren().add(l);
            }
            ScrollPane scroll = new ScrollPane(notes);
            scroll.getProperties().put(NOTES, Boolean.TRUE);
            scroll.setFitToWidth(true);
            getChildren().add(scroll);
        });
    }

    private static boolean hasData(SourceState s) {
        return s instanceof SourceState.Offline o ? o.present()
                : s instanceof SourceState.Connected || s instanceof SourceState.Slow;
    }

    /** Shows what the pane has, given every source's state (empty map: no session at all). */
    public void show(Map<Signal, SourceState> states) {
        Optional<Signal> signal = signalOf(pane);
        if (signal.isEmpty()) {
            if (pane == PaneId.DETAILS) {
                empty.set(MaterialDesignC.CURSOR_DEFAULT_CLICK_OUTLINE, "Nothing selected",
                        "Select a pod, workload, service or node in any pane to see its details here.");
            } else if (states.values().stream().anyMatch(PaneContent::hasData)) {
                empty.set(MaterialDesignL.LAYERS_OUTLINE, "Timeline",
                        "Deployments, restarts, alerts and security events line up here on one time axis;"
                                + " this build of Pitwall does not draw the timeline yet.");
            } else {
                empty.set(MaterialDesignL.LAYERS_OUTLINE, "No events in this window",
                        "Connect a cluster or open an incident bundle: deployments, restarts, alerts and"
                                + " security events line up here on one time axis.");
            }
            return;
        }
        SourceState state = states.get(signal.get());
        lastState = state;
        empty.showAction(configure != null && state instanceof SourceState.NotConfigured);
        String name = signal.get().displayName();
        switch (state) {
            case null -> empty.set(pane.icon(), "No " + name.toLowerCase(java.util.Locale.ROOT) + " source",
                    "Connect " + signal.get().whatToConnect() + ", or open an incident bundle (Ctrl+O).");
            case SourceState.NotConfigured nc -> empty.set(pane.icon(),
                    "No " + name.toLowerCase(java.util.Locale.ROOT) + " source",
                    "Connect " + nc.whatToConnect() + ", or open an incident bundle (Ctrl+O).");
            case SourceState.Failing f -> empty.set(pane.icon(), name + " source failing", f.reason());
            case SourceState.Offline o when !o.present() -> empty.set(pane.icon(),
                    "No " + name.toLowerCase(java.util.Locale.ROOT) + " in this bundle",
                    "The incident bundle " + o.bundleName() + " was captured without "
                            + name.toLowerCase(java.util.Locale.ROOT) + ".");
            case SourceState.Offline o -> empty.set(pane.icon(),
                    name + " captured in " + o.bundleName(),
                    o.contents() + ". This build of Pitwall does not draw " + name.toLowerCase(java.util.Locale.ROOT)
                            + " yet: `pitwall inspect` lists what the bundle holds.");
            case SourceState.Connecting c -> empty.set(pane.icon(), "Connecting\u2026", state.summary() + ".");
            case SourceState.Connected c -> empty.set(pane.icon(), name + " connected",
                    c.endpoint() + ". This build of Pitwall does not draw " + name.toLowerCase(java.util.Locale.ROOT)
                            + " yet.");
            case SourceState.Slow sl -> empty.set(pane.icon(), name + " connected, slowly",
                    sl.summary() + ". This build of Pitwall does not draw " + name.toLowerCase(java.util.Locale.ROOT)
                            + " yet.");
        }
    }
}
