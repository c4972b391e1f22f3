package io.pitwall.ui.shell;

import io.pitwall.connectors.model.TimeRange;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Asks for an absolute time range, in the local time zone: "2026-11-24 22:00" to "... 23:30". */
public final class TimeRangeDialog extends Dialog<TimeRange> {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final Label problem = new Label();
    private final ZoneId zone;

    public TimeRangeDialog(TimeRange current, ZoneId zone) {
        this.zone = zone;
        setTitle("Time range");
        setHeaderText("An absolute time range (" + zone.getId() + ")");
        from.setId("range-from");
        to.setId("range-to");
        from.setText(FORMAT.format(current.from().atZone(zone)));
        to.setText(FORMAT.format(current.to().atZone(zone)));
        from.setPromptText("2026-11-24 22:00");
        to.setPromptText("2026-11-24 23:30");
        problem.getStyleClass().add("pw-critical");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("From"), from);
        grid.addRow(1, new Label("To"), to);
        grid.add(problem, 0, 2, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        from.textProperty().addListener((o, a, b) -> validate());
        to.textProperty().addListener((o, a, b) -> validate());
        validate();
        setResultConverter(button -> button == ButtonType.OK ? parse().orElse(null) : null);
    }

    private void validate() {
        String why = reason();
        problem.setText(why == null ? "" : why);
        getDialogPane().lookupButton(ButtonType.OK).setDisable(why != null);
    }

    private String reason() {
        try {
            LocalDateTime a = LocalDateTime.parse(from.getText().trim(), FORMAT);
            LocalDateTime b = LocalDateTime.parse(to.getText().trim(), FORMAT);
            return b.isAfter(a) ? null : "The end must be after the start.";
        } catch (DateTimeParseException e) {
            return "Write times as 2026-11-24 22:00 (seconds optional).";
        }
    }

    /** The range typed, when it is valid. */
    public Optional<TimeRange> parse() {
        if (reason() != null) {
            return Optional.empty();
        }
        return Optional.of(new TimeRange(LocalDateTime.parse(from.getText().trim(), FORMAT).atZone(zone).toInstant(),
                LocalDateTime.parse(to.getText().trim(), FORMAT).atZone(zone).toInstant()));
    }

    /** For tests: the two fields. */
    public TextField fromField() {
        return from;
    }

    public TextField toField() {
        return to;
    }
}
