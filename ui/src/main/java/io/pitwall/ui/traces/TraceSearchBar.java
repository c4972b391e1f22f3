package io.pitwall.ui.traces;

import io.pitwall.connectors.traces.TraceQuery;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The trace search: service and operation (from the source), tags as {@code key=value} pairs,
 * a minimum and maximum duration ({@code 100ms}, {@code 1.5s}) and a limit. What cannot be read
 * is said in the pane's message line, naming the field, and nothing is searched.
 */
public final class TraceSearchBar extends FlowPane {

    static final String ALL_OPERATIONS = "all operations";

    private final TracesViewModel model;
    private final ComboBox<String> service = new ComboBox<>();
    private final ComboBox<String> operation = new ComboBox<>();
    private final TextField tags = new TextField();
    private final TextField min = new TextField();
    private final TextField max = new TextField();
    private final Spinner<Integer> limit = new Spinner<>(1, 1500, 20, 10);
    private final Button search = new Button("Search", new FontIcon(MaterialDesignM.MAGNIFY));

    public TraceSearchBar(TracesViewModel model) {
        super(6, 4);
        this.model = model;
        setId("trace-search-bar");
        setAlignment(Pos.CENTER_LEFT);
        service.setId("trace-service");
        service.setPromptText("service");
        service.setEditable(true);
        service.setItems(model.services());
        service.valueProperty().bindBidirectional(model.serviceProperty());
        service.setPrefWidth(160);
        operation.setId("trace-operation");
        operation.setPromptText(ALL_OPERATIONS);
        operation.setPrefWidth(160);
        model.operations().addListener((javafx.collections.ListChangeListener<String>) c -> {
            java.util.List<String> items = new java.util.ArrayList<>();
            items.add(ALL_OPERATIONS);
            items.addAll(model.operations());
            operation.getItems().setAll(items);
        });
        tags.setId("trace-tags");
        tags.setPromptText("tags: http.status_code=500 error=true");
        tags.setPrefColumnCount(16);
        min.setId("trace-min-duration");
        min.setPromptText("min, e.g. 100ms");
        min.setPrefColumnCount(8);
        max.setId("trace-max-duration");
        max.setPromptText("max, e.g. 1.5s");
        max.setPrefColumnCount(8);
        limit.setId("trace-limit");
        limit.setEditable(true);
        limit.setPrefWidth(86);
        limit.setTooltip(new Tooltip("The most traces to return"));
        search.setId("trace-search");
        search.setDefaultButton(false);
        search.setOnAction(e -> run());
        tags.setOnAction(e -> run());
        min.setOnAction(e -> run());
        max.setOnAction(e -> run());
        Label limitLabel = new Label("limit");
        limitLabel.getStyleClass().add("text-muted");
        getChildren().addAll(service, operation, tags, min, max, limitLabel, limit, search);
        setDisable(!model.hasSource());
    }

    /** Reads the fields and searches; returns what was searched, or empty (and says why) when a field cannot be read. */
    public Optional<TraceQuery> run() {
        Optional<TraceQuery> q = read();
        q.ifPresent(model::search);
        return q;
    }

    /** The fields as a query, or empty with the reason in the pane's message line. */
    Optional<TraceQuery> read() {
        Map<String, String> conditions;
        Optional<Duration> lo;
        Optional<Duration> hi;
        try {
            conditions = TagConditions.parse(tags.getText());
        } catch (IllegalArgumentException e) {
            return refuse(tags, "Tags: " + e.getMessage());
        }
        try {
            lo = Durations.parse(min.getText());
        } catch (IllegalArgumentException e) {
            return refuse(min, "Min duration: " + e.getMessage());
        }
        try {
            hi = Durations.parse(max.getText());
        } catch (IllegalArgumentException e) {
            return refuse(max, "Max duration: " + e.getMessage());
        }
        if (lo.isPresent() && hi.isPresent() && lo.get().compareTo(hi.get()) > 0) {
            return refuse(min, "The min duration (" + min.getText().strip() + ") is longer than the max (" + max.getText().strip() + ").");
        }
        String s = service.getEditor() != null && service.isEditable() ? service.getEditor().getText() : service.getValue();
        if (s != null && !s.equals(service.getValue())) {
            model.serviceProperty().set(s.strip());
        }
        if (model.serviceProperty().get() == null || model.serviceProperty().get().isBlank()) {
            return refuse(service, "Pick a service to search its traces.");
        }
        String op = operation.getValue() == null || operation.getValue().equals(ALL_OPERATIONS) ? "" : operation.getValue();
        for (TextField f : new TextField[] {tags, min, max}) {
            f.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), false);
        }
        model.say("");
        return Optional.of(model.query(op, conditions, lo, hi, limit.getValue()));
    }

    private Optional<TraceQuery> refuse(javafx.scene.Node field, String why) {
        field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), true);
        model.say(why);
        return Optional.empty();
    }

    public ComboBox<String> serviceBox() {
        return service;
    }

    public ComboBox<String> operationBox() {
        return operation;
    }

    public TextField tagsField() {
        return tags;
    }

    public TextField minField() {
        return min;
    }

    public TextField maxField() {
        return max;
    }
}
