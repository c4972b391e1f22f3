package io.pitwall.ui.shell;

import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** One item per signal: its state as a coloured dot and a short text, the detail in a tooltip. */
public final class StatusBar extends HBox {

    private final Map<Signal, Label> items = new EnumMap<>(Signal.class);
    private final Label session = new Label();

    public StatusBar() {
        getStyleClass().add("pw-status-bar");
        setSpacing(4);
        for (Signal s : Signal.values()) {
            Label item = new Label(s.displayName(), new FontIcon(MaterialDesignC.CIRCLE_MEDIUM));
            item.getStyleClass().add("pw-status-item");
            item.setId("status-" + s.name().toLowerCase(java.util.Locale.ROOT));
            items.put(s, item);
            getChildren().add(item);
        }
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        session.setId("status-session");
        getChildren().addAll(grow, session);
        show(Map.of(), "No session");
    }

    /** Shows every signal's state; a signal missing from {@code states} is "not connected". */
    public void show(Map<Signal, SourceState> states, String sessionTitle) {
        session.setText(sessionTitle);
        for (Signal s : Signal.values()) {
            SourceState state = states.get(s);
            Label item = items.get(s);
            item.getStyleClass().removeAll("connected", "slow", "failing", "offline", "not-configured");
            Look look = look(state);
            item.getStyleClass().add(look.style());
            String summary = state == null ? "not connected" : state.summary();
            item.setText(s.displayName() + ": " + look.word());
            item.setTooltip(new Tooltip(s.displayName() + ": " + summary));
        }
    }

    /** The text shown for {@code signal}, for tests and screen readers. */
    public String textOf(Signal signal) {
        return items.get(signal).getText();
    }

    /** A state's style class and its word in the bar. */
    private record Look(String style, String word) {
    }

    private static Look look(SourceState state) {
        return switch (state) {
            case null -> new Look("not-configured", "not connected");
            case SourceState.Connected c -> new Look("connected", "connected");
            case SourceState.Connecting c -> new Look("slow", "connecting");
            case SourceState.Slow s -> new Look("slow", "slow");
            case SourceState.Failing f -> new Look("failing", "failing");
            case SourceState.Offline o -> o.present() ? new Look("offline", "offline") : new Look("not-configured", "not in bundle");
            case SourceState.NotConfigured n -> new Look("not-configured", "not connected");
        };
    }
}
