package io.pitwall.ui.capture;

import io.pitwall.connectors.session.IncidentCapture;
import io.pitwall.connectors.session.Signal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A capture under way: one line per signal (waiting, capturing, what it wrote, what went wrong),
 * Cancel while it runs, and at the end the outcome with "Open the bundle". Driven from the FX
 * thread by {@link #started}, {@link #finished} and {@link #ended}.
 */
public final class CaptureProgressView extends VBox {

    private final Map<Signal, Label> states = new EnumMap<>(Signal.class);
    private final Map<Signal, ProgressIndicator> spinners = new EnumMap<>(Signal.class);
    private final Label outcome = new Label("Capturing\u2026");
    private final Button cancel = new Button("Cancel");
    private final Button open = new Button("Open the bundle");
    private final Button close = new Button("Close");

    public CaptureProgressView(Set<Signal> signals) {
        setId("capture-progress");
        setSpacing(10);
        setPadding(new Insets(12));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        for (Signal s : CaptureDialog.OFFERED) {
            if (!signals.contains(s)) {
                continue;
            }
            Label state = new Label("waiting");
            state.setId("capture-state-" + s.bundleFolder());
            state.getStyleClass().add("pw-muted");
            state.setWrapText(true);
            state.setMaxWidth(440);
            ProgressIndicator spin = new ProgressIndicator();
            spin.setPrefSize(16, 16);
            spin.setVisible(false);
            states.put(s, state);
            spinners.put(s, spin);
            grid.addRow(row++, spin, new Label(s.displayName()), state);
        }
        outcome.setId("capture-outcome");
        outcome.setWrapText(true);
        cancel.setId("capture-cancel");
        open.setId("capture-open");
        close.setId("capture-close");
        open.setVisible(false);
        open.setManaged(false);
        close.setVisible(false);
        close.setManaged(false);
        getChildren().addAll(grid, outcome, new HBox(8, cancel, open, close));
    }

    public Button cancelButton() {
        return cancel;
    }

    public Button openButton() {
        return open;
    }

    public Button closeButton() {
        return close;
    }

    public String stateText(Signal s) {
        Label l = states.get(s);
        return l == null ? "" : l.getText();
    }

    public String outcomeText() {
        return outcome.getText();
    }

    public void started(Signal s) {
        if (states.containsKey(s)) {
            states.get(s).setText("capturing\u2026");
            spinners.get(s).setVisible(true);
        }
    }

    public void finished(IncidentCapture.Part part) {
        Label l = states.get(part.signal());
        if (l == null) {
            return;
        }
        spinners.get(part.signal()).setVisible(false);
        String wrote = part.entries() == 0 ? "nothing written"
                : part.entries() + (part.entries() == 1 ? " file, " : " files, ") + size(part.bytes());
        l.setText(part.problems().isEmpty() ? wrote : wrote + "; " + String.join("; ", part.problems()));
        l.getStyleClass().removeAll("pw-muted", "pw-warn");
        l.getStyleClass().add(part.problems().isEmpty() ? "pw-muted" : "pw-warn");
    }

    /** The end: what happened, and "Open the bundle" when one was written. */
    public void ended(IncidentCapture.Result r) {
        spinners.values().forEach(s -> s.setVisible(false));
        String text = switch (r.outcome()) {
            case COMPLETE -> "Captured into " + r.file() + " (" + size(r.bytes()) + ").";
            case PARTIAL -> "Captured into " + r.file() + " (" + size(r.bytes()) + "), with the problems above:"
                    + " they are listed in the bundle too.";
            case FAILED -> "Nothing was written: " + r.failure();
            case CANCELLED -> "Cancelled: nothing was written.";
        };
        outcome.setText(text);
        outcome.getStyleClass().removeAll("pw-critical", "pw-warn");
        if (r.outcome() == IncidentCapture.Outcome.FAILED) {
            outcome.getStyleClass().add("pw-critical");
        } else if (r.outcome() == IncidentCapture.Outcome.PARTIAL) {
            outcome.getStyleClass().add("pw-warn");
        }
        cancel.setVisible(false);
        cancel.setManaged(false);
        boolean written = r.outcome() == IncidentCapture.Outcome.COMPLETE || r.outcome() == IncidentCapture.Outcome.PARTIAL;
        open.setVisible(written);
        open.setManaged(written);
        close.setVisible(true);
        close.setManaged(true);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

}
