package io.pitwall.ui.capture;

import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.Signal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * "Capture incident": what goes into the bundle (the shared time range, the namespaces, which
 * signals, the notes) and where it is written, with a rough estimate of its size. OK gives the
 * {@link Choice}; the capture itself runs elsewhere, with its progress shown.
 */
public final class CaptureDialog extends Dialog<CaptureDialog.Choice> {

    /** What the user chose. */
    public record Choice(List<String> namespaces, Set<Signal> signals, String note, Path file) {
    }

    /** The signals the dialog offers, in the capture's order (alerts come with metrics). */
    public static final List<Signal> OFFERED = List.of(Signal.CLUSTER, Signal.METRICS, Signal.LOGS, Signal.TRACES,
            Signal.SECURITY);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Map<Signal, CheckBox> signals = new EnumMap<>(Signal.class);
    private final TextField namespaces = new TextField();
    private final TextArea note = new TextArea();
    private final TextField file = new TextField();
    private final Label estimate = new Label();
    private final Label problem = new Label();
    private final Function<Choice, String> estimator;
    private final Function<Path, Optional<String>> targetCheck;

    /**
     * @param window      the shared time range, captured as is
     * @param namespaces  the namespace filter's choice (empty: all)
     * @param states      each signal's state now ("connected", "not connected"...), shown beside it
     * @param defaultFile where the bundle goes unless changed
     * @param chooseFile  "Browse…": asks for a file to save to, from the path typed so far
     * @param estimator   a rough size for a choice ("about 12 MB at most")
     * @param targetCheck why a file cannot be written there (no such folder, a folder), empty when it can
     */
    public CaptureDialog(TimeRange window, List<String> namespaces, Map<Signal, String> states, Path defaultFile,
                         Function<String, Optional<Path>> chooseFile, Function<Choice, String> estimator,
                         Function<Path, Optional<String>> targetCheck) {
        this.estimator = estimator;
        this.targetCheck = targetCheck;
        setTitle("Capture incident");
        setHeaderText("Capture " + TIME.format(window.from()) + " to " + TIME.format(window.to())
                + " into one file that opens anywhere, offline");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.setPadding(new Insets(10));
        int row = 0;
        this.namespaces.setId("capture-namespaces");
        this.namespaces.setText(String.join(", ", namespaces));
        this.namespaces.setPromptText("all namespaces");
        form.addRow(row++, new Label("Namespaces"), this.namespaces);
        VBox boxes = new VBox(4);
        for (Signal s : OFFERED) {
            String state = states.getOrDefault(s, "");
            CheckBox box = new CheckBox(s.displayName() + (s == Signal.METRICS ? " and alerts" : "")
                    + (state.isEmpty() ? "" : "  (" + state + ")"));
            box.setId("capture-signal-" + s.bundleFolder());
            box.setSelected(true);
            box.selectedProperty().addListener((o, a, b) -> revalidate());
            signals.put(s, box);
            boxes.getChildren().add(box);
        }
        form.addRow(row++, new Label("Signals"), boxes);
        note.setId("capture-note");
        note.setPromptText("What happened, what you tried, who to ask (Markdown)");
        note.setPrefRowCount(5);
        note.setWrapText(true);
        form.addRow(row++, new Label("Notes"), note);
        file.setId("capture-file");
        file.setText(defaultFile.toString());
        Button browse = new Button("Browse\u2026");
        browse.setId("capture-browse");
        browse.setOnAction(e -> chooseFile.apply(file.getText()).ifPresent(p -> file.setText(p.toString())));
        HBox.setHgrow(file, Priority.ALWAYS);
        form.addRow(row++, new Label("Save to"), new HBox(6, file, browse));
        estimate.setId("capture-estimate");
        estimate.getStyleClass().add("pw-muted");
        form.add(estimate, 1, row++);
        problem.setId("capture-problem");
        problem.getStyleClass().add("pw-critical");
        form.add(problem, 1, row);
        GridPane.setHgrow(this.namespaces, Priority.ALWAYS);
        getDialogPane().setContent(form);
        getDialogPane().setPrefWidth(620);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ((Button) getDialogPane().lookupButton(ButtonType.OK)).setText("Capture");
        this.namespaces.textProperty().addListener((o, a, b) -> revalidate());
        file.textProperty().addListener((o, a, b) -> revalidate());
        setResultConverter(b -> b == ButtonType.OK ? choice().orElse(null) : null);
        revalidate();
    }

    /** The choice as the fields hold it, when it can be captured. */
    public Optional<Choice> choice() {
        Set<Signal> chosen = EnumSet.noneOf(Signal.class);
        signals.forEach((s, box) -> {
            if (box.isSelected()) {
                chosen.add(s);
                if (s == Signal.METRICS) {
                    chosen.add(Signal.ALERTS);
                }
            }
        });
        String typed = file.getText() == null ? "" : file.getText().strip();
        if (chosen.isEmpty() || typed.isEmpty()) {
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(typed.startsWith("~/") ? System.getProperty("user.home") + typed.substring(1) : typed);
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        List<String> ns = new ArrayList<>();
        Arrays.stream(namespaces.getText().split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(ns::add);
        return Optional.of(new Choice(ns, chosen, note.getText() == null ? "" : note.getText(), path));
    }

    /** Why OK is off, or "" when it is on. */
    String problemText() {
        return problem.getText();
    }

    String estimateText() {
        return estimate.getText();
    }

    private void revalidate() {
        String why = "";
        boolean anySignal = signals.values().stream().anyMatch(CheckBox::isSelected);
        String typed = file.getText() == null ? "" : file.getText().strip();
        if (!anySignal) {
            why = "Choose at least one signal.";
        } else if (typed.isEmpty()) {
            why = "Choose where to save the bundle.";
        } else {
            try {
                Path p = Path.of(typed.startsWith("~/") ? System.getProperty("user.home") + typed.substring(1) : typed);
                why = targetCheck.apply(p).orElse("");
            } catch (java.nio.file.InvalidPathException e) {
                why = "Not a file name: " + e.getReason();
            }
        }
        problem.setText(why);
        getDialogPane().lookupButton(ButtonType.OK).setDisable(!why.isEmpty());
        estimate.setText(choice().map(estimator).orElse(""));
    }
}
